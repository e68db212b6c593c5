"""The desktop app (PySide6): start page, checklist walker, map editor, dashboard, outline.

The only avsec package that imports PySide6. Modules import heavy packages (matplotlib,
shapely, pyproj, pydantic models) only when a view needs them, so the main window appears about
as fast as a bare Qt window. Nothing is imported here.
"""
