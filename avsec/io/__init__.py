"""Reading and writing files: checklists, layouts (GeoJSON, OSM, KML), CSV/XLSX, JSON.

Importing any of it installs the gettext catalogues as the translation path of every layer
(:mod:`avsec.io.translations`): core and geo translate their messages but read no file.
"""

from avsec.io import translations as _translations  # noqa: F401
