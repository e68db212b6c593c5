"""Pure-Python domain layer: models, scoring, outline and undoable commands (no Qt, no I/O)."""
