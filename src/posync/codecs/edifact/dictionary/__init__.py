"""The UN/EDIFACT D.96A directory as data: elements, code lists, segments, messages.

``D96A`` is built once at import from the tables of the modules beside this
one (written from the directory's published structures, not copied from any
other translator's grammar). ``directory_for`` finds it by UNH S009.
"""

from __future__ import annotations

from posync.codecs.edifact.dictionary.elements import data_elements
from posync.codecs.edifact.dictionary.messages import message_specs
from posync.codecs.edifact.dictionary.schema import Directory
from posync.codecs.edifact.dictionary.segments import composites, segment_specs


def _d96a() -> Directory:
    elements = data_elements()
    composites_by_tag = composites(elements)
    return Directory(
        version="D",
        release="96A",
        agency="UN",
        elements=elements,
        composites=composites_by_tag,
        segments=segment_specs(elements, composites_by_tag),
        messages=message_specs(),
    )


D96A = _d96a()
DIRECTORIES = (D96A,)


def directory_for(version: str, release: str, agency: str) -> Directory | None:
    """The directory a message is written in (UNH S009 0052, 0054, 0051), if posync has it."""
    for directory in DIRECTORIES:
        if (directory.version, directory.release, directory.agency) == (version, release, agency):
            return directory
    return None
