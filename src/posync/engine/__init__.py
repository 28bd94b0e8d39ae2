"""Dispatch of outbound work: the embedded dispatcher (the default) behind the ``Dispatch``
port, so that a distributed one can take its place without touching the pipeline."""
