"""The book's own package: data -> validated tables -> themed charts -> checked claims.

Chapters import from here and stay short; nothing in a chapter reads a CSV or styles a chart itself.
"""

from axbook.errors import BookInputError, DataValidationError, ParameterError

__all__ = ["BookInputError", "DataValidationError", "ParameterError", "setup"]


def setup():
    """Enable the book's Altair theme and offline renderer (the one call every chapter starts with)."""
    from axbook import render, theme

    theme.enable()
    render.enable()
