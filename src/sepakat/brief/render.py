"""The brief as Markdown, HTML or PDF.

HTML comes from a Jinja2 template with autoescaping, so text read from articles stays
text; Markdown escapes every character Markdown or HTML would act on; the PDF is the
HTML rendered by WeasyPrint with a URL fetcher that refuses everything, so rendering
never touches the network (or the disk) whatever an article contains.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from sepakat.brief.build import Brief, BriefAgreement, BriefMeeting
from sepakat.errors import UsageError
from sepakat.web.i18n import country_name, translate

log = logging.getLogger(__name__)

FORMATS = ("md", "html", "pdf")
MEDIA = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}
# What Markdown or inline HTML could act on mid-line (line starts are ours, never text's).
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")


def md_escape(text: str | None) -> str:
    """Text that Markdown shows as written: every special character backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join((text or "").split()))


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("sepakat.brief", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _context(brief: Brief, lang: str) -> dict[str, Any]:
    def t(key: str, **values: object) -> str:
        return translate(lang, key, **values)

    return {"b": brief, "t": t, "lang": lang, "partner": country_name(brief.code, lang)}


def render_html(brief: Brief, lang: str = "en") -> str:
    return _environment().get_template("brief.html.j2").render(**_context(brief, lang))


def _md_agreement(a: BriefAgreement, t: Any) -> str:
    when = a.status_date or t("agr.undated")
    name, stage = md_escape(a.name or t("agr.unnamed")), md_escape(t("status." + a.status))
    line = f"- **{name}** — {stage}, {md_escape(when)}"
    if a.parties:
        line += f" ({md_escape('; '.join(a.parties))})"
    if a.evidence:
        quote = a.evidence if len(a.evidence) <= 260 else a.evidence[:259] + "…"
        line += f"  \n  “{md_escape(quote)}”"
    if a.source:
        label = a.source.title or a.source.article_id
        line += f"  \n  {t('brief.source')}: {md_escape(label)}, {md_escape(a.source.published or '')}"
        if a.source.url:
            line += f" <{md_escape(a.source.url)}>"
    return line


def _md_meeting(m: BriefMeeting, t: Any) -> str:
    who = "; ".join(m.participants)
    return (
        f"- {md_escape(m.date or t('agr.undated'))} — {md_escape(m.kind)}"
        f"{', ' + md_escape(m.place) if m.place else ''}{' (' + md_escape(who) + ')' if who else ''}"
        f"  \n  {t('brief.source')}: {md_escape(m.article_id)}"
    )


def render_md(brief: Brief, lang: str = "en") -> str:
    context = _context(brief, lang)
    t = context["t"]
    lines = [
        f"# {md_escape(t('brief.title', name=context['partner']))}",
        "",
        md_escape(t("brief.prepared", today=brief.today)),
        "",
        f"## {t('brief.by_stage')}",
        "",
    ]
    if not brief.by_stage:
        lines.append(t("brief.none"))
    for status, items in brief.by_stage.items():
        lines += [f"### {md_escape(t('status.' + status))} ({brief.stage_counts[status]})", ""]
        lines += [_md_agreement(a, t) for a in items]
        if brief.stage_counts[status] > len(items):
            lines.append(f"- {md_escape(t('brief.more', n=brief.stage_counts[status] - len(items)))}")
        lines.append("")
    sections: list[tuple[str, list[str]]] = [
        (t("brief.moved", since=brief.since), [_md_agreement(a, t) for a in brief.moved]),
        (t("brief.stalled", months=brief.stalled_months), [_md_agreement(a, t) for a in brief.stalled]),
        (t("brief.upcoming"), [_md_meeting(m, t) for m in brief.upcoming]),
        (t("brief.recent_meetings"), [_md_meeting(m, t) for m in brief.recent_meetings]),
        (
            t("brief.officials"),
            [
                f"- {md_escape(p.name)}{' — ' + md_escape(p.role) if p.role else ''}"
                f"{' (' + md_escape(p.role_date) + ')' if p.role_date else ''}"
                for p in brief.officials
            ],
        ),
    ]
    for title, entries in sections:
        lines += [f"## {md_escape(title)}", "", *(entries or [t("brief.none")]), ""]
    return "\n".join(lines)


class _OfflineFetcher:
    """A WeasyPrint URL fetcher that fetches nothing: the brief's HTML is self-contained."""

    def __new__(cls) -> Any:
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]

        class Refuse(URLFetcher):  # type: ignore[misc]
            def fetch(self, url: str, headers: Any = None) -> Any:
                log.warning("the brief's PDF refused to fetch %s", url[:200])
                raise ValueError(f"sepakat fetches nothing while rendering a brief: {url[:200]}")

        return Refuse(fail_on_errors=False)


def render_pdf(brief: Brief, lang: str = "en") -> bytes:
    from weasyprint import HTML  # type: ignore[import-untyped]

    pdf = HTML(string=render_html(brief, lang), base_url=None, url_fetcher=_OfflineFetcher()).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf


def render(brief: Brief, fmt: str, *, lang: str = "en") -> tuple[bytes, str]:
    """The brief in ``fmt`` (md, html or pdf) and its media type."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown brief format {fmt!r}: one of {', '.join(FORMATS)}")
    if fmt == "pdf":
        return render_pdf(brief, lang), MEDIA[fmt]
    text = render_md(brief, lang) if fmt == "md" else render_html(brief, lang)
    return text.encode(), MEDIA[fmt]
