"""CSV import and export of purchase orders and acknowledgements, for spreadsheets.

One row per document line, the document's header columns repeated on each of
its rows; the columns are documented in docs/formats.md. ``rows`` turns bytes
into rows (UTF-8 with or without BOM, the delimiter sniffed from the header
row); ``layout`` names the columns of each kind of file; ``cells`` reads and
writes one typed cell; ``purchase_order`` and ``acknowledgement`` map rows to
canonical documents and back; ``codec`` puts them together.
"""
