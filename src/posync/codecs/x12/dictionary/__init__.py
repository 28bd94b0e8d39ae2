"""The X12 data dictionary, as data: elements, segments, transaction sets, code lists.

Written by posync from the standard's published facts. ``schema`` says how an
entry reads; ``codes`` and ``elements`` hold the data elements, ``notation``
the way segments are written, ``control_segments`` and ``segments`` the
segments, ``sets_004010`` the sets; ``v004010`` and ``v005010`` put each
release together (005010 as what differs). ``registry.dictionary_for`` gives
the dictionary a GS08 names, and ``policy.severity_of`` how much each syntax
error matters to posync.
"""
