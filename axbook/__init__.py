"""The book's own package: data -> validated tables -> themed charts -> checked claims.

Chapters import from here and stay short; nothing in a chapter reads a CSV or styles a chart itself.
"""

import sys

from axbook.data import deps
from axbook.errors import BookInputError, DataValidationError, ParameterError

# jsonschema (which altair imports) builds rfc3987-syntax's grammar when it is importable: 1.1 s in every kernel, for
# an "iri" format check that nothing here uses (altair and axbook.data.descriptor validate without a format checker).
sys.modules.setdefault("rfc3987_syntax", None)
deps.record_imports()  # in a page's kernel during a build: the page depends on the modules it imports

__all__ = ["BookInputError", "DataValidationError", "ParameterError", "setup"]


def setup(language: str = "en"):
    """Write the page in ``language`` (its edition), and enable the book's Altair theme and offline renderer: the
    one call every page starts with."""
    from axbook.figures import render, theme
    from axbook.language import i18n

    i18n.use(language)
    theme.enable()
    render.enable()
