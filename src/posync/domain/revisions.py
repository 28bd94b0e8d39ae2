"""Revisions of a purchase order and the line-level diff between two of them."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum, StrEnum

from posync.domain.documents.purchase_order import PurchaseOrder, PurchaseOrderLine


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldChange:
    """One field that differs, by dotted path, with both values as text."""

    field: str
    before: str | None
    after: str | None


class LineChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True, kw_only=True)
class LineDiff:
    line_number: int
    kind: LineChangeKind
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class OrderDiff:
    """What changed from one revision to the next: header fields and lines."""

    header: tuple[FieldChange, ...] = ()
    lines: tuple[LineDiff, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.header and not self.lines


@dataclass(frozen=True, slots=True, kw_only=True)
class Revision:
    """A purchase order as it stood at one revision, with who made it and why."""

    number: int
    document: PurchaseOrder
    diff: OrderDiff
    created_at: datetime
    actor: str
    reason: str | None = None


_NOT_DIFFED = frozenset({"revision", "lines"})


def diff_orders(before: PurchaseOrder | None, after: PurchaseOrder) -> OrderDiff:
    """The changes from ``before`` to ``after``; the original order (no before) has none."""
    if before is None:
        return OrderDiff()
    header = _changed_fields(before, after, "", _NOT_DIFFED)
    old = {line.line_number: line for line in before.lines}
    new = {line.line_number: line for line in after.lines}
    lines: list[LineDiff] = []
    for number in sorted(old.keys() | new.keys()):
        diff = _line_diff(number, old.get(number), new.get(number))
        if diff is not None:
            lines.append(diff)
    return OrderDiff(header=header, lines=tuple(lines))


def _line_diff(
    number: int, old: PurchaseOrderLine | None, new: PurchaseOrderLine | None
) -> LineDiff | None:
    if old == new:
        return None
    if old is None:
        kind = LineChangeKind.ADDED
    elif new is None:
        kind = LineChangeKind.REMOVED
    else:
        kind = LineChangeKind.CHANGED
    changes: list[FieldChange] = []
    _compare(old, new, "", frozenset(), changes)
    return LineDiff(line_number=number, kind=kind, changes=tuple(changes)) if changes else None


def _changed_fields(
    before: object, after: object, path: str, skip: frozenset[str]
) -> tuple[FieldChange, ...]:
    changes: list[FieldChange] = []
    _compare(before, after, path, skip, changes)
    return tuple(changes)


def _compare(
    old: object, new: object, path: str, skip: frozenset[str], out: list[FieldChange]
) -> None:
    """Walk both values together, in declaration order, listing the leaves that differ.

    A side that is missing (None, or a shorter list) counts as None at every leaf
    the other side has; equal subtrees are skipped whole, since most of an order
    stays the same from one revision to the next.
    """
    if old == new:
        return
    shape = new if new is not None else old
    if dataclasses.is_dataclass(shape) and not isinstance(shape, type):
        for field in dataclasses.fields(shape):
            if field.name not in skip:
                child = f"{path}.{field.name}" if path else field.name
                _compare(
                    getattr(old, field.name, None),
                    getattr(new, field.name, None),
                    child,
                    frozenset(),
                    out,
                )
    elif isinstance(old, tuple) or isinstance(new, tuple):
        before = old if isinstance(old, tuple) else ()
        after = new if isinstance(new, tuple) else ()
        for index in range(max(len(before), len(after))):
            _compare(
                before[index] if index < len(before) else None,
                after[index] if index < len(after) else None,
                f"{path}[{index}]",
                frozenset(),
                out,
            )
    elif _is_scalar(old) and _is_scalar(new):
        out.append(FieldChange(field=path, before=_text(old), after=_text(new)))
    else:
        raise TypeError(f"cannot diff a {type(shape).__name__} at {path}")


def _is_scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | bool | Decimal | date | datetime | Enum)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
