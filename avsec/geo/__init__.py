"""Geometry over layouts: projection to metres, the eight rules, the zone graph.

Imports only avsec.core (plus shapely and pyproj); no Qt, no file I/O.
"""
