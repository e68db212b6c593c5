"""The application layer: what the desktop app and the command line both do, without Qt.

The GUI (avsec.gui) adapts these operations to widgets, signals and the QUndoStack; the verbs
(avsec.verbs) to arguments and printed lines. Neither re-implements them: analysing and
storing findings, importing photos, regenerating the outline, placing a background image,
hit-testing the map and filtering the checklist behave the same in both.
"""
