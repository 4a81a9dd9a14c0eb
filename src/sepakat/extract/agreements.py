"""Agreements: mentions of instruments, their names, stage, date, parties and sectors.

1. find mentions: every agreement noun of the data tables ("MoU", "nota kesepahaman",
   "perjanjian", "Agreement", ...) with the name read around it, and its form:
   named, bare, a pointer back ("MoU tersebut"), a counted group ("dua MoU"), or a
   member of a listed group ("dua perjanjian, yakni A dan B");
2. read each mention's stage from the nearest status cue in its sentence, as changed
   by modifiers ("akan", "belum", "percepatan");
3. gather mentions into agreements: the same name, a pointer back or a bare noun joins
   the agreement it refers to; a group and its listed members stay apart;
4. each agreement's status is the most advanced one reported; its date, evidence,
   countries, parties and sectors come from the sentence that reports that status.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from sepakat.extract.context import Doc
from sepakat.extract.dates import DateMention, DateValue
from sepakat.extract.lexicon import AgreementLexicon, agreement_lexicon
from sepakat.extract.sectors import find_sectors
from sepakat.models import (
    AGREEMENT_STATUSES,
    AgreementKind,
    AgreementRecord,
    AgreementStatus,
)

_STAGE = {status: rank for rank, status in enumerate(AGREEMENT_STATUSES)}
_WORD = re.compile(r"[\w'’&./-]+")
_CLAUSE_BREAK = re.compile(r"[;:]|\s[-–—]\s|,\s*(?:sedangkan|namun|tetapi|sementara|whereas|while|but)\b")


@dataclass
class AgreementMention:
    sentence: int
    start: int  # the name's span in the cleaned text
    end: int
    head_start: int
    head_end: int
    kind: str
    form: str  # named | bare | anaphor | group | item
    name: str | None
    strong: bool
    status: str | None = None
    cue_at: int | None = None
    parties: list[str] = field(default_factory=list)


@dataclass
class _Agreement:
    mentions: list[AgreementMention]
    kind: str
    form: str

    @property
    def name(self) -> str | None:
        names = [m.name for m in self.mentions if m.name and m.form in ("named", "item")]
        if not names:
            return None
        # The fullest name the article gives, but not a run-on sentence.
        return max(names, key=lambda n: (len(n) <= 160, len(n)))

    def best(self) -> AgreementMention | None:
        with_status = [m for m in self.mentions if m.status]
        if not with_status:
            return None
        return max(with_status, key=lambda m: (_STAGE[m.status or "proposed"], -m.sentence))


# --- 1. mentions ---------------------------------------------------------------------


def find_mentions(doc: Doc) -> list[AgreementMention]:
    lex = agreement_lexicon(doc.lang)
    text = doc.text
    if lex.heads.search(text) is None:
        return []
    found: list[AgreementMention] = []
    for index, sentence in enumerate(doc.sentences):
        claimed_until = -1
        for m in lex.heads.finditer(sentence.text):
            if m.start() < claimed_until:
                continue
            mention = _read_mention(doc, lex, index, m)
            if mention is None:
                continue
            claimed_until = mention.end - sentence.start
            if mention.form == "group":
                items = _list_items(doc, lex, index, mention)
                if items:
                    claimed_until = max(claimed_until, items[-1].end - sentence.start)
                    found.append(mention)
                    found.extend(items)
                    continue
            found.append(mention)
    return found


def _group_name(m: re.Match[str]) -> str:
    return next(name for name, value in m.groupdict().items() if value is not None)


def _read_mention(doc: Doc, lex: AgreementLexicon, index: int, m: re.Match[str]) -> AgreementMention | None:
    sentence = doc.sentences[index]
    s = sentence.text
    head = lex.head_kinds[_group_name(m)]
    hs, he = m.start(), m.end()
    before = _words_before(s, hs, 3)
    after = _words_after(s, he, 2)
    words = lex.words

    form = "bare"
    if doc.lang == "id" and after and after[0].casefold() in words["anaphora"]:
        form = "anaphor"
    elif doc.lang == "en" and before and before[-1].casefold() in words["anaphora"]:
        form = "anaphor"
    if _is_group(before, s[hs:he], s, he, words["quantifiers"]):
        form = "group"

    start, end = _extend_left(s, hs, doc.lang) if form not in ("group",) else (hs, hs)
    start = min(start, hs)
    end = _extend_right(s, he, lex, doc.lang)
    named = (end > he and not s[he:end].strip().startswith("(")) or start < hs
    if form == "bare" and (named or _is_acronym_name(s[hs:he])):
        form = "named"
    if form == "anaphor":
        start, end = hs, he
    if not head.strong and form in ("bare", "anaphor") and not _near_cue(lex, s, hs, he):
        return None
    name = s[start:end].strip(" ,") if form == "named" else None
    return AgreementMention(
        sentence=index,
        start=sentence.start + start,
        end=sentence.start + end,
        head_start=sentence.start + hs,
        head_end=sentence.start + he,
        kind=head.kind,
        form=form,
        name=name,
        strong=head.strong,
    )


def _words_before(s: str, at: int, n: int) -> list[str]:
    return _WORD.findall(s[max(0, at - 60) : at])[-n:]


def _words_after(s: str, at: int, n: int) -> list[str]:
    return _WORD.findall(s[at : at + 40])[:n]


def _is_group(before: list[str], head: str, s: str, he: int, quantifiers: frozenset[str]) -> bool:
    if any(w.casefold() in quantifiers or w.isdigit() for w in before[-2:]):
        return True
    # Reduplicated plural: "perjanjian-perjanjian", "MoU-MoU".
    return s[he : he + 1] == "-" and s[he + 1 : he + 1 + len(head)].casefold() == head.casefold()


_ACRONYM_NAME = re.compile(r"^(?:[A-Z]{1,5}-?(?:CEPA|FTA|EPA)|RCEP|AFTA)$")


def _is_acronym_name(head: str) -> bool:
    return _ACRONYM_NAME.match(head) is not None


_LEFT_STOP = {
    "the", "a", "an", "this", "that", "its", "their", "our", "his", "her", "new", "under", "of",
    "and", "to", "in", "on", "with", "for", "by", "from", "dalam", "melalui", "dan", "dengan",
    "atas", "sebuah", "suatu", "para", "pada", "di", "ke", "dari", "untuk", "yang",
}
_TITLE_TOKEN = re.compile(r"[A-Z][\w.'’&]*(?:-[\w.'’&]+)*$|[A-Z]{2,}[\w-]*$|U\.S\.(?:-[\w.'’]+)*$")


def _extend_left(s: str, hs: int, lang: str) -> tuple[int, int]:
    """Capitalised words glued before the noun: "Sponsored Student Scholarship Agreement"."""
    head_word = s[hs:].split(" ", 1)[0]
    if not head_word[:1].isupper():
        return hs, hs
    start = hs
    pos = hs
    taken = 0
    while taken < 8:
        j = pos - 1
        while j >= 0 and s[j] == " ":
            j -= 1
        if j < 0 or j == pos - 1:
            break
        k = j
        while k >= 0 and not s[k].isspace():
            k -= 1
        token = s[k + 1 : j + 1]
        if token.casefold() in _LEFT_STOP or not _TITLE_TOKEN.match(token) or token.endswith((",", ".")):
            break
        start = k + 1
        pos = k + 1
        taken += 1
    if start < hs and start == 0 and lang == "id" and taken == 1:
        return hs, hs  # a sentence-initial capital is not part of a name
    return start, hs


_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
_EN_CONNECTORS = {"of", "the", "on", "in", "and", "for", "to", "between", "&", "a", "an", "at"}


def _extend_right(s: str, he: int, lex: AgreementLexicon, lang: str) -> int:
    end = he
    m = _PAREN.match(s, end)
    if m:
        end = m.end()
    rest = s[end:]
    # Title-case continuation: "MoU on Cooperation in the Field of Shipbuilding",
    # "Perjanjian Induk Lindung Nilai Syariah (PIDI Syariah)", "Nomor NK/6/IV/2023/TNI".
    tokens = list(re.finditer(r"\S+", rest))
    taken_end = 0
    capital_seen = False
    complement = _complement_start(rest, lex)
    for i, t in enumerate(tokens):
        word = t.group(0)
        bare = word.rstrip(",.;:")
        low = bare.casefold()
        if i == 0 and low in lex.words["stops"] and complement is None:
            break
        if bare[:1].isupper() or bare[:1].isdigit() or bare.startswith("("):
            if lang == "id" and low in lex.words["stops"]:
                break
            capital_seen = True
            taken_end = t.start() + len(bare)
            if bare.startswith("(") and not bare.endswith(")"):
                close = rest.find(")", t.start())
                if close == -1 or close - t.start() > 80:
                    break
                taken_end = close + 1
                break
            if word != bare:
                break
            continue
        if low in _EN_CONNECTORS and i + 1 < len(tokens) and tokens[i + 1].group(0)[:1].isupper():
            continue
        if i == 0 and complement is not None:
            break
        break
    if capital_seen and taken_end:
        return end + taken_end
    if complement is not None:
        return end + _read_complement(rest, complement, lex)
    return end


def _complement_start(rest: str, lex: AgreementLexicon) -> int | None:
    stripped = rest.lstrip()
    low = stripped.casefold()
    for word in lex.words["complements"]:
        if low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalnum()):
            return len(rest) - len(stripped)
    return None


def _read_complement(rest: str, at: int, lex: AgreementLexicon) -> int:
    """The phrase naming the subject, up to a clause boundary or a stop word (12 words)."""
    end = at
    count = 0
    for t in re.finditer(r"[^\s,.;:!?\"“”()]+|[,.;:!?\"“”()]", rest[at:]):
        word = t.group(0)
        low = word.casefold()
        if word in ",.;:!?\"“”" or (count > 0 and low in lex.words["stops"]):
            break
        if count > 0 and low in {"dan", "and"} and _next_is_head(rest, at + t.end(), lex):
            break
        if word == "(":
            close = rest.find(")", at + t.start())
            if close == -1 or close - (at + t.start()) > 80:
                break
            end = close + 1
            count += 1
            continue
        if word == ")":
            break
        end = at + t.end()
        count += 1
        if count >= 12:
            break
    return end


def _next_is_head(rest: str, at: int, lex: AgreementLexicon) -> bool:
    m = lex.heads.match(rest, at + (len(rest[at:]) - len(rest[at:].lstrip())))
    return m is not None


def _near_cue(lex: AgreementLexicon, s: str, hs: int, he: int) -> bool:
    window = s[max(0, hs - 60) : he + 60]
    return lex.cues.search(window) is not None


def _list_items(doc: Doc, lex: AgreementLexicon, index: int, group: AgreementMention) -> list[AgreementMention]:
    """Members listed after a counted group: "dua perjanjian kerja sama, yakni A dan B"."""
    sentence = doc.sentences[index]
    s = sentence.text
    at = group.head_end - sentence.start
    m = _PAREN.match(s, at)
    if m:
        at = m.end()
    tail = s[at:]
    opener = re.match(r"\s*,?\s*(?:" + "|".join(re.escape(w) for w in lex.words["list_openers"]) + r")\s*:?\s*|\s*:\s*", tail, re.IGNORECASE)
    if opener is None:
        return []
    body_start = at + opener.end()
    body_end = len(s.rstrip(" .!?"))
    parts = _split_list(s, body_start, body_end)
    if len(parts) < 2:
        return []
    items: list[AgreementMention] = []
    for ps, pe in parts:
        name = s[ps:pe].strip(" ,")
        if not name:
            continue
        items.append(
            AgreementMention(
                sentence=index,
                start=sentence.start + ps,
                end=sentence.start + pe,
                head_start=sentence.start + ps,
                head_end=sentence.start + pe,
                kind=_item_kind(name, lex, group.kind),
                form="item",
                name=name,
                strong=True,
            )
        )
    return items


_LIST_SPLIT = re.compile(r",\s*(?:dan|serta|and)\s+|\s+(?:dan|serta|and)\s+(?=[A-Z])|,\s*|;\s*", re.UNICODE)


def _split_list(s: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    pos = start
    depth = 0
    i = start
    while i < end:
        ch = s[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = _LIST_SPLIT.match(s, i)
            if m and m.end() <= end and _is_item_boundary(s, i, m.end()):
                parts.append((pos, i))
                pos = m.end()
                i = m.end()
                continue
        i += 1
    parts.append((pos, end))
    return [(a, b) for a, b in parts if b > a]


def _is_item_boundary(s: str, at: int, after: int) -> bool:
    # "Education, Research, and Mobility" inside a title is not a list of agreements:
    # a boundary must be followed by something that starts a new item.
    nxt = s[after : after + 40]
    return bool(nxt) and (nxt[:1].isupper() or nxt[:1].isdigit() or nxt.casefold().startswith(("mou", "nota", "perjanjian", "kesepakatan", "kontrak")))


def _item_kind(name: str, lex: AgreementLexicon, default: str) -> str:
    m = lex.heads.search(name)
    return lex.head_kinds[_group_name(m)].kind if m else default


# --- 2. status -----------------------------------------------------------------------


def read_status(doc: Doc, mention: AgreementMention, others: list[AgreementMention]) -> None:
    """Set the mention's status from the nearest cue in its clause, modifiers applied."""
    lex = agreement_lexicon(doc.lang)
    sentence = doc.sentences[mention.sentence]
    s = sentence.text
    hs, he = mention.head_start - sentence.start, mention.end - sentence.start
    lo, hi = _clause_bounds(s, hs, he)
    fences = sorted(o.head_start - sentence.start for o in others if o is not mention and o.sentence == mention.sentence and o.form != "item")
    best: tuple[int, str, int] | None = None
    for m in lex.cues.finditer(s, lo, hi):
        if hs <= m.start() < he and mention.form != "item":
            continue  # a cue inside the name ("Perjanjian ... Pelaksanaan") is not a verb
        distance = m.start() - he if m.start() >= he else hs - m.end()
        if any(min(m.start(), hs) < f < max(m.end(), he) for f in fences):
            distance += 200  # a cue with another agreement between belongs to that one
        status = _modified(s, m, lex.cue_status[_group_name(m)], lex.modifiers)
        if status is None:
            continue
        key = (distance, status, m.start())
        if best is None or key[0] < best[0]:
            best = key
    if best is not None:
        mention.status = best[1]
        mention.cue_at = sentence.start + best[2]


