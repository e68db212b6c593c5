"""Reading and writing files: checklists, layouts (GeoJSON, OSM, KML), CSV/XLSX, JSON."""
