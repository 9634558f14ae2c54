"""Fictional sample reports bundled for the demo and the tests (see data/README.md)."""
