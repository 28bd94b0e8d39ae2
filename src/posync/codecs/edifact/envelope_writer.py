"""Writing an interchange: UNA (when asked), UNB, each message in UNH..UNT, UNZ.

Control references are given, never invented here: the service draws them
from the store, which never hands the same one out twice for a partner. The
date and time of preparation come from ``at`` (CCYYMMDD in syntax version 4,
YYMMDD before). Every value is fitted to the repertoire of the syntax
identifier and released where it holds a service character
(``serialize``); the result is encoded in the identifier's encoding.
Functional groups (UNG..UNE) are not written: partners rarely want them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from posync.codecs.edifact.charsets import UnsupportedSyntaxIdentifier, repertoire_of
from posync.codecs.edifact.envelope_events import MessageIdentifier, Party
from posync.codecs.edifact.segments import Segment, segment
from posync.codecs.edifact.serialize import write_segments
from posync.codecs.edifact.syntax import DEFAULT_CHARACTERS, VERSION_4_CHARACTERS, ServiceCharacters
from posync.codecs.errors import EncodeError
from posync.domain.errors import Problem

REFERENCE_LENGTH = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class OutboundMessage:
    """One message to send: its reference (UNH 0062), its S009 and its body (no UNH/UNT)."""

    reference: str
    identifier: MessageIdentifier
    body: Sequence[Segment]


def message_segments(message: OutboundMessage) -> list[Segment]:
    """The message framed: UNH, the body, UNT counting every segment and repeating 0062."""
    identifier = message.identifier
    s009: tuple[str, ...] = (
        identifier.type,
        identifier.version,
        identifier.release,
        identifier.agency,
    )
    if identifier.association:
        s009 += (identifier.association,)
    return [
        segment("UNH", message.reference, s009),
        *message.body,
        segment("UNT", str(len(message.body) + 2), message.reference),
    ]


def write_interchange(
    messages: Sequence[OutboundMessage],
    *,
    sender: Party,
    recipient: Party,
    control_reference: str,
    at: datetime,
    syntax_identifier: str = "UNOC",
    syntax_version: str = "3",
    characters: ServiceCharacters | None = None,
    una: bool = False,
    acknowledgement_requested: bool = False,
    test: bool = False,
    application_reference: str = "",
    line_break: bool = False,
) -> bytes:
    """The interchange as bytes; ``EncodeError`` names every field that cannot be written."""
    problems = _problems(messages, sender, recipient, control_reference, syntax_version)
    try:
        repertoire = repertoire_of(syntax_identifier)
    except UnsupportedSyntaxIdentifier as error:
        problems.append(Problem("syntax_identifier", str(error)))
    if problems:
        raise EncodeError("EDIFACT interchange", problems)
    if characters is None:
        characters = VERSION_4_CHARACTERS if syntax_version == "4" else DEFAULT_CHARACTERS
    date = at.strftime("%Y%m%d" if syntax_version == "4" else "%y%m%d")
    unb = segment(
        "UNB",
        (syntax_identifier, syntax_version),
        _party(sender),
        _party(recipient),
        (date, at.strftime("%H%M")),
        control_reference,
        "",
        application_reference,
        "",
        "1" if acknowledgement_requested else "",
        "",
        "1" if test else "",
    )
    segments = [unb]
    for message in messages:
        segments.extend(message_segments(message))
    segments.append(segment("UNZ", str(len(messages)), control_reference))
    text = write_segments(segments, characters, repertoire, una=una, line_break=line_break)
    return repertoire.encode(text)


def _party(party: Party) -> tuple[str, ...]:
    parts = [party.id, party.qualifier, party.routing]
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return tuple(parts)


def _problems(
    messages: Sequence[OutboundMessage],
    sender: Party,
    recipient: Party,
    control_reference: str,
    syntax_version: str,
) -> list[Problem]:
    problems = []
    if syntax_version not in ("3", "4"):
        problems.append(Problem("syntax_version", f"must be 3 or 4, got {syntax_version!r}"))
    for name, party in (("sender", sender), ("recipient", recipient)):
        if not party.id or len(party.id) > 35:
            problems.append(Problem(f"{name}.id", f"must be 1 to 35 characters, got {party.id!r}"))
        if len(party.qualifier) > 4:
            problems.append(
                Problem(
                    f"{name}.qualifier", f"must be at most 4 characters, got {party.qualifier!r}"
                )
            )
    if not 1 <= len(control_reference) <= REFERENCE_LENGTH:
        problems.append(
            Problem("control_reference", f"must be 1 to 14 characters, got {control_reference!r}")
        )
    for index, message in enumerate(messages):
        if not 1 <= len(message.reference) <= REFERENCE_LENGTH:
            problems.append(
                Problem(
                    f"messages[{index}].reference",
                    f"must be 1 to 14 characters, got {message.reference!r}",
                )
            )
        if not message.identifier.type:
            problems.append(Problem(f"messages[{index}].identifier", "needs a message type"))
    return problems
