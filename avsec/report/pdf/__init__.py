"""The gap report as PDF (reportlab platypus).

Cover, executive summary, zone map, findings by area, improvement outline, annex of every
response and annex of the provisions cited, one module each. The handling marking is printed
in the header and footer of every page; pages are numbered "page x of y"; each section has a
PDF bookmark (:mod:`.furniture`, shared with the workshop debrief); the DejaVu fonts are
embedded. Every text that comes from a user or a data file is escaped (:mod:`.markup`) before
it reaches reportlab's paragraph markup.
"""

from avsec.report.pdf.build import build_report
from avsec.report.pdf.markup import action_markup, esc

__all__ = ["action_markup", "build_report", "esc"]
