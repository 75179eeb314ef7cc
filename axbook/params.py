"""Chapter parameters (papermill): declared once per chapter, checked right after the parameters cell."""

from collections.abc import Collection

from axbook.errors import ParameterError


class Choice:
    def __init__(self, *allowed):
        self.allowed = allowed

    def check(self, name, value):
        if value not in self.allowed:
            raise ParameterError(f"parameter {name!r} = {value!r} is not allowed; "
                                 f"allowed values: {', '.join(map(repr, self.allowed))}")


class IntRange:
    def __init__(self, low: int, high: int):
        self.low, self.high = low, high
        self.allowed = range(low, high + 1)

    def check(self, name, value):
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise ParameterError(f"parameter {name!r} = {value!r} is not allowed; "
                                 f"allowed values: whole numbers from {self.low} to {self.high}")


def validate(spec: dict, values: dict) -> dict:
    """Check every declared parameter; unknown names (a typo in papermill -p) are errors too."""
    unknown: Collection[str] = sorted(set(values) - set(spec))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(map(repr, unknown))}; "
                             f"this chapter takes: {', '.join(spec)}")
    for name, rule in spec.items():
        if name not in values:
            raise ParameterError(f"parameter {name!r} is missing")
        rule.check(name, values[name])
    return dict(values)
