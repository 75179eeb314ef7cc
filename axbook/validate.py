"""`python -m axbook.validate`: check the data package before anything is built (exit 1 on problems)."""

import sys

from axbook import data
from axbook.errors import DataValidationError


def main() -> int:
    try:
        desc = data.validate()
    except DataValidationError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"data: {len(desc['resources'])} datasets valid; every quoted value found in its source sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
