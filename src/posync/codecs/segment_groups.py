"""What the X12 and EDIFACT mappings share when they read segments: groups and numbers.

``groups`` cuts a run of segments into the groups a trigger segment opens
(X12 N1 loops, EDIFACT NAD groups) and what stands outside them;
``is_decimal_text`` is the shape both standards give a plain number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, TypeVar


class Tagged(Protocol):
    @property
    def tag(self) -> str: ...


T = TypeVar("T", bound=Tagged)


def groups(
    segments: Sequence[T], trigger: str, members: frozenset[str]
) -> tuple[list[T], list[list[T]]]:
    """The groups of ``segments``: each ``trigger`` takes the ``members`` that follow it.

    Returns the segments outside any group, and the groups in order.
    """
    outside: list[T] = []
    found: list[list[T]] = []
    open_group = False
    for at in segments:
        if at.tag == trigger:
            found.append([at])
            open_group = True
        elif open_group and at.tag in members:
            found[-1].append(at)
        else:
            open_group = False
            outside.append(at)
    return outside, found


def is_decimal_text(value: str) -> bool:
    """An optional minus, then ASCII digits with at most one point among them."""
    number = value[1:] if value[:1] == "-" else value
    figures = number.replace(".", "", 1)
    return figures.isdigit() and figures.isascii()
