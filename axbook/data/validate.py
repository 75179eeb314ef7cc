"""`python -m axbook.data.validate [DATA_DIR]`: check the data package before anything is built.

Exit 0 when valid; exit 1 with one line per problem (file, line, column, value, rule) and no traceback.
"""

import sys
from pathlib import Path

from axbook.data import tables
from axbook.errors import DataValidationError
from axbook.paths import DATA_DIR


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    data_dir = Path(args[0]) if args else DATA_DIR
    try:
        desc = tables.validate(data_dir)
    except DataValidationError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"data: {len(desc['resources'])} datasets valid; every quoted value bound to its place in its source sentence")
    return 0


if __name__ == "__main__":
    sys.exit(main())
