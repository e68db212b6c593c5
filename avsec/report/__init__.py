"""Reports: matplotlib figures (object API, never pyplot) and reportlab PDF documents.

Import the submodules directly (``avsec.report.figures``, ``avsec.report.pdf``): they pull in
matplotlib and reportlab, which the command line loads only when a verb needs them.
"""
