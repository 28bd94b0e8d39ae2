"""The HTTP entry point: a FastAPI app over an ``Application`` from ``posync.bootstrap``.

``app.create_app`` builds it; ``api/`` holds the JSON routes (documented by
OpenAPI at ``/docs``), ``deps`` the dependencies routes ask for, ``errors``
the one mapping of posync's errors to HTTP answers.
"""
