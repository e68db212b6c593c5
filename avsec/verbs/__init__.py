"""Verb groups of the ``avsec`` command; each module has ``register(subparsers)``."""
