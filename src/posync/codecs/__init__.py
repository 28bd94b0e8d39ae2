"""Codecs: bytes and JSON in, canonical documents out, and back.

Each standard lives in its own subpackage (x12/, edifact/, cxml/...) and
imports only the domain. ``canonical_json`` maps every canonical document to
JSON field for field; the API, the store and the CSV/JSON import share it.
"""
