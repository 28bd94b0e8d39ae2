"""What every X12 mapping shares on the way out: segments built, values checked.

``Writer`` builds segments as ``[tag, element1, ...]`` lists (no ST/SE) and
checks each value against the element's length in the version asked for
(``limits``). It never shortens a value: one that does not fit becomes a
``Problem`` naming the canonical field, and ``finish`` raises them together
as ``EncodeError``. R values are written without exponent or needless
trailing zeros ("12.5", "100"), N2 values as hundredths ("1132.80" is
"113280"), dates as CCYYMMDD.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from posync.codecs.errors import EncodeError
from posync.codecs.x12.mapping.code_tables import UNITS, CodeTable
from posync.codecs.x12.mapping.common import EncodeOptions, digits
from posync.codecs.x12.mapping.limits import Limit, limit_of
from posync.domain.errors import Problem


class Writer:
    """Builds a set's segments, checking every value against its element's length."""

    def __init__(self, document_type: str, options: EncodeOptions) -> None:
        self.document_type = document_type
        self.options = options
        self.segments: list[list[str]] = []
        self.problems: list[Problem] = []

    def add(self, tag: str, *elements: str) -> None:
        values = list(elements)
        while values and not values[-1]:
            values.pop()
        self.segments.append([tag, *values])

    def fail(self, field: str, message: str) -> None:
        self.problems.append(Problem(field, message))

    def finish(self) -> list[list[str]]:
        if self.problems:
            raise EncodeError(self.document_type, self.problems)
        return self.segments

    def limit(self, element: str) -> Limit:
        return limit_of(element, self.options.version)

    def text(self, element: str, value: str | None, field: str) -> str:
        """An AN or ID value; "" when absent. Too long or too short is a problem, not a cut."""
        if value is None or value == "":
            return ""
        limit = self.limit(element)
        if not limit.minimum <= len(value) <= limit.maximum:
            self.fail(
                field,
                f"{element} {limit.describe()} (X12 {self.options.version}), "
                f"got {len(value)}: {value!r}",
            )
        return value

    def decimal(self, element: str, value: Decimal | None, field: str) -> str:
        """An R value in plain notation: no exponent, no needless trailing zeros."""
        if value is None:
            return ""
        limit = self.limit(element)
        text = plain(value, limit.maximum)
        if text is None:
            self.fail(
                field,
                f"{element} holds at most {limit.maximum} digits "
                f"(X12 {self.options.version}), got {value}",
            )
            return ""
        return text

    def implied(self, element: str, value: Decimal | None, field: str) -> str:
        """An N2 value: hundredths as a whole number; a third decimal is a problem."""
        if value is None:
            return ""
        limit = self.limit(element)
        if not value.is_finite() or value.adjusted() >= limit.maximum:
            self.fail(field, f"{element} holds at most {limit.maximum} digits, got {value}")
            return ""
        hundredths = value.scaleb(2)
        if hundredths != hundredths.to_integral_value():
            self.fail(field, f"{element} carries two decimals, got {value}")
            return ""
        text = str(int(hundredths))
        if digits(text) > limit.maximum:
            self.fail(field, f"{element} holds at most {limit.maximum} digits, got {value}")
            return ""
        return text

    def unit(self, element: str, quantity: Decimal | None, unit: str | None, field: str) -> str:
        """The unit (at ``field``) that must stand beside a quantity; none without one."""
        if quantity is None:
            return ""
        if unit is None:
            self.fail(field, f"{element} must accompany the quantity")
            return ""
        return self.unit_code(element, unit, field)

    def unit_code(self, element: str, unit: str | None, field: str) -> str:
        """A canonical (Recommendation 20) unit as its X12 355 code; "" when absent."""
        return self.translated(UNITS, element, unit, field)

    def translated(self, table: CodeTable, element: str, code: str | None, field: str) -> str:
        """A canonical UN/CEFACT code as ``table``'s X12 code; "" when absent."""
        if code is None or code == "":
            return ""
        x12 = table.to_x12(code)
        if x12 is None:
            self.fail(
                field,
                f"{element} carries a two-letter X12 code and the {table.name} {code!r} has "
                f"none; expected one of {', '.join(table.canonical_codes())} or a 2-letter code",
            )
            return ""
        return self.text(element, x12, field)

    def detach(self, start: int) -> list[list[str]]:
        """The segments added since there were ``start``, taken out to be placed elsewhere."""
        taken = self.segments[start:]
        del self.segments[start:]
        return taken

    def whole(self, element: str, value: int | None, field: str) -> str:
        if value is None:
            return ""
        limit = self.limit(element)
        text = str(value)
        if digits(text) > limit.maximum:
            self.fail(field, f"{element} holds at most {limit.maximum} digits, got {value}")
            return ""
        return text

    @staticmethod
    def date(value: date | None) -> str:
        return "" if value is None else f"{value.year:04d}{value.month:02d}{value.day:02d}"


def plain(value: Decimal, most: int) -> str | None:
    """``value`` as an R element writes it, or None when it needs more than ``most`` digits."""
    if not value.is_finite():
        return None
    if value.is_zero():
        return "0"
    normal = value.normalize()
    exponent = int(normal.as_tuple().exponent)
    if normal.adjusted() >= most or -exponent > most:
        return None
    text = format(normal, "f")
    return text if digits(text) <= most else None
