"""avsec: offline toolkit for assessing airport access control against ICAO Annex 17."""

__version__ = "0.1.0"
