"""The desktop app (PySide6): start page, checklist walker, map editor, dashboard, outline.

The only avsec package that imports PySide6. Modules import heavy packages (matplotlib,
shapely, pyproj, pydantic models) only when a view needs them, so the main window appears about
as fast as a bare Qt window.

pyproject.toml keeps PySide6 below 6.12: 6.12.0 on CPython 3.11 drops a reference to ``None`` on
every call of a C++ method that returns nothing, and after an hour of walking the checklist the
interpreter aborts with "none_dealloc: deallocating None" (6.11 does not have the bug).
"""
