"""The X12 data dictionary, as data: elements, segments, transaction sets, code lists.

Written by posync from the standard's published facts; ``schema`` says how an
entry reads, the version modules hold the entries.
"""