def _clause_bounds(s: str, hs: int, he: int) -> tuple[int, int]:
    lo, hi = 0, len(s)
    for m in _CLAUSE_BREAK.finditer(s):
        if m.end() <= hs:
            lo = m.end()
        elif m.start() >= he:
            hi = m.start()
            break
    return lo, hi


def _modified(s: str, cue: re.Match[str], status: str, modifiers: dict[str, str]) -> str | None:
    before = [w.casefold() for w in _WORD.findall(s[max(0, cue.start() - 50) : cue.start()])][-4:]
    effect = None
    for word in reversed(before):
        e = modifiers.get(word)
        if e is not None:
            effect = e
            break
    if effect in (None, "done"):
        return status
    rank = _STAGE[status]
    if effect == "future":
        return "proposed" if rank >= _STAGE["negotiating"] and status != "ended" else status
    if effect == "toward":
        return "negotiating" if rank >= _STAGE["agreed"] and status != "ended" else status
    if effect == "ongoing":
        return "negotiating" if status in ("agreed", "signed", "negotiating") else status
    if effect == "negation":
        if status in ("signed", "agreed"):
            return "negotiating"
        if status == "ratified":
            return "signed"
        return None if status in ("ended", "implementing") else status
    return status


# --- 3. agreements -------------------------------------------------------------------


