"""Chapter parameters (papermill): declared once per chapter, checked right after the parameters cell."""

import ast
import re
from datetime import date

from axbook.errors import ParameterError


class Choice:
    def __init__(self, *allowed):
        self.allowed = allowed  # the only values accepted, in the order the error message lists them

    def check(self, name, value):
        if value not in self.allowed:
            raise ParameterError(f"parameter {name!r} = {value!r} is not allowed; "
                                 f"allowed values: {', '.join(map(repr, self.allowed))}")


class IntRange:
    def __init__(self, low: int, high: int):
        self.low, self.high = low, high

    def check(self, name, value):
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            raise ParameterError(f"parameter {name!r} = {value!r} is not allowed; "
                                 f"allowed values: whole numbers from {self.low} to {self.high}")


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class DateOr:
    """A date written YYYY-MM-DD between two dates, or one named default (e.g. "page": the page's own date)."""

    def __init__(self, default: str, low: str, high: str):
        self.default, self.low, self.high = default, date.fromisoformat(low), date.fromisoformat(high)

    def check(self, name, value):
        if value == self.default:
            return
        try:
            # only YYYY-MM-DD: Python also reads '2026-W23-1' (a week date) and '20260601'
            day = date.fromisoformat(value) if isinstance(value, str) and _DAY.fullmatch(value) else None
        except ValueError:
            day = None
        if day is None or not self.low <= day <= self.high:
            raise ParameterError(f"parameter {name!r} = {value!r} is not allowed; allowed values: {self.default!r}, "
                                 f"or a date written YYYY-MM-DD from {self.low} to {self.high}")


def book_parameters() -> dict:
    """What every page takes besides its own: the edition it is written for."""
    from axbook.language import i18n

    return {"language": Choice(*i18n.LANGUAGES)}


def validate(spec: dict, values: dict) -> dict:
    """Check every declared parameter; unknown names (a typo in papermill -p) are errors too. The book-wide ones
    (``book_parameters``) may be left to their default."""
    book = book_parameters()
    spec = {**spec, **{name: rule for name, rule in book.items() if name in values}}
    unknown = sorted(set(values) - set(spec))
    if unknown:
        raise ParameterError(f"unknown parameter(s) {', '.join(map(repr, unknown))}; "
                             f"this chapter takes: {', '.join([*spec, *(n for n in book if n not in spec)])}")
    for name, rule in spec.items():
        if name not in values:
            raise ParameterError(f"parameter {name!r} is missing")
        rule.check(name, values[name])
    return dict(values)


def _assigned(source: str) -> list[str]:
    from IPython.core.inputtransformer2 import TransformerManager

    tree = ast.parse(TransformerManager().transform_cell(source))
    names = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(
            node, ast.AnnAssign | ast.AugAssign) else []
        names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def check(spec: dict, namespace: dict) -> dict:
    """The parameters as the kernel received them: every name assigned by the cells run before this one.

    Those are the chapter's ``parameters`` cell and, under papermill, its ``injected-parameters`` cell,
    so a misspelt ``-p dimensoin region`` is an unknown parameter here, not a silent default.
    """
    history = namespace.get("In")
    if not history:
        raise ParameterError("parameters can only be checked in a notebook kernel (no cell history)")
    names = dict.fromkeys(n for source in history[1:-1] for n in _assigned(source))
    return validate(spec, {name: namespace[name] for name in names})
