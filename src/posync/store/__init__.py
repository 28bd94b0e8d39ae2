"""Persistence: SQLAlchemy tables mapped from outside the domain, and memory twins.

``sql`` holds the SQLite/PostgreSQL adapters (the only place with SQL);
``memory`` holds in-memory adapters of the same ports for tests and demos.
"""
