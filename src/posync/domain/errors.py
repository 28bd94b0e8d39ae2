"""The one exception hierarchy of posync.

    PosyncError                   anything posync raises on purpose
    ├── InvalidDocument           a document breaks a rule; carries every Problem found
    ├── DomainRuleViolated        a valid request that the business rules forbid
    │   ├── TransitionNotAllowed  a lifecycle move the state machine does not allow
    │   └── RevisionNotAllowed    a change to an order that can no longer change
    ├── NotFound                  a record that does not exist
    ├── AlreadyExists             a record that exists already (e.g. a PO number)
    └── ConcurrentUpdate          the record changed since it was read

Adapters raise their own subclasses (decode errors in codecs, store errors in
the store) so that entry points can map each family to one answer: a 422, a
404, a 409, or a clear line on the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a document: where (a dotted field path) and what."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message

    def under(self, prefix: str) -> Problem:
        """The same problem seen from a containing document."""
        if not self.field:
            return Problem(prefix, self.message)
        joiner = "" if self.field.startswith("[") else "."
        return Problem(f"{prefix}{joiner}{self.field}", self.message)


class PosyncError(Exception):
    """Base of every error posync raises on purpose."""


class InvalidDocument(PosyncError):
    """A document that breaks one or more rules; ``problems`` names each field."""

    def __init__(self, document_type: str, problems: Iterable[Problem]) -> None:
        self.document_type = document_type
        self.problems: tuple[Problem, ...] = tuple(problems)
        listed = "; ".join(str(problem) for problem in self.problems)
        super().__init__(f"invalid {document_type}: {listed}")


class DomainRuleViolated(PosyncError):
    """A well-formed request that the business rules do not allow."""


class TransitionNotAllowed(DomainRuleViolated):
    """A lifecycle move that the state machine does not allow."""


class RevisionNotAllowed(DomainRuleViolated):
    """A change to a purchase order that can no longer be changed."""


class NotFound(PosyncError):
    """The record asked for does not exist."""


class AlreadyExists(PosyncError):
    """A record with the same identity exists already."""


class ConcurrentUpdate(PosyncError):
    """The record was changed by someone else since it was read."""