def _name_key(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    words = {w.casefold() for w in re.findall(r"[\w-]+", name) if len(w) > 2}
    return frozenset(words - _KEY_NOISE)


_KEY_NOISE = {
    "mou", "nota", "kesepahaman", "kesepakatan", "perjanjian", "kerja", "sama", "kerjasama", "agreement",
    "memorandum", "understanding", "the", "and", "on", "tentang", "dan", "antara", "dengan", "bidang",
    "cooperation", "field", "for", "between", "yang",
}


def _same_named(a: _Agreement, m: AgreementMention) -> bool:
    key = _name_key(m.name)
    for other in a.mentions:
        if other.form not in ("named", "item"):
            continue
        other_key = _name_key(other.name)
        if key and other_key and (key <= other_key or other_key <= key or len(key & other_key) >= 3):
            return True
    return False


def gather(mentions: list[AgreementMention]) -> list[_Agreement]:
    """Mentions into agreements (step 3 of the module docstring)."""
    agreements: list[_Agreement] = []
    last: _Agreement | None = None
    for m in mentions:
        target: _Agreement | None = None
        if m.form in ("named", "item"):
            target = next((a for a in agreements if a.form in ("named", "item") and _same_named(a, m)), None)
        elif m.form == "anaphor":
            target = last
        elif m.form == "bare":
            same_kind = [a for a in agreements if _compatible(a.kind, m.kind)]
            target = same_kind[-1] if same_kind else None
            if target is None and len(agreements) == 1 and m.kind == "agreement":
                target = agreements[0]
        if target is None:
            if m.form == "anaphor" or (m.form == "bare" and not m.status):
                continue
            target = _Agreement([], m.kind, m.form)
            agreements.append(target)
        target.mentions.append(m)
        if m.form in ("named", "item") and target.form in ("bare", "anaphor"):
            target.form = m.form
        last = target
    return agreements


def _compatible(a: str, b: str) -> bool:
    return a == b or "agreement" in (a, b)


# --- 4. records ----------------------------------------------------------------------


def extract_agreements(doc: Doc, context: ArticleContext) -> list[AgreementRecord]:
    mentions = find_mentions(doc)
    if not mentions:
        return []
    by_sentence: dict[int, list[AgreementMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for m in mentions:
        read_status(doc, m, by_sentence[m.sentence])
    # Members of a listed group share the group's stage.
    for i, m in enumerate(mentions):
        if m.form == "group":
            for item in mentions[i + 1 :]:
                if item.form != "item" or item.sentence != m.sentence:
                    break
                if item.status is None or m.status:
                    item.status, item.cue_at = m.status, m.cue_at
    records: list[AgreementRecord] = []
    lex = agreement_lexicon(doc.lang)
    for agreement in gather(mentions):
        best = agreement.best()
        if best is None:
            continue
        if agreement.form == "group" and any(
            x.form == "item" and x.sentence == best.sentence for x in mentions
        ) and len([x for x in agreement.mentions]) == 1:
            continue  # a group fully listed is its members
        records.append(_record(doc, context, agreement, best, lex))
    return records


@dataclass(frozen=True, slots=True)
class ArticleContext:
    """What the article as a whole says, which agreement and meeting records fall back on."""

    countries: tuple[str, ...]
    event_date: DateValue | None
    organisation_country: dict[str, str]


def _record(
    doc: Doc, context: ArticleContext, agreement: _Agreement, best: AgreementMention, lex: AgreementLexicon
) -> AgreementRecord:
    name = agreement.name
    sentence_text = doc.sentences[best.sentence].text
    kind = _refine_kind(agreement.kind, name or "", sentence_text, lex)
    status = best.status or "proposed"
    date = _date_for(doc, context, best)
    countries = _countries_for(doc, context, agreement)
    sectors = _sectors_for(doc, agreement, name)
    return AgreementRecord(
        name=name,
        kind=_as_kind(kind),
        status=_as_status(status),
        date=date.iso() if date else None,
        countries=countries,
        parties=(),
        sectors=sectors,
        evidence=doc.evidence(best.sentence),
    )


def _refine_kind(kind: str, name: str, sentence: str, lex: AgreementLexicon) -> str:
    if kind not in ("agreement", "mou"):
        return kind
    for pattern, refined in lex.kind_words:
        if pattern.search(name) or (kind == "agreement" and pattern.search(sentence)):
            return refined
    return kind


def _date_for(doc: Doc, context: ArticleContext, best: AgreementMention) -> DateValue | None:
    dates = doc.dates_in(best.sentence)
    if dates:
        anchor = best.cue_at if best.cue_at is not None else best.head_start
        nearest = min(dates, key=lambda d: abs(d.start - anchor))
        return _status_date(nearest, best.status)
    return context.event_date


def _status_date(d: DateMention, status: str | None) -> DateValue | None:
    return d.value


def _countries_for(doc: Doc, context: ArticleContext, agreement: _Agreement) -> tuple[str, ...]:
    codes: set[str] = set()
    for m in agreement.mentions:
        for mention in doc.mentions_in(m.sentence, _PARTY_KINDS):
            if mention.key is None:
                continue
            if mention.kind in ("country", "bloc"):
                codes.add(mention.key)
            elif mention.kind == "organisation":
                country = context.organisation_country.get(mention.key)
                if country:
                    codes.add(country)
    if not codes:
        codes.update(context.countries)
    if len(codes) == 1 and context.countries and "IDN" in context.countries and doc.lang == "id":
        codes.add("IDN")
    return tuple(sorted(codes))


_PARTY_KINDS = frozenset({"country", "bloc", "organisation"})


def _sectors_for(doc: Doc, agreement: _Agreement, name: str | None) -> tuple[str, ...]:
    if name:
        found = find_sectors(name, doc.lang)
        if found:
            return found
    sectors: set[str] = set()
    for m in agreement.mentions:
        sectors.update(find_sectors(doc.sentences[m.sentence].text, doc.lang))
    return tuple(sorted(sectors))


def _as_kind(kind: str) -> AgreementKind:
    return kind  # type: ignore[return-value]  # the data tables only hold valid kinds


def _as_status(status: str) -> AgreementStatus:
    return status  # type: ignore[return-value]


def statuses() -> Iterable[str]:
    return AGREEMENT_STATUSES
