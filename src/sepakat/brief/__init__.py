"""The partner brief: what a minister needs before a trip, on one to three pages.

build   ``build_brief``: the brief's content from the query layer (a ``Brief`` record)
render  ``render``: the brief as Markdown, HTML or PDF (WeasyPrint, fetching nothing)
"""

from sepakat.brief.build import Brief, BriefAgreement, BriefMeeting, BriefOfficial, build_brief
from sepakat.brief.render import FORMATS, render

__all__ = ["FORMATS", "Brief", "BriefAgreement", "BriefMeeting", "BriefOfficial", "build_brief", "render"]
