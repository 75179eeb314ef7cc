"""Errors that stop a build, each worded to point at what the author must fix."""


class BookInputError(ValueError):
    """Bad input to the book: a data file or a chapter parameter."""


class DataValidationError(BookInputError):
    """A data file breaks its schema or its provenance rules. The message lists every problem found."""

    def __init__(self, problems: list[str]):
        self.problems = list(problems)
        head = f"{len(self.problems)} data problem(s); the build stops here:"
        super().__init__("\n".join([head, *(f"  - {p}" for p in self.problems)]))


class ParameterError(BookInputError):
    """A chapter parameter has a value the chapter cannot use."""
