"""CSV import and export of orders, acknowledgements, ship notices and invoices.

One row per document line, the document's header columns repeated on each of
its rows; the columns are documented in docs/formats.md. ``rows`` turns bytes
into rows (UTF-8 with or without BOM, the delimiter sniffed from the header
row); ``layout`` names the columns of each kind of file; ``cells`` reads and
writes one typed cell; ``parties`` and ``payment`` the column groups several
kinds share; ``purchase_order``, ``acknowledgement``, ``ship_notice`` and
``invoice`` map rows to canonical documents and back; ``codec`` puts them
together.
"""
