"""Helpers shared by tests: factories of valid canonical documents, and hypothesis strategies."""
