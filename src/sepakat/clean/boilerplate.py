"""Text around the article that is not the article: datelines, bylines, ads, codes, lists.

Most of it is data (``data/common/boilerplate.tsv``: a kind, a scope, a pattern); what
needs a judgement is here:

- datelines at the start ("JAKARTA, KOMPAS.com -", "Liputan6.com, Jakarta -",
  "WASHINGTON (Reuters) -", "Jakarta–"), newsroom names and places as data; ANTARA pages
  put a cut-off pull quote before theirs ("...wargan Jakarta (ANTARA) - "): it goes too,
  as ``lede_snippet``;
- author codes at the end of a paragraph ("(prf/ega)", "(ant)", "[noe]", "(T.H - ZG/S023)"),
  the tag lines after them and the headline lines just before them (detik's layout).

A removed dateline keeps its place in ``RemovedSpan.text`` should a stage want it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from sepakat.clean.spans import Span, is_title_like, literal_prefix, literal_starts, trie_pattern
from sepakat.data import load_table

__all__ = [
    "SCOPES_INLINE",
    "SCOPES_LINE",
    "find_author_codes",
    "find_boilerplate",
    "find_dateline",
    "find_repeated_lines",
    "rule_starts",
]

# A tail rule fires only after this much text (about a sentence). An absolute count, not a
# share of the text: removals never raise it, so a second cleaning decides the same.
_TAIL_FROM = 80
_CAPTION_MAX = 300  # a line longer than this is a paragraph, whatever it ends with
_LINE_PADDING = " \t*_()"
_CODE_TAIL_FROM = 200  # a code glued into text counts only after this much text
_SNIPPET_WITHIN = 700  # ANTARA's dateline after a pull quote stands this early
_MAX_HEADLINES_BEFORE_CODE = 4
_REPEAT_MIN = 40  # a line this long seen twice is a page's repetition, not an echo


# --- rules from data --------------------------------------------------------------------


class _Rule(NamedTuple):
    kind: str
    scope: str
    pattern: re.Pattern[str]


@cache
def _rules(scopes: frozenset[str]) -> tuple[re.Pattern[str], dict[str, tuple[_Rule, ...]]]:
    """A scan for the literal start of every rule of ``scopes``, and the rules by their first character."""
    by_first, prefixes = _rules_by_first(scopes)
    return re.compile(trie_pattern(prefixes)), by_first


@cache
def rule_starts(scopes: frozenset[str]) -> frozenset[str]:
    """The literal text every rule of ``scopes`` starts with (for a scan shared with other finders)."""
    return _rules_by_first(scopes)[1]


@cache
def _rules_by_first(scopes: frozenset[str]) -> tuple[dict[str, tuple[_Rule, ...]], frozenset[str]]:
    rules = [
        _Rule(kind, scope, re.compile(pattern))
        for kind, scope, pattern in load_table("common", "boilerplate")
        if scope in scopes
    ]
    by_first: dict[str, list[_Rule]] = {}
    prefixes: set[str] = set()
    for rule in rules:
        for alternative in _alternatives(rule.pattern.pattern):
            prefix = literal_prefix(alternative)
            if not prefix:
                raise ValueError(f"boilerplate rule without a literal start: {alternative!r}")
            prefixes.add(prefix)
            found = by_first.setdefault(prefix[0], [])
            if rule not in found:
                found.append(rule)
    return {first: tuple(found) for first, found in by_first.items()}, frozenset(prefixes)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    parts: list[str] = []
    depth = 0
    last = 0
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = pattern.index("]", i + 2)  # a class may start with "]" or "^]"
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    parts.append(pattern[last:])
    return parts


SCOPES_INLINE = frozenset({"inline", "tail"})
SCOPES_LINE = frozenset({"line", "caption", "tail_line"})


def find_boilerplate(
    text: str, scopes: frozenset[str] = SCOPES_INLINE | SCOPES_LINE, starts: Iterable[int] | None = None
) -> list[Span]:
    """Spans of the data rules (data/common/boilerplate.tsv) of ``scopes``.

    ``starts``: the positions, in order, where an inline or tail rule may begin (a shared
    scan's hits, ``spans.literal_starts``); by default this scans for them itself.
    """
    spans: list[Span] = []
    inline = scopes - SCOPES_LINE
    if inline:
        scan, by_first = _rules(frozenset(inline))
        spans += _scan(text, by_first, literal_starts(text, scan) if starts is None else starts)
    if scopes & SCOPES_LINE:
        spans += _scan_lines(text, frozenset(scopes & SCOPES_LINE))
    return spans


def _scan(text: str, by_first: dict[str, tuple[_Rule, ...]], starts: Iterable[int]) -> list[Span]:
    """Spans of the rules that match at ``starts`` (positions where a rule's literal start is)."""
    spans: list[Span] = []
    size = len(text)
    pos = 0
    for start in starts:
        if start < pos:
            continue
        # A hit of another finder's word, or of no rule's whole pattern, finds no span here.
        span = _first_rule_span(text, by_first.get(text[start], ()), start)
        if span is None:
            continue
        spans.append(span)
        if span.end >= size:
            break
        # Let a rule starting with the line break that closed this span match too.
        pos = max(span.end - 1, start + 1)
    return spans


def _scan_lines(text: str, scopes: frozenset[str]) -> list[Span]:
    """Spans of rules that stand at a line's start, or (captions) end a short line.

    Only line starts are tried (a scan for line breaks is fast), and captions only on
    lines short enough to be one: cheaper than looking for every rule everywhere.
    """
    line_scan, line_first, caption_scan, caption_first = _line_rules(scopes)
    spans: list[Span] = []
    first = _LINE_LEAD.match(text)
    candidates = [first.end()] if first else []
    candidates += (hit.start("rule") for hit in line_scan.finditer(text))
    for start in candidates:
        span = _first_rule_span(text, line_first.get(text[start : start + 1], ()), start)
        if span is not None and (not spans or span.start >= spans[-1].end):
            spans.append(span)
    # A caption's words hold no line break: the scan's first hit on a line is the line's.
    next_line = 0
    for hit in caption_scan.finditer(text) if caption_first else ():
        start = hit.start()
        if start < next_line:
            continue  # a line is tried at its first hit only
        line_end = text.find("\n", start)
        next_line = len(text) + 1 if line_end < 0 else line_end + 1
        # The rule judges the line's length (``_rule_span``): only a match pays for it.
        span = _first_rule_span(text, caption_first.get(text[start], ()), start)
        if span is not None:
            spans.append(span)
    spans.sort()
    return spans


def _first_rule_span(text: str, rules: tuple[_Rule, ...], start: int) -> Span | None:
    for rule in rules:
        match = rule.pattern.match(text, start)
        if match is not None:
            span = _rule_span(text, rule, start, match.end(), _TAIL_FROM)
            if span is not None:
                return span
    return None


_LINE_LEAD = re.compile(r"[ \t*_()]*")


@cache
def _line_rules(
    scopes: frozenset[str],
) -> tuple[re.Pattern[str], dict[str, tuple[_Rule, ...]], re.Pattern[str], dict[str, tuple[_Rule, ...]]]:
    """Scans for the line-start rules (after a line break) and for captions, with their rules."""
    line_scan, line_first = _rules(frozenset(scopes - {"caption"}))
    caption_scan, caption_first = _rules(frozenset(scopes & {"caption"}))
    if any("\n" in start for start in rule_starts(frozenset(scopes & {"caption"}))):
        raise ValueError("a caption rule must not start with a line break (they are tried a line at a time)")
    after_break = re.compile(r"\n[ \t*_()]*+(?P<rule>" + line_scan.pattern + ")")
    return after_break, line_first, caption_scan, caption_first


def _rule_span(text: str, rule: _Rule, start: int, end: int, tail_from: int) -> Span | None:
    """The span a rule's match removes, or None where its scope does not hold."""
    if text[start] == "\n":  # a rule written from the line break before its line
        start += 1
    line_start = text.rfind("\n", 0, start) + 1
    alone_before = not text[line_start:start].strip(_LINE_PADDING)
    if rule.scope == "inline":
        line_end = text.find("\n", end)
        if alone_before and not text[end : len(text) if line_end < 0 else line_end].strip(_LINE_PADDING):
            return Span(
                line_start, len(text) if line_end < 0 else line_end + 1, rule.kind
            )  # alone on its line
        return Span(start, end, rule.kind)
    if rule.scope == "tail":
        # Marks before it on its line go too ("*Artikel ini telah tayang ...").
        span = Span(line_start if alone_before else start, len(text), rule.kind)
        anchored = rule.pattern.pattern.endswith("\\Z")  # "Reuter" closing the text: no threshold
        return span if start >= tail_from or anchored else None
    line_end = text.find("\n", end)
    if line_end < 0:
        line_end = len(text)
    whole_line = Span(line_start, min(line_end + 1, len(text)), rule.kind)
    if rule.scope == "caption":
        # Judged on the line spaced as cleaning leaves it ("  " becomes " "): judged on
        # the raw line, a caption just over a length the first cleaning sees would be one
        # the second cleaning removes, and cleaning would not be idempotent.
        line = " ".join(text[line_start:line_end].split())
        caption = rule.pattern.search(line)
        ok = (
            len(line) <= _CAPTION_MAX
            and caption is not None
            and not line[caption.end() :].strip(_LINE_PADDING + ".")
        )
    elif text[end:line_end].strip(_LINE_PADDING + "."):
        ok = False  # the line goes on after the match
    elif rule.scope == "tail_line":
        ok = alone_before and start >= tail_from
        whole_line = whole_line._replace(end=len(text))
    else:
        ok = alone_before
    return whole_line if ok else None


# --- datelines --------------------------------------------------------------------------


@cache
def _dateline_patterns() -> tuple[re.Pattern[str], ...]:
    media = "|".join(
        re.escape(row[0]) for row in sorted(load_table("common", "news_media"), key=lambda r: -len(r[0]))
    )
    places = "|".join(re.escape(row[0]) for row in load_table("common", "dateline_places"))
    dash = r"(?:[-–—]+[ \t\n*]*)+"
    caps_place = r"[A-Z]{3,}(?:[ ,]+[A-Z]{2,})*"
    place_word = r"[A-Z][a-z.'’]+(?:[ \t][A-Z][a-z.'’]+)?"
    return (
        # "JAKARTA, KOMPAS.com -", "**KOMPAS.com** -", "Jakarta, CNN Indonesia - -"
        re.compile(
            rf"[ \t\n*]*(?:(?:{caps_place}|{place_word})[ \t\n]*,[ \t\n]*)?(?:{media})"
            rf"[ \t\n*]*(?:{dash}|:[ \t]*)[ \t*]*"
        ),
        # "Liputan6.com, Jakarta -", "TEMPO.CO,Jakarta-", "Liputan6.com, JakartaMemiliki"
        re.compile(
            rf"[ \t\n*]*(?:{media})[ \t\n]*,[ \t\n]*(?:{caps_place}|{place_word})\**"
            rf"(?:[ \t]*{dash}[ \t*]*|(?=[A-Z]))"
        ),
        # "WASHINGTON (Reuters) -", "London (ANTARA News) -", "(ANTARA) -", and a wire's
        # "JAKARTA, June 12 (Reuters) -" with the day (any agency's name in brackets)
        re.compile(
            rf"[ \t\n]*(?:\*\*)?(?:(?:[A-Z][\w.'’-]*[ \t]){{0,2}}[A-Z][\w.'’-]*[ \t]*)?"
            rf"(?:,[ \t]*(?:[A-Z][a-z]{{2,8}}\.?[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+[A-Z][a-z]{{2,8}}\.?)[ \t]*)?"
            r"\((?:ANTARA(?: News)?|Antara|Reuters|AFP|AP"
            rf"|[A-Z][\w.&'’]*(?:[ \t][A-Z][\w.&'’]*){{0,3}})\)[ \t]*{dash}"
        ),
        # "JAKARTA - ", "Jakarta–Kementerian", detik's "Jakarta\n-\n"
        re.compile(rf"[ \t\n*]*(?:{caps_place}|{places})[ \t\n*]*[-–—]+[ \t\n*]*(?=[\"“]?[A-Z0-9])"),
        # detik's "Wina\n-\n": a place on its own line, then a dash on its own
        re.compile(r"[ \t\n]*[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?[ \t]*\n[ \t]*[-–—][ \t]*\n[ \t\n]*"),
        # a dash left where a dateline's place was cut off
        re.compile(r"[ \t\n]*[-–—]+[ \t\n]+(?=[\"“]?[A-Z])"),
    )


_ANTARA = re.compile(r"\((?:ANTARA(?: News)?|Antara)\)[ \t]*(?:[-–—]+[ \t]*)+")
_PLACE_BEFORE = re.compile(r"(?:[A-Z][\w.'’-]*[ \t]){0,2}[A-Z][\w.'’-]*[ \t]*\Z")


def find_dateline(text: str, start: int = 0) -> list[Span]:
    """The dateline at ``start`` (several chained ones), or ANTARA's late one."""
    pos = start
    for _ in range(3):
        for pattern in _dateline_patterns():
            match = pattern.match(text, pos)
            if match and match.end() > pos:
                pos = match.end()
                break
        else:
            break
    if pos > start:
        return [Span(start, pos, "dateline")]
    return _late_antara_dateline(text, start)


def _late_antara_dateline(text: str, start: int) -> list[Span]:
    """ANTARA's "<place> (ANTARA) -" after a cut-off pull quote: both go."""
    found = text.find("(A", start, start + _SNIPPET_WITHIN)
    late = _ANTARA.match(text, found) if found >= 0 else None
    if late is None:
        return []
    window = max(start, found - 60)
    place_match = _PLACE_BEFORE.search(text, window, found)
    place = place_match.start() if place_match else found
    snippet = [Span(start, place, "lede_snippet")] if place > start else []
    return [*snippet, Span(place, late.end(), "dateline")]


# --- author codes -----------------------------------------------------------------------

# "(prf/ega)", "(ahs/nu2)", "(yendhi/yp)": newsroom initials, slash-separated.
# A run of them counts as one ("(abc/def)(abc/def)").
_SLASH_CODE = re.compile(
    r"\((?:[a-z]{2,12}\d?[ ]?/[ ]?)+[a-z]{2,12}\d?\)(?:[ \t]*\((?:[a-z]{2,12}\d?[ ]?/[ ]?)+[a-z]{2,12}\d?\))*"
)
_NOT_CODES = frozenset({"(dan/atau)", "(and/or)", "(km/jam)", "(km/h)", "(atau/dan)"})
# "(ant)", "(*)", "[noe]" after a sentence's end, closing a paragraph.
_SINGLE_CODES = (
    re.compile(r"\((?:[a-z]{2,6}|\*)\)[ \t]*(?=\n|\Z)"),
    re.compile(r"\[[a-z]{2,6}\][ \t]*(?=\n|\Z)"),
)
_CODE_AFTER = frozenset('.!?"”’)]')
# ANTARA's "(T.H - ZG/S023)" at the very end.
_DESK_CODE = re.compile(r"\([A-Z][A-Za-z0-9. -]{0,20}/[A-Z0-9][A-Za-z0-9]{1,8}\)[ \t]*\Z")
# "(Wikanto Arungbudoyo)": the writer's name alone on the last line.
_NAME_LINE = re.compile(r"(?:\A|(?<=\n))[ \t]*\([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}\)[ \t]*\Z")
_HAS_SENTENCE = re.compile(r"[.!?][\"”’)]?(?:\s|\Z)")


def find_author_codes(text: str, text_end: int | None = None, found: list[Span] | None = None) -> list[Span]:
    """Author codes, the tag lines after a code and the headline lines just before it.

    ``text_end``: where the text ends once what is already found at its end is gone, so
    that a code standing before a removed tail counts as closing the text; ``found``: the
    spans found so far, which do not count as text before a code either.
    """
    spans: list[Span] = []
    size = len(text) if text_end is None else text_end
    for match in _SLASH_CODE.finditer(text, 0, size):
        start, end = match.span()
        after = end
        while after < size and text[after] in " \t":
            after += 1
        line_closes = after == size or text[after] == "\n"
        if match.group() in _NOT_CODES or not (line_closes or start >= _CODE_TAIL_FROM):
            continue
        spans.extend(_headlines_before(text, start, size))
        spans.append(Span(start, end, "author_code"))
        rest = text[end:size]
        if rest.strip() and _HAS_SENTENCE.search(rest) is None:
            spans.append(Span(end + len(rest) - len(rest.lstrip()), size, "tags"))
            break
    for pattern in _SINGLE_CODES:
        for match in pattern.finditer(text, 0, size):
            before = _char_before(text, match.start(), found or [])
            if before and before in _CODE_AFTER:
                spans.append(Span(match.start(), match.end(), "author_code"))
    for pattern, kind in ((_DESK_CODE, "author_code"), (_NAME_LINE, "byline")):
        last = pattern.search(text, max(0, size - 200), size)
        if last:
            spans.append(Span(last.start(), last.end(), kind))
    return spans


def _char_before(text: str, pos: int, found: list[Span]) -> str:
    """The last character before ``pos`` that is neither a space nor inside a found span."""
    while True:
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
        covering = [span.start for span in found if span.start < pos <= span.end]
        if not covering:
            return text[pos - 1] if pos > 0 else ""
        pos = min(covering)


def _headlines_before(text: str, code_start: int, size: int) -> list[Span]:
    """Headline lines standing between the last sentence and a code (detik's video links)."""
    line_start = text.rfind("\n", 0, code_start) + 1
    if text[line_start:code_start].strip() or code_start < _CODE_TAIL_FROM:
        return []
    first = line_start
    for _ in range(_MAX_HEADLINES_BEFORE_CODE):
        if first == 0:
            break
        previous = text.rfind("\n", 0, first - 1) + 1
        line = text[previous : first - 1].strip()
        if not line or len(line) > 200 or line[-1] in '."”’' or not is_title_like(line, 0.6):
            break
        first = previous
    return [Span(first, line_start, "teaser")] if first < line_start else []


# --- repetition -------------------------------------------------------------------------


def find_repeated_lines(text: str) -> list[Span]:
    """Lines that repeat an earlier line word for word (pages scraped with their copies).

    A span takes its line with the line breaks after it, or, for the last line, the
    breaks before it: the text left has no blank run where the line was.
    """
    lines = text.split("\n")
    keys = [line.strip() for line in lines if len(line) >= _REPEAT_MIN]
    if len(set(keys)) == len(keys):
        return []  # the common case, settled without walking the lines
    spans: list[Span] = []
    seen: set[str] = set()
    pos = 0
    size = len(text)
    for line in lines:
        end = pos + len(line)
        if len(line) >= _REPEAT_MIN:
            key = line.strip()
            if key in seen:
                after = end
                while after < size and text[after] == "\n":
                    after += 1
                start = pos
                spans.append(Span(start, after, "duplicate"))
            else:
                seen.add(key)
        pos = end + 1
    if spans and spans[-1].end == size:
        # Removed lines at the very end: take the line breaks before them too.
        start = spans.pop().start
        while True:
            while start > 0 and text[start - 1] == "\n":
                start -= 1
            if not spans or spans[-1].end < start:
                break
            start = spans.pop().start
        spans.append(Span(start, size, "duplicate"))
    return spans
