"""Agreements: mentions of instruments, their names, stage, date, parties and sectors.

1. find mentions: every agreement noun of the data tables ("MoU", "nota kesepahaman",
   "perjanjian", "Agreement", ...) with the name read around it, and its form:
   named, bare, a pointer back ("MoU tersebut"), a counted group ("dua MoU"), or a
   member of a listed group ("dua perjanjian, yakni A dan B");
2. read each mention's stage from the nearest status cue in its sentence, as changed
   by modifiers ("akan", "belum", "percepatan");
3. gather mentions into agreements: the same name, a pointer back or a bare noun joins
   the agreement it refers to; a group and its listed members stay apart, and so do the
   members of one list (a bare noun after a list is none of them);
4. each agreement's status is the most advanced one reported; its date, evidence,
   countries, parties and sectors come from the sentence that reports that status.
   The date, in order of trust (``_date_for``): a day of that sentence (not one a
   speaker said it on, a document's own, or the day an expo closed); one the article
   gives further on for the same event; the month of the expo or fair it happened at;
   the day it was said; the day of the article's news when it is that news. Those who
   witness or broker it are no parties (data/*/agreement_asides.tsv), and a person who
   signs under an office is a party by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from itertools import pairwise

from sepakat.data import load_table
from sepakat.extract.context import LEAD_SENTENCES, ArticleContext, Doc
from sepakat.extract.dates import DateMention, DateValue, dates_a_document
from sepakat.extract.gazetteer import load_gazetteer
from sepakat.extract.lexicon import AgreementLexicon, HeadKind, agreement_lexicon, off_topic, pact_acronyms
from sepakat.extract.people import PeopleResult, is_degree, people_lexicon
from sepakat.extract.sectors import find_sectors
from sepakat.extract.titled import titled_instrument
from sepakat.models import (
    AGREEMENT_STATUSES,
    AgreementKind,
    AgreementRecord,
    AgreementStatus,
)

_STAGE: dict[str, int] = {status: rank for rank, status in enumerate(AGREEMENT_STATUSES)}
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
    distinct: bool = False  # "MoU tersendiri", "a separate agreement": not one already spoken of
    called: bool = False  # the name given to an agreement just spoken of ("disebut sebagai ...")
    several: bool = False  # a plural pointer back ("kedua MoU tersebut", "kesepakatan-kesepakatan itu")
    opener: int | None = None  # an item on a line of its own: the sentence that opened its list

    @property
    def list_key(self) -> int:
        """Which list an item is of: its opener's sentence, or its own (items listed in it)."""
        return self.sentence if self.opener is None else self.opener


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
        given = [m.name for m in self.mentions if m.name and m.called]
        if given:
            return given[0]  # "... yang akan disebut sebagai Kesepakatan Kuala Lumpur"
        # A title is the shortest form that identifies it: "Kuala Lumpur Accord", not
        # "Kuala Lumpur Accord with the Prime Ministers of ...".
        names = [n for n in names if not any(_title_with_parties(t, n) for t in names)]
        # The fullest name the article gives, but not a run-on sentence.
        return max(names, key=lambda n: (len(n) <= 160, len(n)))

    def best(self) -> AgreementMention | None:
        with_status = [m for m in self.mentions if m.status]
        if not with_status:
            return None
        return max(with_status, key=lambda m: (_STAGE[m.status or "proposed"], -m.sentence))


def _title_with_parties(title: str, name: str) -> bool:
    """``name`` is ``title``, a proper title ("Kuala Lumpur Accord"), with its parties after."""
    words = title.split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() or not w[:1].isalpha() for w in words)
        and name.startswith(title)
        and _JOINED.match(name, len(title)) is not None
    )


# --- 1. mentions ---------------------------------------------------------------------


def find_mentions(doc: Doc) -> list[AgreementMention]:
    lex = agreement_lexicon(doc.lang)
    found: list[AgreementMention] = []
    weak_nouns = not off_topic(doc, lex)
    lines_read = -1  # the last sentence a list of lines took as its items
    for index in _with_list_openers(doc, doc.anchored_sentences("agreement")):
        if index <= lines_read:
            continue
        sentence = doc.sentences[index]
        claimed_until = -1
        for m in _head_matches(lex, sentence.text, doc.anchored_rows("agreement", index)):
            if m.start() < claimed_until:
                continue
            mention = _read_mention(doc, lex, index, m, weak_nouns)
            if mention is None:
                continue
            claimed_until = mention.end - sentence.start
            if mention.form == "group":
                items = _list_items(doc, lex, index, mention)
                if items:
                    claimed_until = max(claimed_until, items[-1].end - sentence.start)
                    mention.form = "listed"  # the group is its members, not one more item
                    found.append(mention)
                    found.extend(items)
                    continue
            parties = (
                _counterparty_items(doc, lex, index, mention) if mention.form in ("bare", "named") else []
            )
            if parties:
                mention.form = "listed"
                found.append(mention)
                found.extend(parties)
                continue
            found.append(mention)
        lines = _line_items(doc, lex, index, found)
        if lines:
            for mention in found:
                if mention.sentence == index and (mention.form in ("group", "bare") or mention is found[-1]):
                    mention.form = "listed"  # "dokumen MoU dan perjanjian ...": the group is its members
            if not found or found[-1].sentence != index:
                found.append(_opener(doc, lex, index))  # "ada 11 kerja sama ... yang mencakup:"
            found.extend(lines)
            lines_read = lines[-1].sentence
    return found


def _opener(doc: Doc, lex: AgreementLexicon, index: int) -> AgreementMention:
    """The group a list of lines belongs to, where its opener says it with a noun that is
    no mention of its own ("kerja sama"): where the opener's cues are read."""
    sentence = doc.sentences[index]
    head = lex.heads.search(sentence.text)
    hs, he = (head.start(), head.end()) if head else (0, 0)
    return AgreementMention(
        sentence=index,
        start=sentence.start + hs,
        end=sentence.start + he,
        head_start=sentence.start + hs,
        head_end=sentence.start + he,
        kind="agreement",
        form="listed",
        name=None,
        strong=False,
    )


def _with_list_openers(doc: Doc, anchored: list[int]) -> list[int]:
    """The anchored sentences and those that end in a colon before a new line, which may
    open a list of instruments with words no anchor holds ("ada 11 kerja sama ... yang
    mencakup:")."""
    text = doc.text
    openers = [
        i
        for i, sentence in enumerate(doc.sentences)
        if sentence.text.endswith(":") and text.startswith("\n", sentence.end)
    ]
    return sorted(set(anchored).union(openers)) if openers else anchored


def _line_items(
    doc: Doc, lex: AgreementLexicon, index: int, found: list[AgreementMention]
) -> list[AgreementMention]:
    """Members listed line by line after a sentence that opens them with a colon: "Adapun
    dokumen MoU dan perjanjian yang dipertukarkan, yaitu:" then "1. Perjanjian antara
    ...;", "2. MoU antara ...;". Each line is one item; a line that names no instrument
    ("2. Danantara -- Eramet") counts when most lines do, or when the opener counts the
    group ("11 kerja sama ... yang mencakup:"). Not the clauses of one agreement ("Ruang
    lingkup MoU tersebut meliputi:")."""
    sentence = doc.sentences[index]
    if not sentence.text.rstrip().endswith(":"):
        return []
    opener = found[-1] if found and found[-1].sentence == index else None
    if opener is not None and opener.form == "anaphor":
        return []  # "MoU tersebut meliputi:": what one agreement holds
    if opener is None and lex.heads.search(sentence.text) is None:
        return []  # "Saksikan Live DetikPagi:": no list of instruments
    lines, numbered = _lines_after(doc, index)
    named = sum(1 for j, a, b in lines if _names_an_instrument(lex, doc.sentences[j].text[a:b]))
    # Most lines name an instrument, unless the opener counts them; lines without numbers
    # are running text unless each names one.
    counted = opener is not None and opener.form == "group"
    mostly = named * 2 >= len(lines) or counted
    if len(lines) < 2 or not named or not mostly or (not numbered and named < len(lines)):
        return []
    items: list[AgreementMention] = []
    for j, a, b in lines:
        item = doc.sentences[j]
        name = _LEADING_ARTICLE.sub("", item.text[a:b])
        kind = _item_kind(name, lex, opener.kind if opener else "agreement")
        items.append(_item_mention(j, item.start + a, item.start + b, name, kind, opener=index))
    return items


def _item_mention(
    sentence: int, start: int, end: int, name: str, kind: str, *, opener: int | None = None
) -> AgreementMention:
    """An item of a list, whose span is its name (``opener``: see AgreementMention)."""
    return AgreementMention(
        sentence=sentence,
        start=start,
        end=end,
        head_start=start,
        head_end=end,
        kind=kind,
        form="item",
        name=name,
        strong=True,
        opener=opener,
    )


def _lines_after(doc: Doc, index: int) -> tuple[list[tuple[int, int, int]], bool]:
    """The lines after sentence ``index`` that may be items of a list, as (sentence, start,
    end) of each one's text without its number and closing punctuation; and whether all
    are numbered. The list ends at a line that holds more than one sentence, a long line,
    the opener of another list, or the first line without a number after numbered ones."""
    lines: list[tuple[int, int, int]] = []
    numbered = True
    for j in range(index + 1, min(len(doc.sentences), index + _MAX_LINE_ITEMS + 1)):
        item = doc.sentences[j]
        if item.start > 0 and doc.text[item.start - 1] != "\n":
            break  # the list ends where a line holds more than one sentence
        text = item.text
        marker = _LINE_MARKER.match(text)
        start = marker.end() if marker else 0
        end = len(_LINE_END.sub("", text))
        if (
            end - start < 3
            or end - start > _MAX_LINE_LENGTH
            or not (text[start].isupper() or text[start].isdigit())
            or text.rstrip().endswith(":")  # the opener of another list
        ):
            break
        if lines and numbered and marker is None:
            break  # the numbered list is over
        numbered = numbered and marker is not None
        lines.append((j, start, end))
    return lines, numbered


def _names_an_instrument(lex: AgreementLexicon, text: str) -> bool:
    """A line that opens with an instrument's noun ("MoU antara ...", "Letter of Intent on
    ..."), not one that speaks of an instrument already named ("Perjanjian ini berlaku")."""
    m = lex.heads.search(text, 0, 60)
    if m is None:
        return False
    before = text[: m.start()].split()
    capitalised = all(w[:1].isupper() or w[:1].isdigit() or w.casefold() in _ITEM_ARTICLES for w in before)
    if len(before) > 3 or not capitalised:
        return False  # "This colossal deal will ...": a sentence about one
    after = _words_after(text, m.end(), 1)
    return not (after and after[0].casefold().rstrip(".,;") in lex.words["anaphora"])


_ITEM_ARTICLES = frozenset({"a", "an", "the", "sebuah", "satu"})


_MAX_LINE_ITEMS = 30
_MAX_LINE_LENGTH = 300
_LINE_MARKER = re.compile(r"(?:\d{1,2}[.)]|[a-z][.)])\s+")
_LINE_END = re.compile(r"(?:\s*[;,.]\s*(?:dan|serta|and)?)?\s*$")


_COUNTERPARTY_LIST = re.compile(
    r"\s(?:dengan|bersama|with)\s+(?:(?:\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sejumlah|beberapa)\s[^,.;:]{0,40}?"
    r"(?:[,.:]\s*(?:[A-Z]\w*\s)?(?:yaitu|yakni|antara lain|meliputi|namely|including)\s*:?\s*|:\s*))?"
)


def _counterparty_items(
    doc: Doc, lex: AgreementLexicon, index: int, mention: AgreementMention
) -> list[AgreementMention]:
    """One instrument signed with each of several counterparties: "perjanjian pembiayaan
    dengan 4 nasabah. Keempatnya yaitu PT A, PT B, ...", "PKS dengan Kejaksaan A,
    Kejaksaan B dan Kejaksaan C" give one item per counterparty."""
    sentence = doc.sentences[index]
    at = mention.end - sentence.start
    if re.search(r"\b(?:antara|between)\b", sentence.text[max(0, at - 80) : at + 10]):
        return []  # "antara X dengan Y dan Z": one instrument, several parties
    text = sentence.text
    if index + 1 < len(doc.sentences):
        text = text + " " + doc.sentences[index + 1].text
    for m in _COUNTERPARTY_LIST.finditer(text, at, min(len(text), at + 160)):
        if m.start() >= len(sentence.text):
            break  # another sentence's "dengan": only "Keempatnya yaitu ..." goes on into the next
        counted = m.group(0).strip().split(None, 1)[-1][:1].isdigit() or m.end() - m.start() > 20
        list_end = m.end() + len(re.split(r"[.;!?]\s", text[m.end() :], maxsplit=1)[0].rstrip(" ."))
        names = [text[a:b].strip(" ,") for a, b in _split_list(text, m.end(), list_end)]
        if len(names) < (2 if counted else 3) or not all(_looks_like_party(n) for n in names):
            continue
        head = mention.name or doc.text[mention.head_start : mention.head_end]
        joiner = "dengan" if doc.lang == "id" else "with"
        list_sentence = index if m.end() <= len(sentence.text) else index + 1
        return [
            AgreementMention(
                sentence=list_sentence,
                start=mention.start,
                end=mention.end,
                head_start=mention.head_start,
                head_end=mention.head_end,
                kind=mention.kind,
                form="item",
                name=f"{head} {joiner} {name}",
                strong=True,
            )
            for name in names
        ]
    return []


_PARTY_WORD = re.compile(r"^(?:[A-Z0-9][\w.&'’()-]*|dan|di|of|the|and|&|\(|\))$")


def _looks_like_party(name: str) -> bool:
    """A counterparty's name: a few capitalised words, no quotes, no clause."""
    words = name.split()
    return 0 < len(words) <= 7 and name[:1].isupper() and all(_PARTY_WORD.match(w) for w in words)


def _head_matches(lex: AgreementLexicon, text: str, rows: list[int] | None) -> list[re.Match[str]]:
    """The head nouns of ``text`` as the combined pattern finds them (leftmost, then the
    first row), running only the rows whose literals the sentence holds."""
    return list(lex.head_rows.finditer(text, rows))


def _group_name(m: re.Match[str]) -> str:
    return next(name for name, value in m.groupdict().items() if value is not None)


def _read_mention(
    doc: Doc, lex: AgreementLexicon, index: int, m: re.Match[str], weak_nouns: bool
) -> AgreementMention | None:
    sentence = doc.sentences[index]
    s = sentence.text
    head = lex.head_kinds[_group_name(m)]
    hs, he = m.start(), m.end()
    before = _words_before(s, hs, 3)
    if (
        (not weak_nouns and not head.strong)
        or _not_an_instrument(lex, head, s, hs, he)
        or _unspelled_acronym(doc, lex, s[hs:he], before)
    ):
        return None
    if head.strength == "verb" and not (
        before and lex.cues.fullmatch(before[-1]) and _is_sign_cue(lex, before[-1])
    ):
        return None
    he, alt_kind = _alternatives(s, he, lex)
    kind = alt_kind if head.kind == "agreement" and alt_kind else head.kind
    # A reduplicated plural ("kesepakatan-kesepakatan tersebut") is one mention: its
    # pointer word comes after both copies.
    twin = m.end() + 1 + m.end() - hs
    doubled = s[m.end() : m.end() + 1] == "-" and s[m.end() + 1 : twin].casefold() == m.group().casefold()
    words_end = twin if doubled else he
    after = _words_after(s, words_end, 2)
    words = lex.words

    form = "bare"
    pointer_word = (after[0] if after else "") if doc.lang == "id" else (before[-1] if before else "")
    pointer_word = pointer_word.rstrip(".")  # "MoU tersebut." ends a sentence
    if pointer_word.casefold() in words["anaphora"] or (
        head.kind == "agreement" and not head.strong and pointer_word.casefold() in words["outcomes"]
    ):
        form = "anaphor"  # "MoU tersebut"; "kesepakatan politik": the stage of another one
    distinct = pointer_word.casefold() in words["distinct"]
    several = doubled or _is_counted(before, words["quantifiers"])
    if (several and form != "anaphor") or (
        doc.lang == "en" and form == "bare" and _is_plural(s[hs : m.end()])
    ):
        form = "group"

    start = _extend_left(s, hs, lex, doc.lang) if form != "group" else hs
    end = _extend_right(s, he, lex, doc.lang, lower_head=s[hs].islower())
    named = end > he or start < hs
    english = doc.lang == "en" and start == hs and s[hs].islower()
    english = english and (form == "bare" or pointer_word == "the")
    described = _described(s, hs, m.end(), end, lex) if english else None
    start, end = described or (start, end)
    named, form = (True, "bare") if described else (named, form)
    if (
        form == "anaphor"
        and pointer_word.casefold() == "the"
        and s[hs].isupper()
        and (_TITLE_GOES_ON.match(s, he, end) or _is_acronym_name(s[hs : m.end()]))
    ):
        # "the Agreement on Reciprocal Trade", "the IA-CEPA": the article of a name, not
        # a pointer back
        form = "bare"
    if form == "bare" and (named or _is_acronym_name(s[hs : m.end()])):
        form = "named"
    if form == "anaphor":
        start, end = hs, words_end
    if form == "group":
        end = words_end
    if head.strength == "weak" and form in ("bare", "anaphor") and not _near_cue(lex, s, hs, he):
        return None
    if head.kind == "agreement" and form == "named" and _outcome_of_instrument(lex, s, hs, he, end):
        return None  # "kesepakatan politik atas perjanjian IEU-CEPA" speaks of the inner one
    name = _LEADING_ARTICLE.sub("", s[start:end].strip(' ,"“”')) if form == "named" else None
    if name:
        name = _TRAILING_JOINER.sub("", _without_trailing_number(name))
        name = _within_its_parenthesis(name)
        if name.casefold() == s[hs:he].casefold() and not _is_acronym_name(name):
            name, form = None, "bare"  # "treaty on Monday": nothing of a name was left
    return AgreementMention(
        sentence=index,
        start=sentence.start + start,
        end=sentence.start + end,
        head_start=sentence.start + hs,
        head_end=sentence.start + he,
        kind=kind,
        form=form,
        name=name,
        strong=head.strong,
        distinct=distinct,
        several=several and form == "anaphor",
    )


def _unspelled_acronym(doc: Doc, lex: AgreementLexicon, head: str, before: list[str]) -> bool:
    """An acronym with another meaning (data/*/agreement_acronyms.tsv) that the article
    neither spells out nor signs: "Fraksi PKS" is the party, where "Perjanjian Kerja Sama"
    is never written."""
    long_form = lex.spelled_acronyms.get(head)
    if long_form is None or long_form.search(doc.text):
        return False
    return not (before and _is_sign_cue(lex, before[-1]))


def _within_its_parenthesis(name: str) -> str:
    """A name written in parentheses ends where they close: "(General Agreement on Tariffs
    and Trade) in Geneva" is "General Agreement on Tariffs and Trade"."""
    depth = 0
    for at, char in enumerate(name):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return name[:at].rstrip()
    return name


def _not_an_instrument(lex: AgreementLexicon, head: HeadKind, s: str, hs: int, he: int) -> bool:
    """A noun phrase that is something else ("Persetujuan Bangunan Gedung" is a permit,
    "kontrak kerja" a job), or a weak noun where approvals of bylaws and budgets are told."""
    if lex.not_agreements is not None:
        for negative in lex.not_agreements.finditer(s, max(0, hs - 30), min(len(s), he + 40)):
            if negative.start() <= hs < negative.end():
                return True
    following = _words_after(s, he, 1)
    if (
        s[hs:he].endswith("Partnership")
        and following
        and following[0].casefold().strip(",.") in _ENGLISH_NOUNS
    ):
        return True  # "Japan-Mexico Economic Partnership Agreement": words of that one's name
    return (
        not head.strong
        and lex.not_agreement_context is not None
        and bool(lex.not_agreement_context.search(s))
    )


# A generic noun, a qualifier or two, a preposition, then another instrument's noun:
# "kesepakatan politik atas perjanjian ...", "political agreement on the ... Agreement".
_OUTCOME_OF = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:atas|terhadap|mengenai|on|over)\s+(?:(?:the|a|an)\s+)?")


def _outcome_of_instrument(lex: AgreementLexicon, s: str, hs: int, he: int, end: int) -> bool:
    """The name read after a generic noun is a stage of another instrument the sentence
    names: the mention is that instrument's, read from its own noun."""
    if not s[hs].islower():
        return False  # "Agreement on Reciprocal Trade" is a name of its own
    link = _OUTCOME_OF.match(s, he, end)
    return link is not None and lex.heads.search(s, link.end(), min(end, link.end() + 60)) is not None


# A title that goes on after its noun ("Agreement on Reciprocal Trade", "Treaty of
# Paris"); "the Agreement for signature" is a defined term pointing back.
_TITLE_GOES_ON = re.compile(r"\s+(?:on|of|for|regarding|concerning)\s+(?:the\s+)?[A-Z]")


_LEADING_ARTICLE = re.compile(r"^(?:The|the|A|An)\s+")


# Words that join a name to what follows never end it: "accord between", "Treaty of Paris—the".
def _without_trailing_number(name: str) -> str:
    """A number the name reading stopped after, its unit or noun in lower case beyond it,
    is no part of the name: "perjanjian dagang 90 (hari)", "kontrak JICT USD 85 (juta)",
    "... dan 22 (perguruan tinggi)"; "Nomor 12", "Protocol 2" keep theirs."""
    words = name.split(" ")
    if len(words) < 2 or not _NUMBER.fullmatch(words[-1]):
        return name  # "ten new 787s", "joint statement on 6G": a model's, a technology's name
    before = words[-2]
    if before in _NUMBER_UNITS:
        return " ".join(words[:-2])
    if before[:1].islower() and before not in _BEFORE_A_YEAR:
        return " ".join(words[:-1])
    return name


_NUMBER = re.compile(r"\d[\d.,]*")
_NUMBER_UNITS = frozenset({"USD", "US$", "Rp", "IDR"})
_BEFORE_A_YEAR = frozenset({"until", "since", "in", "by", "of", "hingga", "sampai", "sejak", "tahun", "pada"})
_TRAILING_JOINER = re.compile(
    r"(?:[\s—–]+(?:on|of|for|in|the|a|an|and|to|with|between|by|dan|di|pada|untuk|dengan|yang|antara|serta|oleh|tentang))+$"
)


def _is_sign_cue(lex: AgreementLexicon, word: str) -> bool:
    m = lex.cues.fullmatch(word)
    return m is not None and lex.cue_status[_group_name(m)] == "signed"


def _alternatives(s: str, he: int, lex: AgreementLexicon) -> tuple[int, str | None]:
    """ "nota kesepahaman atau memorandum of understanding (MoU)": one noun, said twice.
    Returns the end of the last alternative and the most specific kind among them."""
    end = he
    kind = None
    while True:
        p = _PAREN.match(s, end)
        if p:
            end = p.end()
        alt = re.match(r"(?:\s+[a-z]+){0,2}?\s*(?:atau|alias|or|/)\s*", s[end:])
        if alt is None:
            return end, kind
        nxt = lex.heads.match(s, end + alt.end())
        if nxt is None:
            return end, kind
        end = nxt.end()
        alt_kind = lex.head_kinds[_group_name(nxt)].kind
        if alt_kind != "agreement":
            kind = alt_kind


def _words_before(s: str, at: int, n: int) -> list[str]:
    return _WORD.findall(s[max(0, at - 60) : at])[-n:]


def _words_after(s: str, at: int, n: int) -> list[str]:
    return _WORD.findall(s[at : at + 40])[:n]


_CLASSIFIERS = frozenset({"buah", "unit", "lembar", "dokumen", "paket", "item", "of", "new", "baru"})


def _is_counted(before: list[str], quantifiers: frozenset[str]) -> bool:
    """A counted or summed-up group: the count right before the noun ("35 MoU",
    "sejumlah kesepakatan", "a number of agreements"), not further away ("seluruh bab
    perjanjian" is every chapter of one agreement). A reduplicated plural
    ("perjanjian-perjanjian") is a group too; ``_read_mention`` reads it."""

    def counts(word: str) -> bool:
        return word.casefold() in quantifiers or word.isdigit()

    if before and counts(before[-1]):
        return True
    return len(before) >= 2 and counts(before[-2]) and before[-1].casefold() in _CLASSIFIERS


def _is_plural(head: str) -> bool:
    """ "deals", "agreements", "MoUs": several instruments, counted or not."""
    last = head.rsplit(maxsplit=1)[-1]
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us"))


# A trade agreement's acronym: its own ("IEU-CEPA", "NAFTA", "RCEP") or its kind's alone.
_TRADE_ACRONYM = re.compile(r"[A-Z]{0,5}-?(?:CEPA|FTA|EPA|PTA)|RCEP")
_KIND_ACRONYMS = frozenset({"CEPA", "FTA", "EPA", "PTA"})


def _pact_acronym(word: str) -> bool:
    """A trade agreement's acronym or its kind's, or a pact named by its acronym alone."""
    return _TRADE_ACRONYM.fullmatch(word) is not None or word in pact_acronyms()


def _is_acronym_name(head: str) -> bool:
    """A head that is an agreement's own acronym, not the kind's ("CEPA")."""
    return _pact_acronym(head) and head not in _KIND_ACRONYMS


_ENGLISH_NOUNS = {  # the first word of an English head ("Free Trade Agreement", "Letter of Intent")
    "free",
    "letter",
    "letters",
    "implementing",
    "head",
    "heads",
    "memoranda",
    "agreement",
    "agreements",
    "treaty",
    "accord",
    "pact",
    "partnership",
    "memorandum",
    "declaration",
    "statement",
    "communique",
    "communiqué",
    "arrangement",
    "protocol",
    "plan",
    "cepa",
    "fta",
    "epa",
    "deal",
    "deals",
    "mou",
    "mous",
    "contract",
    "contracts",
    "joint",
    "framework",
    "convention",
    "charter",
    "treaties",
    "accords",
    "pacts",
    "declarations",
    "statements",
    "arrangements",
    "protocols",
}
_LEFT_STOP = {
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "our",
    "his",
    "her",
    "new",
    "under",
    "of",
    "and",
    "to",
    "in",
    "on",
    "with",
    "for",
    "by",
    "from",
    "dalam",
    "melalui",
    "dan",
    "dengan",
    "atas",
    "sebuah",
    "suatu",
    "para",
    "pada",
    "di",
    "ke",
    "dari",
    "untuk",
    "yang",
    # what opens a sentence or a clause
    "sementara",
    "namun",
    "adapun",
    "selain",
    "kemudian",
    "meanwhile",
    "however",
}
_TITLE_TOKEN = re.compile(r"[A-Z][\w.'’&]*(?:[-\u2013/][\w.'’&]+)*$|[A-Z]{2,}[\w-]*$|U\.S\.(?:-[\w.'’]+)*$")


_SHORT_FORM = re.compile(r"\s*\(([A-Z][\w&.-]*[A-Z][\w&.-]*)\)")
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "our", "his", "her", "to"})


def _described(s: str, hs: int, he: int, end: int, lex: AgreementLexicon) -> tuple[int, int] | None:
    """The span of a lower-case English name that its short form follows: "a five-year
    defence and economic agreement (DECA)" is known by the description and "DECA",
    later mentions included. Not a kind's own short form ("memorandum of understanding
    (MoU)"); up to six words back to a determiner, a status cue or punctuation."""
    short = _SHORT_FORM.match(s, he)
    if short is None or end > short.end():
        return None
    if lex.heads.fullmatch(short.group(1)) is not None and not _is_acronym_name(short.group(1)):
        return None
    start = hs
    for token in list(re.finditer(r"\S+", s[max(0, hs - 80) : hs]))[::-1][:6]:
        word = token.group(0)
        if word.casefold() in _DETERMINERS or lex.cues.fullmatch(word) or not word[-1].isalnum():
            break
        start = max(0, hs - 80) + token.start()
    return start, short.end()


def _extend_left(s: str, hs: int, lex: AgreementLexicon, lang: str) -> int:
    """Capitalised words glued before an English noun: "Sponsored Student Scholarship
    Agreement", "U.S.-Indonesia Agreement on Reciprocal Trade". Indonesian names follow
    their noun ("Perjanjian Induk ..."), so a capital before one is a sentence's. A word
    that states a stage ("Perundingan I-EAEU FTA") or opens a sentence ("Sementara")
    is no part of the name."""
    if (
        not s[hs : hs + 1].isupper()
        or s[hs:].split(None, 1)[0].casefold().strip("(),.") not in _ENGLISH_NOUNS
    ):
        return hs
    start = hs
    taken = 0
    tokens = list(re.finditer(r"\S+", s[max(0, hs - 120) : hs]))
    for index in range(len(tokens) - 1, -1, -1):
        token = tokens[index]
        word = token.group(0)
        if word in ("and", "&") and taken and index and _TITLE_TOKEN.match(tokens[index - 1].group(0)):
            # "Trade and Investment Framework Agreement": a title's own "and"
            previous = tokens[index - 1].group(0).casefold()
            if previous not in _LEFT_STOP and previous not in _ENGLISH_NOUNS:  # not "Agreement and Protocol"
                start = max(0, hs - 120) + token.start()
                continue
        # "(General Agreement on Tariffs and Trade)": the name starts inside; "(I-EAEU FTA)"
        # is the short form of the name before it, which gathering joins it to.
        opens = word.startswith("(") and word[1:2].isupper() and not word[1:].isupper()
        if opens:
            word = word[1:]
        if (
            taken >= 8
            or word.casefold() in _LEFT_STOP
            or not _TITLE_TOKEN.match(word)
            or word.endswith((",", ".", ":"))
            or lex.cues.fullmatch(word) is not None
        ):
            break
        if s[max(0, hs - 120) + token.end() : start].strip():
            break
        start = max(0, hs - 120) + token.start() + opens
        taken += 1
        if opens:
            break
    if start < hs and lang == "id" and start == 0 and taken == 1:
        return hs  # a sentence-initial capital is not part of a name
    return start


_PAREN = re.compile(r"\s*\(([^()]{1,80})\)")
_EN_CONNECTORS = {"of", "the", "on", "in", "and", "for", "to", "between", "&", "a", "an", "at"}


def _extend_right(s: str, he: int, lex: AgreementLexicon, lang: str, lower_head: bool = False) -> int:
    """The name read to the right of the noun: a title-case run or a subject phrase,
    then the parties ("antara X dan Y") when they follow."""
    end = he
    title_end = (
        _title_run(s, end, lex, lang)
        if lang == "id" or s[he - 1 : he].isupper() or s[he : he + 1] != " " or _leads(s, he, lower_head)
        else he
    )
    if title_end > end:
        end = title_end
    elif not _closes_name(s[:end], lex) and not _is_acronym_name(last := _last_word(s[:end])):
        # "(I-EU CEPA)" closes a name, and "IEU-CEPA" is one. A plain noun after a trade
        # agreement's acronym is no subject of it ("CEPA insya Allah bisa diselesaikan").
        complement = _complement_start(s[end:], lex, lang, plain_nouns=not _pact_acronym(last))
        if complement is not None:
            end = end + _read_complement(s[end:], complement, lex)
    parties = re.match(r"\s*,?\s*(?:antara|between)\s+(?!(?:kedua|kedua belah|both|the two)\b)", s[end:])
    if parties is None and end == he:
        # An instrument named only by its counterparty: "PKS dengan Kejaksaan Negeri Batang".
        parties = re.match(r"\s+(?:dengan|with)\s+(?=[A-Z])(?!(?:Indonesia|RI)\b)", s[end:])
    if parties:
        end = end + parties.end() + _read_complement(s[end + parties.end() :], 0, lex, parties=True)
    return end


def _closes_name(text: str, lex: AgreementLexicon) -> bool:
    """``text`` ends with a name's short form in brackets ("... (I-EU CEPA)"), not with
    the noun's own ("Memorandum of Understanding (MoU)", which a topic may still follow)."""
    text = text.rstrip()
    if not text.endswith(")"):
        return False
    inner = text[text.rfind("(") + 1 : -1].strip()
    return lex.heads.fullmatch(inner) is None


_ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}")
_MONEY = re.compile(r"(?:Rp|US\$|S\$|A\$|RM|\$|€|£|¥)\s?\d|(?:Rp|US\$|RM)\.?$")


def _title_run(s: str, at: int, lex: AgreementLexicon, lang: str) -> int:
    """ "MoU on Cooperation in the Field of Shipbuilding", "Perjanjian Induk Lindung Nilai
    Syariah (PIDI Syariah)", "Nota Kesepahaman Nomor NK/6/IV/2023/TNI"."""
    tokens = list(re.finditer(r"\S+", s[at : at + 300]))
    end = 0
    i = 0
    if tokens and tokens[0].group(0).casefold() in _EN_CONNECTORS and lang == "id":
        pass
    while i < len(tokens):
        word = tokens[i].group(0)
        # "U.S." keeps its dot; a closing quote ends the run ("CEPA,”"), but not the
        # apostrophe of a possessive ("United States’ National Cancer Institute")
        bare = word if _ABBREVIATION.fullmatch(word) else word.rstrip(',.;:"”')
        low = bare.casefold()
        # A parenthesis goes on a name when it gives a short form, an alias or a defined
        # term ("(IA-CEPA)", "(“Americas Partnership”)", "(the Agreement)"), not a remark
        # ("(untuk kedua kalinya)", "(for the second time)").
        inner = bare[1:].lstrip("\"“‘'")
        aside = bare.startswith("(") and inner[:1].islower() and not inner.startswith("the")
        if bare[:1].isupper() or bare[:1].isdigit() or (bare.startswith("(") and end and not aside):
            if (lang == "id" and low in lex.words["stops"]) or low in _CALENDAR_WORDS or _MONEY.match(word):
                break  # "kontrak Rp2,62 triliun": an amount is no title word
            if lex.heads.fullmatch(bare) and end == 0 and i > 0:
                break
            end = tokens[i].start() + len(bare)
            if bare.startswith("(") and not bare.endswith(")"):
                close = s.find(")", at + tokens[i].start())
                if close == -1 or close - (at + tokens[i].start()) > 80:
                    break
                end = close + 1 - at
                break
            if word != bare:
                after = _title_list_goes_on(tokens, i, lang) if word.endswith(",") else None
                if after is None:
                    break
                i = after  # "Agreement on Reciprocal, Fair, and Balanced Trade"
                continue
            i += 1
            continue
        if low in _EN_CONNECTORS:
            j = i
            while j < len(tokens) and tokens[j].group(0).casefold() in _EN_CONNECTORS:
                j += 1
            if j < len(tokens) and tokens[j].group(0)[:1].isupper() and (end or low in _EN_LEADS):
                i = j
                continue
        break
    return at + end if end else at


def _title_list_goes_on(tokens: list[re.Match[str]], i: int, lang: str) -> int | None:
    """After a capitalised word and its comma (token ``i``): the index of the word after
    the list's "and" when an English name goes on through a title-case list ("on
    Education, Research, and Mobility", in English or Indonesian news), else None. Every
    word up to the "and" is capitalised and names nothing the gazetteer knows: "the
    Agreement on Trade, Japan and Indonesia said" ends at "Trade". An Indonesian list
    ends with "dan", which never continues a name."""
    known = load_gazetteer(lang).lookup  # the Indonesian one knows English names too
    for j in range(i + 1, min(len(tokens), i + 10)):
        word = tokens[j].group(0)
        if word.casefold() == "and":
            following = tokens[j + 1].group(0).rstrip(",.;:") if j + 1 < len(tokens) else ""
            ok = j > i + 1 and following[:1].isupper() and known(following) is None
            return j + 1 if ok else None
        bare = word.rstrip(",")
        if not (bare[:1].isupper() and bare.replace("-", "").isalpha()) or known(bare) is not None:
            return None
        if word != bare and word[len(bare) :] != ",":
            return None
    return None


_SENTENCE_STARTERS = frozenset(
    row[0] for lang in ("id", "en") for row in load_table(lang, "sentence_starters")
)
_EN_LEADS = {"on", "of", "for", "between", "in", "to", "regarding", "concerning"}
_CALENDAR_WORDS = frozenset(
    w.casefold()
    for lang in ("id", "en")
    for name in ("weekdays", "months")
    for w, _n in load_table(lang, name)
)


def _leads(s: str, at: int, lower_head: bool = False) -> bool:
    """An English name continues after a lower-case noun only through "on", "for", ...;
    after a noun in lower case not through "in" ("a treaty in Canberra" is a place)."""
    following = s[at : at + 12].split()
    if not following:
        return False
    word = following[0].casefold()
    return word in _EN_LEADS and not (lower_head and word in ("in", "at"))


def _last_word(text: str) -> str:
    words = text.rsplit(maxsplit=1)
    return words[-1] if words else ""


def _complement_start(
    rest: str, lex: AgreementLexicon, lang: str = "en", plain_nouns: bool = True
) -> int | None:
    """Where the phrase naming the subject starts: a listed opener ("tentang", "on"), or
    in Indonesian any plain noun right after the noun ("perjanjian pengakuan sertifikat")."""
    stripped = rest.lstrip()
    low = stripped.casefold()
    for word in lex.words["complements"]:
        if low.startswith(word) and (len(low) == len(word) or not low[len(word)].isalnum()):
            return len(rest) - len(stripped)
    if lang == "id" and plain_nouns and rest[:1] == " ":
        first = low.split(None, 1)[0] if low else ""
        if first.isalpha() and first == stripped.split(None, 1)[0] and _is_plain_noun(first, lex):
            return len(rest) - len(stripped)
    return None


_NOT_NOUNS = {
    "dan",
    "atau",
    "serta",
    "bersama",
    "baru",
    "lama",
    "itu",
    "ini",
    "tersebut",
    "tadi",
    "pun",
    "lah",
    "apa",
    "apapun",
    "mana",
    "manapun",
    "siapa",
    "lain",
    "lainnya",
    "sendiri",
    "saja",
    "pula",
    "antara",
    "dengan",
    "oleh",
    "kepada",
    "bagi",
}


def _is_plain_noun(word: str, lex: AgreementLexicon) -> bool:
    """A lower-case word that can extend a name: not a function word, not a verb."""
    return (
        len(word) > 2
        and word not in lex.words["stops"]
        and word not in lex.words["anaphora"]
        and word not in lex.words["quantifiers"]
        and word not in _NOT_NOUNS
        and not _looks_like_verb(word)
        and lex.cues.fullmatch(word) is None
    )


def _looks_like_verb(word: str) -> bool:
    """Indonesian verbs mostly carry me-/di- (active/passive) or ber-/ter- prefixes; ber-
    and ter- words ending in -an are mostly adjectives ("berkelanjutan", "terpadu" aside)."""
    if len(word) < 6 or word.startswith("teror"):
        return False
    if word.startswith(("me", "di")):
        return True
    return word.startswith(("ber", "ter")) and not word.endswith("an")


# A word (a comma or a dot between digits is part of it: "Rp2,62 triliun", "1.200"; an
# abbreviation keeps its dots: "U.S.") or a mark.
_COMPLEMENT_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}(?:[-–][\w.]+)?|(?:[^\s,.;:!?\"“”()—]|(?<=\d)[.,](?=\d))+|[,.;:!?\"“”()—]"
)
_PURPOSE = re.compile(r"(?:in\s+order|so\s+as)\s+to\b", re.IGNORECASE)  # "... in order to": the name ended


def _read_complement(rest: str, at: int, lex: AgreementLexicon, parties: bool = False) -> int:
    """The phrase naming the subject (or the parties), up to a clause boundary or a stop
    word, at most 12 words; parenthesised abbreviations are kept."""
    end = at
    count = 0
    stops = lex.words["stops"]
    skip_until = -1
    for t in _COMPLEMENT_TOKEN.finditer(rest[at:]):
        if at + t.start() < skip_until:
            continue
        word = t.group(0)
        low = word.casefold()
        if word == "," and parties and _party_follows(rest, at + t.end()):
            continue  # "antara A, B, dan C", but not "dengan A, Kamis (19/6)"
        if word in ',.;:!?"“”—':
            break  # "agreement with Japan—one of America's closest allies": an aside
        if count > 0 and (
            (low in stops and not (parties and low in {"dengan", "dan", "and", "with"}))
            or (low in {"in", "so"} and _PURPOSE.match(rest, at + t.start()))
        ):
            break
        if (
            count > 0
            and not parties
            and (
                low in {"antara", "between"}
                or low in _CALENDAR_WORDS
                or (word.islower() and _looks_like_verb(low))
            )
        ):
            break
        if count > 0 and low in {"dan", "and"} and _next_is_head(rest, at + t.end(), lex):
            break
        if word == "(":
            close = rest.find(")", at + t.start())
            if close == -1 or close - (at + t.start()) > 80:
                break
            end = skip_until = close + 1
            count += 1
            continue
        if word == ")":
            break
        if parties and count > 0 and not (word[:1].isupper() or word[:1].isdigit() or low in _PARTY_JOINERS):
            break
        end = at + t.end()
        count += 1
        if count >= (30 if parties else 12):
            break
    return end


def _party_follows(rest: str, at: int) -> bool:
    """After a comma, another party of a list: a capitalised word, not a weekday or month."""
    following = re.match(r"\s*(?:dan\s+|and\s+)?([A-Z][\w.]*)", rest[at:])
    return following is not None and following.group(1).casefold() not in _CALENDAR_WORDS


_PARTY_JOINERS = {"dan", "dengan", "and", "with", "of", "the", "for", "serta", "&", "ri"}


def _next_is_head(rest: str, at: int, lex: AgreementLexicon) -> bool:
    m = lex.heads.match(rest, at + (len(rest[at:]) - len(rest[at:].lstrip())))
    return m is not None


def _near_cue(lex: AgreementLexicon, s: str, hs: int, he: int) -> bool:
    window = s[max(0, hs - 60) : he + 60]
    return lex.cues.search(window) is not None


def _list_items(
    doc: Doc, lex: AgreementLexicon, index: int, group: AgreementMention
) -> list[AgreementMention]:
    """Members listed after a counted group: "dua perjanjian kerja sama, yakni A dan B"."""
    sentence = doc.sentences[index]
    s = sentence.text
    at = group.head_end - sentence.start
    m = _PAREN.match(s, at)
    if m:
        at = m.end()
    tail = s[at:]
    opener = re.match(
        r"\s*,?\s*(?:" + "|".join(re.escape(w) for w in lex.words["list_openers"]) + r")\s*:?\s*|\s*:\s*",
        tail,
        re.IGNORECASE,
    )
    if opener is None:
        return []
    body_start = at + opener.end()
    body_end = len(s.rstrip(" .!?"))
    parts = _split_list(s, body_start, body_end)
    if len(parts) < 2:
        return []
    colon = opener.group(0).strip().startswith(":") or opener.group(0).strip() == ":"
    if colon and not all(lex.heads.search(s[a:b]) for a, b in parts):
        return []  # after a colon (a heading?), only a list of instruments counts
    if any(
        doc.mentions_in(index, _COUNTRY_KINDS)
        and _only_country(doc, index, sentence.start + a, sentence.start + b)
        for a, b in parts
    ):
        return []
    items: list[AgreementMention] = []
    for ps, pe in parts:
        name = s[ps:pe].strip(" ,")
        if name:
            kind = _item_kind(name, lex, group.kind)
            items.append(_item_mention(index, sentence.start + ps, sentence.start + pe, name, kind))
    return items


_COUNTRY_KINDS = frozenset({"country", "bloc"})


def _only_country(doc: Doc, index: int, start: int, end: int) -> bool:
    """The span is just a country's name ("The United States"): not an instrument."""
    text = doc.text[start:end].strip(" ,").removeprefix("The ").removeprefix("the ")
    return any(m.text == text for m in doc.mentions_in(index, _COUNTRY_KINDS))


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
    return bool(nxt) and (
        nxt[:1].isupper()
        or nxt[:1].isdigit()
        or nxt.casefold().startswith(("mou", "nota", "perjanjian", "kesepakatan", "kontrak"))
    )


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
    fences = sorted(
        o.head_start - sentence.start
        for o in others
        if o is not mention and o.sentence == mention.sentence and o.form not in ("item",)
    )
    # Another agreement later in the sentence, not listed with this one, owns the verb
    # written right after it: "X will build upon ..., including the Y, signed in 1996".
    owned = {
        o.end - sentence.start
        for o in others
        if o is not mention
        and o.sentence == mention.sentence
        and o.start - sentence.start >= he
        and not _LISTED_WITH.fullmatch(s, he, o.start - sentence.start)
    }
    named_at = min(hs, mention.start - sentence.start)  # "no [supply] contract"
    best: tuple[int, str, int] | None = None
    ended_talks: dict[str, int] = {}
    # A cue starts inside the clause; it may run past its end ("ditanda - tangani": the
    # spaced dash of a misspelling is also a clause break).
    for m in lex.cue_rows.finditer(s, doc.anchored_rows("cue", mention.sentence), lo, min(len(s), hi + 24)):
        if m.start() >= hi:
            break
        if hs <= m.start() < he and mention.form != "item":
            continue  # a cue inside the name ("Perjanjian ... Pelaksanaan") is not a verb
        if any(0 <= m.start() - end <= 3 and not s[end : m.start()].strip(" ,\n") for end in owned):
            continue  # "..., including the Y, signed in 1996": Y's
        if _said_of_something_else(s, m, hs, he):
            continue
        group = _group_name(m)
        if (lex.cue_scope[group] == "governs" and not _governs(s, m, hs, he)) or (
            lex.cue_status[group] == "ended" and _ends_something_else(s, m, named_at)
        ):
            continue  # "a deal to help end the war": the war ends, not the deal
        distance = m.start() - he if m.start() >= he else hs - m.end()
        if any(min(m.start(), hs) < f < max(m.end(), he) for f in fences):
            distance += 200  # a cue with another agreement between belongs to that one
        # A modifier inside the agreement's name is none of the verb's ("the Joint Plan of
        # Action agreed at ..."), one before the name may be ("bakal ada MoU yang diteken").
        status = _stated(s, m, lex.cue_status[group], lex.modifiers, (named_at, he), named_at=named_at)
        if m.end() <= hs and _future_after(s, he, status, m.group(0)):
            status = "proposed"  # "implementasi MoU ini diharapkan ...": hoped for, not reached
        if status is None:
            continue
        if status in ("agreed", "proposed") and _CONCLUDED.fullmatch(m.group(0)):
            # Where a verb says talks ended in agreement ("rampung"), or are to ("ditargetkan rampung").
            ended_talks[status] = ended_talks.get(status, m.start())
        if best is None or distance < best[0]:
            best = (distance, status, m.start())
    if best is not None:
        status, at = _of_the_talks(s, mention.start - sentence.start, best[1], best[2], ended_talks)
        mention.status = status
        mention.cue_at = sentence.start + at


def _stated(
    s: str,
    cue: re.Match[str],
    status: str,
    modifiers: dict[str, str],
    name: tuple[int, int],
    *,
    named_at: int,
) -> str | None:
    """The stage the cue states of the agreement named at ``named_at``: modified by the
    words before the cue, or denied by a determiner before the name ("no agreement was
    reached", "berakhir tanpa kesepakatan"), whatever else the clause says."""
    stated = _modified(s, cue, status, modifiers, name)
    if stated is not None and _NEGATED_NOUN.search(s, max(0, named_at - 40), named_at):
        return _EFFECTS["negation"].get(status, status)
    return stated


# A determiner that denies the noun after it, a word or two between but no article:
# "no agreement", "no new supply contract", "tanpa kesepakatan", "tidak ada MoU".
_NEGATED_NOUN = re.compile(
    r"\b(?:no|without(?:\s+(?:a|an|any))?|tanpa(?:\s+adanya)?|tiada|(?:tidak|tak|belum)\s+ada)\s+"
    r"(?:(?!(?:the|this|that|its|their|a|an|itu|ini|yang)\b)[a-z][\w-]*\s+){0,2}\Z",
    re.IGNORECASE,
)


# Between two agreements of one list: "MoU A dan MoU B", "the X, the Y and the Z".
_LISTED_WITH = re.compile(r"[\s,;]*(?:(?:dan|serta|and|or|atau|&)\s+)?(?:the\s+)?", re.IGNORECASE)


def _of_the_talks(
    s: str, named_at: int, status: str, at: int, ended_talks: dict[str, int]
) -> tuple[str, int]:
    """The stage when the agreement is the object of talks ("perundingan Indonesia-EU
    CEPA", "negotiations on X"): a launch is of the talks, and their end is agreement;
    an end only aimed at leaves them going on ("menargetkan negosiasi X rampung tahun ini")."""
    talks = _NEGOTIATION_BEFORE.search(s, max(0, named_at - 60), named_at)
    if talks is None:
        return status, at
    if status == "agreed" and _LAUNCH.match(s, at):
        return "negotiating", at  # "Perundingan IEU-CEPA diluncurkan"
    if status == "negotiating" and at >= talks.start() and "agreed" in ended_talks:
        return "agreed", ended_talks["agreed"]  # "diselesaikannya Perundingan I-EAEU FTA"
    if status == "proposed" and "proposed" in ended_talks:
        return "negotiating", at
    return status, at


_LAUNCH = re.compile(r"(?:di|me)?luncurkan|peluncuran|launch", re.IGNORECASE)
_CONCLUDED = re.compile(
    r"rampung|selesai|tuntas|(?:di|me)(?:rampung|selesai|tuntas)kan(?:nya)?|conclude[ds]?|completed?|finali[sz]ed",
    re.IGNORECASE,
)
_NEGOTIATION_BEFORE = re.compile(
    r"\b(?:perundingan|negosiasi|pembicaraan|negotiations?|talks)"
    r"(?:\s+(?:resmi|formal|on|for|about|over|tentang|mengenai|soal|the|a|an))*\s*$",
    re.IGNORECASE,
)


def _ends_something_else(s: str, cue: re.Match[str], named_at: int) -> bool:
    """A verb of ending whose object, after it, is not the agreement: "a ceasefire deal to
    help end the war", "the best way to end this conflict is through a peace deal" (but
    "terminate its merger agreement", "withdraw from the deal")."""
    passive = _PASSIVE_BEFORE.search(s, max(0, cue.start() - 12), cue.start())
    if _OBJECT_AFTER.match(s, cue.end()) is None or passive:
        return False  # no object: "were suspended a year ago", "which ends this September"
    if cue.end() <= named_at:
        between = s[cue.end() : named_at]
        if len(_WORD.findall(between)) <= 5 and not re.search(r"[.;:,]", between):
            return False  # the agreement is the object: "end the big drug companies' sweetheart deal"
    return True


_OBJECT_AFTER = re.compile(
    r"\s+(?:the|this|that|these|those|a|an|its|their|his|her|our|all)\s+"
    r"(?!(?:year|month|week|day|decade|weekend|season|quarter|time|morning|evening|night|summer|winter"
    r"|january|february|march|april|may|june|july|august|september|october|november|december"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b)",
    re.IGNORECASE,
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|be|been|being|is|are)\s+$", re.IGNORECASE)


_FOR_PURPOSE = re.compile(r"\s+(?:to|untuk|guna|demi)\s+", re.IGNORECASE)  # between the noun and a cue


def _is_passive(cue: str) -> bool:
    """ "(MoU) untuk ditandatangani": done to the agreement, not what it is for."""
    return cue[:2].casefold() == "di"


def _governs(s: str, cue: re.Match[str], hs: int, he: int) -> bool:
    """The cue governs the agreement noun: right before it ("implementasi MoU"), or as a
    passive verb right after it ("MoU tersebut telah dilaksanakan")."""
    if cue.end() <= hs:
        between = s[cue.end() : hs]
        return len(_WORD.findall(between)) <= 2 and not re.search(r"[.;:,]", between)
    between = s[he : cue.start()]
    return (
        cue.group(0).casefold().startswith("di")
        and len(_WORD.findall(between)) <= 3
        and not re.search(r"[.;:,]", between)
    )


def _said_of_something_else(s: str, cue: re.Match[str], hs: int, he: int) -> bool:
    """A cue that tells no stage of the agreement at ``hs:he``: what it is for ("a deal to
    end the war"), or a verb of agreeing whose object is a clause, which tells the stage
    itself ("sepakat bahwa MoU ... perlu segera diselesaikan", "agreed that any budget
    agreement would need ...")."""
    if cue.start() >= he and _FOR_PURPOSE.fullmatch(s, he, cue.start()) and not _is_passive(cue.group(0)):
        return True
    return cue.end() <= hs and _THAT_CLAUSE.match(s, cue.end()) is not None


_THAT_CLAUSE = re.compile(r"\s*,?\s*(?:bahwa|that)\b", re.IGNORECASE)


_AFTER_FUTURE = re.compile(
    r"^\W*(?:\w+\W+){0,3}?"
    r"(?:akan|bakal|diharapkan|diproyeksikan|ditargetkan|dapat|bisa"
    r"|will|would|can|could|is expected|are expected)\b",
    re.IGNORECASE,
)


_SIGNING_NOUN = re.compile(r"penandatangan|penekenan|signing\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:yang|that|which)\b", re.IGNORECASE)


def _future_after(s: str, he: int, status: str | None, cue: str) -> bool:
    """A nominal cue before the agreement whose verb, after it, looks ahead or says what
    may be: "implementasi MoU ini diharapkan ...", "Penandatanganan perjanjian induk ...
    akan dilakukan", "Melalui implementasi perjanjian ini, Indonesia dapat menjadi ..."
    (not "MoU yang akan ...": that says what the agreement will do)."""
    if status not in ("implementing", "ratified") and not (status == "signed" and _SIGNING_NOUN.match(cue)):
        return False
    ahead = _AFTER_FUTURE.match(s[he:])
    return ahead is not None and not _RELATIVE.search(ahead.group(0))


def _clause_bounds(s: str, hs: int, he: int) -> tuple[int, int]:
    lo, hi = 0, len(s)
    for m in _CLAUSE_BREAK.finditer(s):
        if m.end() <= hs:
            lo = m.end()
        elif m.start() >= he:
            hi = m.start()
            break
    return lo, hi


# What a modifier does to the stage its cue states: effect -> {stage: new stage}; a stage
# not listed stays as it is, None drops the cue ("bisa dibatalkan" reports no stage).
_EFFECTS: dict[str, dict[str, str | None]] = {
    "completed": {"negotiating": "agreed"},
    "hypothetical": {
        "agreed": "proposed",
        "signed": "proposed",
        "ratified": "proposed",
        "proposed": None,
        "negotiating": None,
        "implementing": None,
        "ended": None,
    },
    "future": {
        "negotiating": "proposed",
        "agreed": "proposed",
        "signed": "proposed",
        "ratified": "proposed",
        "implementing": "proposed",
    },
    # An auxiliary of the future: as "future"; and an agreement that will end or expire
    # ("akan berakhir", "will expire in October") is in force until then (``_RUNS_OUT``).
    "will": {
        "negotiating": "proposed",
        "agreed": "proposed",
        "signed": "proposed",
        "ratified": "proposed",
        "implementing": "proposed",
        "ended": "implementing",
    },
    "toward": {
        "agreed": "negotiating",
        "signed": "negotiating",
        "ratified": "negotiating",
        "implementing": "negotiating",
    },
    "ongoing": {"agreed": "negotiating", "signed": "negotiating"},
    "negation": {
        "signed": "negotiating",
        "agreed": "negotiating",
        "ratified": "signed",
        "implementing": None,
        "ended": None,
    },
}


def _modified(
    s: str, cue: re.Match[str], status: str, modifiers: dict[str, str], name: tuple[int, int] = (0, 0)
) -> str | None:
    """The stage a cue states, as the nearest modifier before it changes it; the words of
    the ``name`` span are not read."""
    kept = _words_before_cue(s, cue, name)
    words = [w.group().casefold() for w in kept]
    # "to" looks ahead before a verb ("to sign"), not before a noun phrase ("agreed to a
    # Framework for negotiating ...", "commitment to broader U.S.-India BTA negotiations",
    # the name between it and the cue): there it is no modifier.
    noun_after = cue.start() >= name[1] > name[0] and not cue.group(0).endswith(("ed", "en"))
    before = [
        ""
        if w == "to"
        and (
            (i + 1 < len(words) and words[i + 1] in _DETERMINERS)
            or (noun_after and kept[i].start() < name[0])
        )
        else w
        for i, w in enumerate(words)
    ]
    at = next((i for i in range(len(before) - 1, -1, -1) if before[i] in modifiers), None)
    effect = modifiers[before[at]] if at is not None else None
    if (
        effect == "done"
        and at
        and modifiers.get(before[at - 1]) in _AHEAD_OR_NOT
        and before[at - 1] not in _UNTIL
    ):
        effect = modifiers[before[at - 1]]  # "akan menyaksikan penandatanganan": still ahead
    elif effect == "done" and at is not None and _after_what_lies_ahead(s, cue.start(), before[at]):
        effect = "future"  # "akan mendapat peluang baru usai meneken perjanjian": still ahead
    elif effect == "done" and at:
        effect = _hoped_done(before[:at], modifiers) or effect  # "kita harapkan Juni ini sudah selesai"
    if effect == "will" and status == "ended" and not _RUNS_OUT.fullmatch(cue.group(0)):
        effect = "future"  # "would terminate its agreement": an end announced, not a term
    if effect is None or effect not in _EFFECTS:
        return status
    return _EFFECTS[effect].get(status, status)


# An agreement's term running out, as against someone ending it ("membatalkan", "terminate").
_RUNS_OUT = re.compile(
    r"(?:berakhir|habis|usai|ends?|expire[sd]?|lapse[sd]?|k[ae]daluw?arsa)(?:nya)?",
    re.IGNORECASE,
)


def _words_before_cue(s: str, cue: re.Match[str], name: tuple[int, int]) -> list[re.Match[str]]:
    """The four words nearest before the cue, the name's left out, reading past a long name
    ("menargetkan proses negosiasi Indonesia-European Union ... (IEU CEPA) rampung"); but
    only the four before the cue, the name's among them, for a participle right after the
    name ("will announce two new MOUs signed by DOE": "will" is of "announce") or when a
    relative clause ends in the name ("Perjanjian damai yang akan disebut sebagai
    Kesepakatan Kuala Lumpur ditandatangani": "akan" is of "disebut")."""
    lo = max(0, cue.start() - 50)
    close = [w for w in list(_WORD.finditer(s, lo, cue.start()))[-4:] if not name[0] <= w.start() < name[1]]
    if cue.group(0).endswith(("ed", "en")) and not s[name[1] : cue.start()].strip():
        return close
    lo = max(0, lo - max(0, min(name[1], cue.start()) - max(name[0], lo)))
    far = [w for w in _WORD.finditer(s, lo, cue.start()) if not name[0] <= w.start() < name[1]][-4:]
    if cue.start() >= name[1] and any(
        w.start() < name[0] and w.group().casefold() in _CLAUSE_RELATIVES for w in far
    ):
        return close
    return far


_AHEAD_OR_NOT = frozenset({"future", "will", "negation", "hypothetical"})


def _hoped_done(words: list[str], modifiers: dict[str, str]) -> str | None:
    """The effect of a word that looks ahead further left than "sudah", "has" ("kita
    harapkan Juni ini sudah selesai": hoped done, not done); none across a relative
    ("berharap kerja sama yang telah disepakati" tells one done)."""
    for word in reversed(words):
        if word in _RELATIVES:
            return None
        if modifiers.get(word) in ("future", "will", "hypothetical") and word not in _CONJUNCTIONS:
            return modifiers[word]
    return None


_RELATIVES = frozenset({"yang", "that", "which", "who"})
_CLAUSE_RELATIVES = _RELATIVES - {"that"}  # "said that if an agreement were reached": no relative
# Future words that join clauses rather than hope: "did not end until the treaty was
# signed", "To date, Nespresso has signed".
_UNTIL = frozenset({"until", "till", "hingga", "sampai"})  # "hingga akhirnya ... ditandatangani": it came
_CONJUNCTIONS = _UNTIL | {"to", "untuk", "agar", "supaya"}
# "usai", "setelah", "after": done before what the clause's main verb says; when that verb
# looks ahead, so does the step.
_AFTER_WORDS = frozenset({"usai", "setelah", "seusai", "sesudah", "after"})
_AHEAD_IN_CLAUSE = re.compile(r"\b(?:akan|bakal|will|would)\b", re.IGNORECASE)


def _after_what_lies_ahead(s: str, at: int, word: str) -> bool:
    """``word`` ("usai", "after") before the cue at ``at`` follows, in its clause, a verb
    that looks ahead: "kedua negara akan menikmati tarif nol usai meneken ..."."""
    if word not in _AFTER_WORDS:
        return False
    start = max(0, at - 120)
    start = max(start, *(s.rfind(mark, start, at) + 1 for mark in (",", ";", ":", ".", "\n")))
    clause = s[start:at]
    return _AHEAD_IN_CLAUSE.search(clause, 0, max(0, clause.casefold().rfind(word))) is not None


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "our", "their", "its"})


# --- 3. agreements -------------------------------------------------------------------


def _name_key(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    words = {w.casefold() for w in re.findall(r"[\w-]+", name) if len(w) > 2}
    return frozenset(words - _KEY_NOISE)


_KEY_NOISE = {
    "mou",
    "nota",
    "kesepahaman",
    "kesepakatan",
    "perjanjian",
    "kerja",
    "sama",
    "kerjasama",
    "agreement",
    "memorandum",
    "understanding",
    "the",
    "and",
    "on",
    "tentang",
    "dan",
    "antara",
    "dengan",
    "bidang",
    "cooperation",
    "field",
    "for",
    "between",
    "yang",
}


def _acronyms(name: str | None) -> tuple[set[str], set[str]]:
    """What an agreement's name can be abbreviated to: the acronyms it writes ("IEU-CEPA",
    "IEU CEPA" -> IEUCEPA), and the initials of its capitalised words in front of a
    trailing acronym ("Indonesia-European Union CEPA" -> IEUCEPA). Two names are one
    agreement when an acronym of one is an acronym or the initials of the other."""
    if not name:
        return set(), set()
    written: set[str] = set()
    for run in re.findall(
        r"\b[A-Z][A-Z-]*[A-Z](?:[\s-]+[A-Z][A-Z-]*[A-Z]|[\s-]+[A-Z]\b)*\b|\b[A-Z]-[A-Z][A-Z-]*\b", name
    ):
        joined = re.sub(r"[\s-]", "", run)
        if len(joined) >= 4:
            written.add(joined)
    outside = re.sub(r"\([^()]*\)", " ", name)
    words = [w for w in re.findall(r"[A-Za-z][\w]*", outside) if w[:1].isupper() and w not in ("MoU", "MOU")]
    initials = "".join(word if word.isupper() and len(word) > 1 else word[0] for word in words)
    return written, ({initials} if len(initials) >= 4 else set())


def _same_named(a: _Agreement, m: AgreementMention) -> bool:
    key = _name_key(m.name)
    written, initials = _acronyms(m.name)
    for other in a.mentions:
        if other.form not in ("named", "item"):
            continue
        other_written, other_initials = _acronyms(other.name)
        if written & (other_written | other_initials) or initials & other_written:
            return True
        if _other_counterparty(m.name, other.name):
            continue
        other_key = _name_key(other.name)
        shared = len(key & other_key)
        smaller = min(len(key), len(other_key))
        if (
            key
            and other_key
            and (
                key == other_key
                or (smaller >= 2 and (key <= other_key or other_key <= key))
                or shared >= max(2, smaller // 2 + 1)
            )
        ):
            return True
    return False


def _named_back(a: _Agreement, m: AgreementMention, doc: Doc) -> bool:
    """A short name that points back ("Perjanjian Pelaksanaan tersebut") to an agreement
    whose name holds all its words ("Perjanjian Pelaksanaan (Implementing Agreement)")."""
    if doc.lang != "id" or not _points_back(m, doc):
        return False
    key = _name_key(m.name)
    return bool(key) and any(
        other.form in ("named", "item") and key <= _name_key(other.name) for other in a.mentions
    )


def _points_back(m: AgreementMention, doc: Doc) -> bool:
    """The name ends in a pointer back ("perjanjian perdagangan ini", "MoU tersebut") or,
    in English, opens with one ("this trade agreement"; "the" opens new ones too)."""
    sentence = doc.sentences[m.sentence]
    pointers = agreement_lexicon(doc.lang).words["anaphora"]
    if doc.lang == "id":
        following = _words_after(sentence.text, m.end - sentence.start, 1)
        return bool(following) and following[0].rstrip(".,").casefold() in pointers
    before = _words_before(sentence.text, m.start - sentence.start, 1)
    return bool(before) and before[0].casefold() in pointers - {"the"}


def _told_apart(a: _Agreement, m: AgreementMention, doc: Doc) -> bool:
    """The unnamed agreement ``a`` is not the one ``m`` names: the sectors ``m``'s name
    describes are none of those ``a``'s sentences speak of ("ExxonMobil and Pertamina have
    signed a $2.5 billion agreement" on carbon capture, then "the Educational Cooperation
    MOU signed by the United States and Indonesia")."""
    described = set(find_sectors(m.name or "", doc.lang))
    if not described:
        return False
    spoken = set(find_sectors(" ".join(doc.sentences[x.sentence].text for x in a.mentions), doc.lang))
    return bool(spoken) and not (described & spoken)


def _described_pact(
    m: AgreementMention, agreements: list[_Agreement], doc: Doc, context: ArticleContext
) -> _Agreement | None:
    """The one agreement with a proper name that a description after it speaks of: "the
    IEU-CEPA" then "perjanjian perdagangan bebas", the I-EAEU FTA then "Perjanjian
    perdagangan dengan EAEU". The description is the noun and lower-case words (and the
    countries it is with); the sectors it names must be that agreement's, and no other
    proper-named agreement of the article may have them too."""
    description = _description(m, doc, context)
    if description is None:
        return None
    sectors, own = description
    fitting = [
        a
        for a in agreements
        if a.form in ("named", "item")
        and _compatible(a.kind, m.kind)
        and any(_proper_name(x.name) for x in a.mentions if x.form in ("named", "item"))
        and sectors <= set(find_sectors(a.name or "", doc.lang))
    ]
    if len(fitting) != 1:
        return None
    theirs = frozenset().union(*(_name_countries(doc, context, x) for x in fitting[0].mentions))
    return fitting[0] if own <= theirs else None  # not "perjanjian dagang dengan Peru" after a Chile CEPA


def _description(m: AgreementMention, doc: Doc, context: ArticleContext) -> tuple[set[str], set[str]] | None:
    """The sectors a descriptive name ("perjanjian perdagangan bebas") names and the
    countries it is with, besides Indonesia; None for a proper name, a bare noun, a weak
    one ("kerja sama iklim" is a cooperation of its own), or one with a body ("dengan PT Len")."""
    if m.form != "named" or not m.name or not m.strong:
        return None
    words = _JOINED.split(m.name, maxsplit=1)[0].split()
    if len(words) < 2 or any(w[:1].isupper() for w in words[1:]):
        return None
    sectors = set(find_sectors(" ".join(words), doc.lang))
    if not sectors:
        return None
    own = set(_name_countries(doc, context, m))
    for party in _mention_parties(doc, m):
        codes = {context.code_of(x) for x in context.gazetteer.find(party) if x.kind in ("country", "bloc")}
        if not codes or None in codes:
            return None
        own |= {c for c in codes if c and c != "IDN"}
    return sectors, own


def _proper_name(name: str | None) -> bool:
    """A name with a capitalised word after its noun, or an acronym: "IEU-CEPA", "Free
    Trade Agreement", "Perjanjian Kerja Sama Perikanan"."""
    words = (name or "").split()
    return any(w[:1].isupper() for w in words[1:]) or bool(re.search(r"[A-Z]{2,}", name or ""))


def _described_back(m: AgreementMention, last: _Agreement | None, doc: Doc) -> _Agreement | None:
    """The agreement just spoken of, when a descriptive name (lower-case words after the
    noun) points back to it: "perjanjian perdagangan ini" after the I-EAEU FTA is that
    FTA, though no word of the one name is in the other. The description must fit: the
    sectors its words name are the agreement's ("MoU pangan tersebut" after "MoU
    energi" is another MoU)."""
    if last is None or m.form != "named" or not _compatible(last.kind, m.kind) or not _points_back(m, doc):
        return None
    if any(word[:1].isupper() for word in (m.name or "").split()[1:]):
        return None  # a proper name ("this Framework Agreement") is its own
    described = set(find_sectors(m.name or "", doc.lang))
    if not described:
        return last
    first = last.mentions[0]
    known = " ".join([*(x.name or "" for x in last.mentions), doc.sentences[first.sentence].text])
    return last if described <= set(find_sectors(known, doc.lang)) else None


def _same_pact(a: _Agreement, m: AgreementMention, doc: Doc, context: ArticleContext) -> bool:
    """One trade pact named in two languages or spellings: "FTA EAEU", "FTA Uni Eurasia"
    and "perjanjian kawasan perdagangan bebas antara Indonesia dengan Uni Ekonomi
    Eurasia". Their names, read as the registry reads them (the kind phrases translated
    to the pact's acronym), give the same pact, and name the same countries besides
    Indonesia (none is not the same: "FTA" and "CEPA" alone may be any)."""
    # Not imported as ``pact_acronyms``: compiled (setup.py), a function's import binds
    # the module's name, and lexicon's ``pact_acronyms`` is called by that name here.
    from sepakat.resolve.agreements import pact_acronyms as named_pacts

    pacts = named_pacts(m.name)
    countries = _name_countries(doc, context, m)
    if not pacts or not countries:
        return False
    return any(
        other.form in ("named", "item")
        and named_pacts(other.name) == pacts
        and _name_countries(doc, context, other) == countries
        for other in a.mentions
    )


def _name_countries(doc: Doc, context: ArticleContext, m: AgreementMention) -> frozenset[str]:
    """Countries and blocs named inside the mention's name, Indonesia aside."""
    codes = {
        context.code_of(x)
        for x in doc.mentions_in(m.sentence, frozenset({"country", "bloc"}))
        if m.start <= x.start and x.end <= m.end
    }
    return frozenset(c for c in codes if c and c != "IDN")


def _names_other_countries(a: _Agreement, m: AgreementMention, doc: Doc, context: ArticleContext) -> bool:
    """Both names say whose they are, and neither's countries hold the other's:
    "Indonesia-Chile CEPA" and "Indonesia-Peru CEPA" are two pacts, however alike their
    words; "Indonesia-EU CEPA" and "CEPA antara Indonesia dan Uni Eropa" are one."""
    mine = _name_countries(doc, context, m)
    if not mine:
        return False
    theirs = frozenset().union(
        *(_name_countries(doc, context, other) for other in a.mentions if other.form in ("named", "item"))
    )
    return bool(theirs) and not (mine <= theirs or theirs <= mine)


def _other_counterparty(name: str | None, other: str | None) -> bool:
    """Both names say with whom, and not the same: "PKS dengan Pemerintah Kota Tegal" and
    "PKS dengan Pemerintah Kota Batang" are two agreements however alike their words."""
    if not name or not other:
        return False
    ours, theirs = _JOINED.split(name, maxsplit=1), _JOINED.split(other, maxsplit=1)
    if len(ours) < 2 or len(theirs) < 2:
        return False
    mine, yours = _name_key(ours[1]), _name_key(theirs[1])
    return bool(mine) and bool(yours) and not (mine <= yours or yours <= mine)


def _other_parties(
    doc: Doc, context: ArticleContext, agreement: _Agreement, mention: AgreementMention
) -> bool:
    """The mention names a counterparty, and the agreement's own parties are others
    ("Kemenhan" and "Kementerian Pertahanan" are one party)."""
    own = {context.party_key(p) for p in _mention_parties(doc, mention)}
    if not own:
        return False
    theirs = {context.party_key(p) for other in agreement.mentions for p in _mention_parties(doc, other)}
    return bool(theirs) and not (own & theirs)


def gather(mentions: list[AgreementMention], doc: Doc, context: ArticleContext) -> list[_Agreement]:
    """Mentions into agreements (step 3 of the module docstring)."""
    agreements: list[_Agreement] = []
    last: _Agreement | None = None
    for m in mentions:
        if m.form == "listed":
            continue
        if m.several:
            if agreements:
                continue  # "kedua MoU tersebut": those already spoken of; which one it cannot say
            m.form = "group"
        target = _realised_through(m, last, doc) or _target_for(m, agreements, last, doc, context)
        if target is None:
            if m.form in ("bare", "anaphor") and not m.status:
                continue
            target = _Agreement([], m.kind, "bare" if m.form == "anaphor" else m.form)
            agreements.append(target)
        target.mentions.append(m)
        if target.kind == "agreement":
            target.kind = m.kind  # a specific noun tells what a generic one spoke of
        if m.form in ("named", "item") and target.form in ("bare", "anaphor"):
            target.form = m.form
        last = target
    return agreements


def _target_for(
    m: AgreementMention,
    agreements: list[_Agreement],
    last: _Agreement | None,
    doc: Doc,
    context: ArticleContext,
) -> _Agreement | None:
    """The agreement gathered so far that ``m`` speaks of, or None when it is a new one."""
    if m.form in ("named", "item"):
        return _named_target(m, agreements, last, doc, context)
    if m.form == "group":
        # "menyaksikan penandatanganan kontrak ..." then "Total ada 27 kontrak": one group.
        target = next(
            (
                a
                for a in reversed(agreements)
                if a.kind == m.kind
                and (a.form == "group" or (a.form == "bare" and m.sentence - a.mentions[-1].sentence <= 3))
            ),
            None,
        )
        if target is not None:
            target.form = "group"
        return target
    if m.distinct:
        return None
    if m.form == "anaphor":
        if last is not None and _compatible(last.kind, m.kind):
            return last
        target = next((a for a in reversed(agreements) if _compatible(a.kind, m.kind)), None)
        return target or _specified(m, agreements)
    # A bare noun: the latest of its kind, unless it names other parties
    # ("a contract Pertamina signed with Occidental" is another one). Not one item of a
    # list: a bare "PKS" after "PKS dengan A, B dan C" cannot say which of them it is.
    candidates = (a for a in reversed(agreements) if not _one_of_a_list(a, agreements))
    target = next((a for a in candidates if _compatible(a.kind, m.kind)), None)
    target = target or _specified(m, agreements)
    other = (
        target is None or _other_parties(doc, context, target, m) or _other_countries(doc, context, target, m)
    )
    return None if other else target


def _realised_through(m: AgreementMention, last: _Agreement | None, doc: Doc) -> _Agreement | None:
    """The cooperation just spoken of, when ``m`` is the instrument it takes shape in:
    "menjalin kerja sama ... melalui penandatanganan Agreement on Double Degree Program",
    "Kerja sama ini ditandai dengan penandatanganan nota kesepahaman (MoU)". Only an
    unnamed or descriptive generic agreement (no instrument of its own) is taken, and only
    from this sentence, or the one before when this one opens with the cooperation
    ("Kerja sama ini ...")."""
    if (
        last is None
        or m.form not in ("named", "bare")
        or not m.strong
        or last.kind != "agreement"
        or any(x.strong for x in last.mentions)
    ):
        return None
    sentence = doc.sentences[m.sentence]
    before = doc.text[sentence.start : m.start]
    link = _REALISED_THROUGH.search(before)
    if link is None:
        return None
    latest = last.mentions[-1].sentence
    if latest == m.sentence:
        return last if last.mentions[-1].end <= sentence.start + link.start() else None
    opens = _COOPERATION_OPENS.match(before[: link.start()])
    return last if latest == m.sentence - 1 and opens is not None else None


# What ties a cooperation to the instrument it takes shape in, right before the
# instrument. Indonesian only: English news does not report a "cooperation" as an
# agreement of its own (it is no agreement noun there).
_REALISED_THROUGH = re.compile(
    r"\b(?:melalui|lewat|ditandai\s+dengan|dituangkan\s+(?:dalam|melalui)|diwujudkan\s+(?:dalam|melalui|dengan)"
    r"|diresmikan\s+(?:dengan|melalui)|dikukuhkan\s+(?:dengan|melalui|dalam)|dalam\s+bentuk|berupa)"
    r"\s+(?:(?:penandatanganan|penandatangan|sebuah|suatu)\s+)*$",
    re.IGNORECASE,
)
# A sentence that opens with the cooperation just spoken of: "Kerja sama ini", "Kolaborasi tersebut".
_COOPERATION_OPENS = re.compile(
    r"\W*(?:kerja\s*sama|kemitraan|kolaborasi|sinergi)(?:\s+\w+){0,3}?\s+(?:ini|tersebut|itu)\b",
    re.IGNORECASE,
)


def _named_target(
    m: AgreementMention,
    agreements: list[_Agreement],
    last: _Agreement | None,
    doc: Doc,
    context: ArticleContext,
) -> _Agreement | None:
    """``_target_for`` a named mention or a list's item."""
    target = (
        _called(m, agreements, doc)
        or _glossed(m, last, doc)
        or next(
            (
                a
                for a in agreements
                if a.form in ("named", "item")
                and not _listed_beside(a, m)
                and not _names_other_countries(a, m, doc, context)
                and (_same_named(a, m) or _same_pact(a, m, doc, context) or _named_back(a, m, doc))
            ),
            None,
        )
    )
    if target is None and (target := _described_pact(m, agreements, doc, context)) is not None:
        m.form = "anaphor"  # "perjanjian perdagangan bebas" after the IEU-CEPA names nothing new
        return target
    if target is None and m.form == "named":
        # "Kesepakatan ini dituangkan dalam MoU antara X dan Y": the article's
        # unnamed agreement gets its name.
        target = next(
            (a for a in reversed(agreements) if a.form == "bare" and _compatible(m.kind, a.kind)),
            None,
        )
        if target is not None and _told_apart(target, m, doc):
            target = None
    if target is None and (target := _described_back(m, last, doc)) is not None:
        m.form = "anaphor"  # a description pointing back names nothing new
    return target


def _glossed(m: AgreementMention, last: _Agreement | None, doc: Doc) -> _Agreement | None:
    """The agreement just named, when ``m`` is its name in parentheses right after it:
    "perjanjian perdagangan bebas di Amerika Utara (North American Free Trade
    Agreement)", "perjanjian kemitraan ekonomi komprehensif dengan Kanada (Indonesia-
    Canada Comprehensive Economic Partnership Agreement/ICA-CEPA)"."""
    if last is None or m.form != "named" or len((m.name or "").split()) < 2:
        return None  # "the African Continental Free Trade Area (AfCFTA)": an acronym of what precedes
    previous = last.mentions[-1]
    if previous.sentence != m.sentence or previous.end > m.start:
        return None
    return last if _GLOSS_BETWEEN.fullmatch(doc.text, previous.end, m.start) else None


# Between a name and its gloss: the counterparty or place the name goes on with, then "(".
_GLOSS_BETWEEN = re.compile(r"\s*(?:(?:dengan|di|antara|with|in|between)\s+[^()\n]{0,60}?)?\(\s*")


def _other_countries(
    doc: Doc, context: ArticleContext, agreement: _Agreement, mention: AgreementMention
) -> bool:
    """Countries written right before a bare noun that the agreement's sentences never
    name: "the PRC-Solomon Islands security agreement" after AUKUS is another one."""
    before = [
        x
        for x in doc.mentions_in(mention.sentence, frozenset({"country"}))
        if x.end <= mention.head_start and _COUNTRY_MODIFIER.fullmatch(doc.text, x.end, mention.head_start)
    ]
    own = {context.code_of(x) for x in before} - {None, "IDN"}
    if not own:
        return False
    theirs = {
        context.code_of(x)
        for other in agreement.mentions
        for x in doc.mentions_in(other.sentence, frozenset({"country", "bloc"}))
    }
    return not own <= theirs


# What stands between a country and the agreement noun it qualifies: "-Solomon Islands
# security ", " bilateral ", "'s new": a few words, no clause.
_COUNTRY_MODIFIER = re.compile(r"(?:['’]s)?[\s-]*(?:[\w.-]+[\s-]+){0,4}")


# "yang akan disebut sebagai", "to be called the", "dubbed": what follows names what came before.
_CALLED = re.compile(
    r"\b(?:disebut(?:\s+sebagai)?|dinamai|dinamakan|dijuluki|bernama|bertajuk|called|dubbed|named|"
    r"known\s+as|titled|entitled)\s+(?:the\s+)?[\"“‘']?\Z",
    re.IGNORECASE,
)


def _called(m: AgreementMention, agreements: list[_Agreement], doc: Doc) -> _Agreement | None:
    """The agreement of the same sentence that ``m`` is the name of: "Perjanjian damai ...
    yang akan disebut sebagai Kesepakatan Kuala Lumpur", "the agreement, dubbed the ...".
    """
    if _CALLED.search(doc.text, max(0, m.start - 40), m.start) is None:
        return None
    target = next(
        (a for a in reversed(agreements) if a.mentions and a.mentions[-1].sentence == m.sentence),
        None,
    )
    m.called = target is not None
    return target


def _listed_beside(a: _Agreement, m: AgreementMention) -> bool:
    """``a`` holds an item of the list ``m`` is an item of: items of one list are others."""
    return m.form == "item" and any(x.form == "item" and x.list_key == m.list_key for x in a.mentions)


def _one_of_a_list(a: _Agreement, agreements: list[_Agreement]) -> bool:
    """``a`` is one of several agreements listed in one sentence or line by line."""
    rows = {x.list_key for x in a.mentions if x.form == "item"}
    return any(
        b is not a and any(x.form == "item" and x.list_key in rows for x in b.mentions) for b in agreements
    )


def _specified(m: AgreementMention, agreements: list[_Agreement]) -> _Agreement | None:
    """The article's latest unnamed agreement spoken of with a generic noun when ``m``, a
    specific one, follows it closely: "perjanjian yang kami tandatangani ..." then "nota
    kesepahaman (MoU) itu ..." is one MoU. The caller takes it unless the parties differ."""
    latest = agreements[-1] if agreements else None
    if (
        latest is None
        or latest.form != "bare"
        or latest.kind != "agreement"
        or m.sentence - latest.mentions[-1].sentence > 3
    ):
        return None
    return latest


def _compatible(existing: str, mention: str) -> bool:
    """A generic noun ("kesepakatan", "agreement") may point to any instrument; a specific
    one ("MoU", "kontrak") only to one of its kind."""
    return mention in (existing, "agreement")


# --- 4. records ----------------------------------------------------------------------


def extract_agreements(doc: Doc, context: ArticleContext, people: PeopleResult) -> list[AgreementRecord]:
    return titled_instrument(doc, context, _reported_agreements(doc, context, people))


def _reported_agreements(doc: Doc, context: ArticleContext, people: PeopleResult) -> list[AgreementRecord]:
    """The agreements the body reports (the module docstring's steps)."""
    mentions = find_mentions(doc)
    if not mentions:
        return []
    by_sentence: dict[int, list[AgreementMention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for m in mentions:
        read_status(doc, m, by_sentence[m.sentence])
    _share_stages(mentions)
    records: list[AgreementRecord] = []
    lex = agreement_lexicon(doc.lang)
    for agreement in gather(mentions, doc, context):
        best = agreement.best()
        if best is None:
            continue
        if (
            agreement.form == "group"
            and any(x.form == "item" and x.sentence == best.sentence for x in mentions)
            and len(agreement.mentions) == 1
        ):
            continue  # a group fully listed is its members
        records.append(_record(doc, context, agreement, best, lex, people=people))
    return records


def _share_stages(mentions: list[AgreementMention]) -> None:
    """Members of a listed group share its stage; a joint statement that is reported
    has been issued."""
    for i, m in enumerate(mentions):
        if m.form == "listed":
            status, cue_at = m.status, m.cue_at
            following = mentions[i + 1 : i + 2]
            if following and following[0].sentence != m.sentence:  # a list of lines
                before, at = _stage_before(mentions, i)
                if status is None:
                    status, cue_at = before, at
            for item in mentions[i + 1 :]:
                if item.form != "item":
                    break
                if item.status is None or status:
                    item.status, item.cue_at = status, cue_at
    for m in mentions:
        if m.status is None and m.kind == "statement" and m.strong and m.form in ("named", "bare"):
            m.status = "agreed"
            m.cue_at = m.head_start


def _stage_before(mentions: list[AgreementMention], i: int) -> tuple[str | None, int | None]:
    """The stage of the nearest agreement spoken of just before the instruments listed
    line by line after mention ``i``, in their opener or up to three sentences earlier
    ("Penandatanganan kerja sama disaksikan oleh ..."): theirs, when the opener says none
    ("Adapun dokumen yang ..., yaitu:"). An unnamed agreement there is the listed group
    itself, not one more agreement."""
    opener = mentions[i].sentence
    found: tuple[str | None, int | None] = (None, None)
    for m in reversed(mentions[:i]):
        if m.sentence < opener - 3:
            break
        if m.form in ("bare", "group"):
            m.form = "listed"  # the signing of "kerja sama" before the list is of its lines
        if m.status and found[0] is None:
            found = (m.status, m.cue_at)
    return found


def _record(
    doc: Doc,
    context: ArticleContext,
    agreement: _Agreement,
    best: AgreementMention,
    lex: AgreementLexicon,
    *,
    people: PeopleResult,
) -> AgreementRecord:
    name = agreement.name
    sentence_text = doc.sentences[best.sentence].text
    kind = _refine_kind(agreement.kind, name or "", sentence_text, lex)
    status = best.status or "proposed"
    date, target = _dates_for(doc, context, agreement, best)
    countries = _countries_for(doc, context, agreement, people)
    sectors = _sectors_for(doc, agreement, name, best)
    return AgreementRecord(
        name=name,
        kind=_as_kind(kind),
        status=_as_status(status),
        date=date.iso() if date else None,
        countries=countries,
        parties=_parties_for(doc, agreement, people),
        sectors=sectors,
        evidence=doc.evidence(best.sentence),
        target_date=target.iso() if target else None,
    )


def _makers_country(
    doc: Doc, context: ArticleContext, people: PeopleResult, agreement: _Agreement, only: str
) -> str | None:
    """In English news, "President Trump signed a critical minerals deal with Thailand":
    the one country is the counterparty after "with"; the person who made the deal,
    named before it in its sentence, is of the other side."""
    for m in agreement.mentions:
        if not m.name or _WITH.search(m.name) is None:
            continue
        for person in people.in_sentence(m.sentence):
            country = people.country_of(person)
            made = any(x.sentence == m.sentence and x.end <= m.start for x in person.mentions)
            if made and country and country != only and context.is_state(country):
                return country
    return None


_WITH = re.compile(r"\bwith\b")


def _parties_for(doc: Doc, agreement: _Agreement, people: PeopleResult) -> tuple[str, ...]:
    """Named parties as the article writes them: "antara X dan Y", "dengan X" after the
    noun or its verb, "ditandatangani oleh X dan Y", and bodies that are the subject of
    the signing ("BNPT bersama PT LRT Jakarta resmi menandatangani ...")."""
    for m in agreement.mentions:
        found = _mention_parties(doc, m)
        if found:
            return _by_name(doc, m.sentence, found, people)
    return ()


def _by_name(doc: Doc, sentence: int, parties: tuple[str, ...], people: PeopleResult) -> tuple[str, ...]:
    """A person who signs under an office is the party by name: "Gubernur Sumut Bobby
    Nasution" is "Bobby Nasution", "Presiden Federasi Rusia Vladimir Putin" "Vladimir
    Putin" (the office's first word alone is not all of it, so cutting it left "Sumut
    Bobby Nasution")."""
    written = sorted(
        {
            doc.text[m.start : m.end]
            for person in people.in_sentence(sentence)
            for m in person.mentions
            if m.sentence == sentence and m.role
        },
        key=len,
        reverse=True,
    )
    named: list[str] = []
    for party in parties:
        name = next((w for w in written if len(w) < len(party) and party.endswith(" " + w)), party)
        if name not in named:
            named.append(name)
    # "dengan Menteri Pekerjaan Umum (PU), Dody Hanggodo": the office before the name, after
    # a comma, is the same party.
    roles = {
        m.name: m.role.casefold()
        for person in people.in_sentence(sentence)
        for m in person.mentions
        if m.sentence == sentence and m.role
    }
    offices = {
        party
        for party, following in pairwise(named)
        if following in roles and roles[following].endswith(_PARENTHESIS.sub("", party).strip().casefold())
    }
    return tuple(party for party in named if party not in offices)


_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def _mention_parties(doc: Doc, m: AgreementMention) -> tuple[str, ...]:
    sentence = doc.sentences[m.sentence]
    s = sentence.text
    hs, he = m.head_start - sentence.start, m.end - sentence.start
    found: list[str] = []
    # A body the gazetteer knows is one party, "dan" or "and" inside it or not
    # ("Kementerian Energi dan Sumber Daya Mineral").
    whole = tuple(
        {
            doc.text[x.start : x.end]
            for x in doc.mentions_in(m.sentence, _BODY_KINDS)
            if _JOINER_INSIDE.search(doc.text, x.start, x.end)
        }
    )
    if m.name:
        joined = _JOINED.search(m.name)
        if joined:
            # Up to the topic: "MoU antara SMESCO dan SMEDA tentang Kemitraan Strategis".
            sides = _TOPIC.split(m.name[joined.end() :], maxsplit=1)[0]
            found.extend(_split_parties(sides, whole))
    # One item of "PKS dengan A, B dan C" has its own counterparty, not the whole list.
    markers = () if m.form == "item" and found else _PARTY_MARKERS.finditer(s, he, min(len(s), he + 120))
    for marker in markers:
        if len(_WORD.findall(s[he : marker.start()])) > 3:
            break  # too far from the noun to name its parties
        if marker.group().rstrip() in ("oleh", "by") and _witnessed_by(doc.lang, s, marker.start()):
            continue  # "brokered by Qatar", "disaksikan oleh": no signatory
        phrase = _capitalised_phrase(s, marker.end())
        if phrase:
            found.extend(_split_parties(phrase, whole))
            break
    subject = _SUBJECT.match(s[:hs])
    if subject:
        # The signing subject, then its counterparts; a word that starts sentences alone
        # is none ("Usai meneken MoU ...": "Pemerintah Indonesia" stays whole).
        subjects = [p for p in _split_parties(subject.group(1), whole) if p not in _SENTENCE_STARTERS]
        found = subjects + found
    else:
        found = _subject_bodies(doc, m.sentence, s, hs) + found
    unique: list[str] = []
    for written in found:
        party = _OFFICE_PREFIX.sub("", _LEADING_ARTICLE.sub("", _without_full_stop(written.strip(" ,"))))
        party = _without_owner(doc, party)
        if party and party not in unique and not _NOT_PARTY.match(party) and not is_degree(party):
            unique.append(party)
    return tuple(_without_locations(doc, m.sentence, s, unique)[:12])


def _subject_bodies(doc: Doc, index: int, s: str, hs: int) -> list[str]:
    """The bodies that sign, named before the verb by names the gazetteer knows, however
    long: "Kementerian Pendidikan Tinggi, Sains, dan Teknologi (Kemdiktisaintek) bersama
    Kementerian Pemuda dan Olahraga (Kemenpora) menandatangani nota kesepahaman". Only
    when nothing else stands before the verb but their short forms, "bersama", "dan",
    commas and a dateline's place."""
    verb = _SIGNS_BEFORE_THE_NOUN.search(s, 0, hs)
    if verb is None:
        return []
    start = doc.sentences[index].start
    kinds = _BODY_KINDS | _PLACE_OF_A_BODY
    bodies = [x for x in doc.mentions_in(index, kinds) if x.end - start <= verb.start()]
    if not any(x.kind in _BODY_KINDS for x in bodies):
        return []
    rest = s[: verb.start()]
    for x in reversed(bodies):
        rest = rest[: x.start - start] + rest[x.end - start :]
    if _SUBJECT_GLUE.sub("", rest).strip():
        return []
    names: dict[str, str] = {}
    for x in bodies:
        if x.kind in _BODY_KINDS and len(x.text) > len(names.get(x.key or x.text, "")):
            names[x.key or x.text] = x.text  # the full name, not its short form
    return list(names.values())


# A verb of signing with the instrument's noun right after it ("menandatangani nota").
_SIGNS_BEFORE_THE_NOUN = re.compile(
    r"\s(?:(?:resmi|telah|juga|secara resmi)\s+)*(?:menandatangani|meneken|signed)\s+(?:\w+\s+)?$"
)
# What may stand between the names of the bodies that sign.
_SUBJECT_GLUE = re.compile(
    r"\([^)]{0,40}\)|\b(?:bersama|dan|serta|and|together with|with)\b|[,–—-]", re.IGNORECASE
)


def _without_locations(doc: Doc, sentence: int, s: str, parties: list[str]) -> list[str]:
    """The parties less a country or a city written after a body's name and a comma, which
    says where the body is: "dengan RWTH Aachen University, Jerman", "Sumitomo Bakelite Co
    Ltd, Tokyo, Japan" (a list of them stays: "dengan Malaysia, Singapura")."""
    if len(parties) < 2:
        return parties
    countries = {doc.text[x.start : x.end] for x in doc.mentions_in(sentence, _PLACE_OF_A_BODY)}
    if not countries:
        return parties
    return [
        party
        for i, party in enumerate(parties)
        if not (
            i
            and party in countries
            and parties[i - 1] not in countries
            and (i + 1 == len(parties) or parties[i + 1] not in countries)  # not in a list of them
            and f"{parties[i - 1]}, {party}" in s
        )
    ]


_PLACE_OF_A_BODY = frozenset({"country", "city"})
_TOPIC = re.compile(r"\s(?:tentang|mengenai|perihal|on|concerning|regarding)\s")


def _without_owner(doc: Doc, party: str) -> str:
    """A party written with its owner is the party owned: "Indonesia's Pertamina" is
    Pertamina, "Texas Air Corp's Eastern Airlines" Eastern Airlines, but a state's body of
    a generic name keeps its state ("Vietnam's Ministry of Transport"); an owner alone,
    before a common noun ("approved by Contel Corp's board"), is the party without "'s".
    Only a country, a bloc or a company owns: "People's Bank of China" and "McDonald's"
    are names of their own."""
    possessive = _POSSESSIVE.search(party)
    if possessive is None:
        return party
    owner = party[: possessive.start()]
    last = owner.rsplit(None, 1)[-1] if owner.strip() else ""
    entry = load_gazetteer(doc.lang).lookup(owner)
    a_state = entry is not None and entry.kind in _OWNER_KINDS
    if not (a_state or last in people_lexicon(doc.lang).name_tails):
        return party
    owned = party[possessive.end() :].strip()
    if not owned[:1].isupper():
        return owner
    # "Vietnam's Ministry of Transport": a state's body of a generic name needs its state.
    return party if owned.split(None, 1)[0] in _GENERIC_BODY_HEADS else owned


_POSSESSIVE = re.compile(r"['’]s(?=\s|$)")
_OWNER_KINDS = frozenset({"country", "bloc"})
_GENERIC_BODY_HEADS = frozenset(
    {
        "Ministry", "Department", "National", "Agency", "Office", "Embassy", "Bureau", "Council",
        "Commission", "Institute", "Authority", "Central", "State", "Federal", "Government",
        "Parliament", "Senate", "Secretariat", "Customs", "Trade", "Foreign", "Defense", "Defence",
    }
)  # fmt: skip


def _without_full_stop(text: str) -> str:
    """``text`` without a full stop at its end, but "U.S." keeps the dot of its abbreviation."""
    last = text.rsplit(None, 1)[-1].lstrip("(") if text.strip() else ""
    if text.endswith(".") and not _ABBREVIATION.fullmatch(last):
        return text.rstrip(".")
    return text


_PARTY_MARKERS = re.compile(r"\b(?:antara|between|dengan|with|bersama|oleh|by)\s+")


def _witnessed_by(lang: str, s: str, at: int) -> bool:
    """The "oleh"/"by" at ``at`` brings in witnesses or brokers ("disaksikan langsung
    oleh", "brokered by"; data/*/agreement_asides.tsv), not the signatories."""
    return any(cue.end() > at for cue in agreement_lexicon(lang).asides.finditer(s, max(0, at - 40), at + 6))


_JOINED = re.compile(r"\s(?:dengan|with|antara|between)\s")
_SUBJECT = re.compile(
    # Possessive word runs ("*+"): a word is never cut into two capitalised tokens.
    r"^\W*((?:\(?[A-Z][\w.&'’()-]*+\s+){0,8}?(?:\(?[A-Z][\w.&'’()-]*+)"
    r"(?:\s+(?:dan|bersama|and)\s+(?:\(?[A-Z][\w.&'’()-]*+\s*){1,8})?)"
    r"\s+(?:resmi\s+|telah\s+|akan\s+|juga\s+|have\s+|has\s+|had\s+|also\s+)*"
    r"(?:menandatangani|meneken|signed|sign|teken)\b"
)
_OFFICE_PREFIX = re.compile(
    r"^(?:(?:Presiden|Wakil Presiden|Perdana Menteri|Menteri|Wakil Menteri|Gubernur|Bupati|Wali Kota"
    r"|Direktur Utama|Direktur|Ketua|Kepala|President|Prime Minister|Minister|Governor)\s+)+"
)
# A generic word alone ("pemerintah", "kedua negara") is no party; "Pemerintah Kota Bogor" is.
_NOT_PARTY = re.compile(
    r"^(?:(?:kedua|the two|both|sejumlah|beberapa|pihak|negara|pemerintah|presiden|president|menteri"
    r"|minister)\b(?!\s+(?-i:[A-Z]))"
    # The words alone ("between the Participants", "the Administration"), not "Government of Indonesia".
    r"|(?:part(?:y|ies)|participants?|presidents|leaders?|sides?|signator(?:y|ies)|administration|government)$)",
    re.IGNORECASE,
)


_PHRASE_TOKEN = re.compile(r"\([^()]{1,60}\)|(?:[A-Z]\.){2,}|[^\s,;:.()!?—]+|,")


def _capitalised_phrase(s: str, at: int) -> str:
    """Capitalised words from ``at`` (with "dan", "of", parentheses inside), up to the
    first lower-case word that is not a joiner or to punctuation that ends a clause; an
    article before the first is none of it ("between the United States and ...")."""
    article = _ARTICLE.match(s, at)
    at = article.end() if article else at
    end = at
    stop = ""
    for t in _PHRASE_TOKEN.finditer(s[at : at + 250]):
        word = t.group(0)
        if word == ",":
            nxt = s[at + t.end() : at + t.end() + 12].lstrip()
            if nxt[:1].isupper() or nxt.startswith(("dan ", "and ")):
                continue
            break
        gap = s[end : at + t.start()]
        if "(" in gap:
            break  # a long parenthesis: an agreement's name given again, no party ("Kanada (ICA-CEPA ...)")
        if _PHRASE_BREAK.search(gap):
            break  # "with the UK—something", "the United States: the People's Republic of China"
        if word[:1].isupper() or word[:1].isdigit() or word.startswith("(") or word in _PARTY_JOINERS:
            end = at + t.end()
            continue
        stop = word
        break
    phrase = _TRAILING_PARTY_JOINER.sub("", s[at:end]).rstrip(" ;,")  # "PT KAI dan menempatkan ...": "PT KAI"
    if article and phrase and _qualifies_a_noun(phrase, stop, len(phrase) == end - at):
        return ""  # "the Japanese government", "the New York video tape service company"
    return phrase if phrase[:1].isupper() else ""


def _qualifies_a_noun(phrase: str, stop: str, touching: bool) -> bool:
    """Capitalised words after "the" that qualify a common noun written next ("the Japanese
    government which", "the Soviet Union's central bank", "the Hamburg-based shipping line"):
    no party's name. ``touching``: ``stop``, the lower-case word that ended them, follows
    them directly (not after "of")."""
    if phrase.endswith(("-based", "'s", "’s")):
        return True
    return touching and stop[:1].islower() and stop not in _AFTER_A_PARTY and not stop.endswith(("ing", "ed"))


# Lower-case words that may follow a party's name (data/en/party_followers.tsv: "with the
# ACTS Satellite Network to produce").
_AFTER_A_PARTY = frozenset(row[0] for row in load_table("en", "party_followers"))


_ARTICLE = re.compile(r"(?:The|the)\s+")
_PHRASE_BREAK = re.compile(r"[;:!?—]")
_TRAILING_PARTY_JOINER = re.compile(r"(?:\s+(?:dan|dengan|and|with|of|the|for|serta|&))+\s*$")


_BODY_KINDS = frozenset({"organisation", "bloc"})
_JOINER_INSIDE = re.compile(r",|\s(?:dan|and|serta|with|dengan)\s")


def _split_parties(phrase: str, whole: tuple[str, ...] = ()) -> list[str]:
    """The parties of a phrase that lists them; a day or month after a comma is when, not
    who ("dengan Pelabuhan Rotterdam, Senin"); a name of ``whole`` is never split."""
    kept = sorted(whole, key=len, reverse=True)
    for i, name in enumerate(kept):
        phrase = phrase.replace(name, f"\x00{i}\x00")
    # "the Commerce Department and the Ministry of Commerce and Industry": where an article
    # opens each party, only the article tells where the next one starts.
    # (A part with no "of" still lists its own: "with Malaysia and Cambodia, and the United States".)
    pieces = _BEFORE_AN_ARTICLE.split(phrase)
    parts = [
        part
        for piece in pieces
        for part in (_BETWEEN_PARTIES.split(piece) if len(pieces) == 1 or " of " not in piece else [piece])
    ]
    for i, name in enumerate(kept):
        parts = [part.replace(f"\x00{i}\x00", name) for part in parts]
    named = [_LEADING_ARTICLE.sub("", p.strip()) for p in parts]
    return [p for p in named if p[:1].isupper() and p.casefold() not in _CALENDAR_WORDS]


_BETWEEN_PARTIES = re.compile(r",\s*(?:dan\s+|and\s+)?|\s+(?:dan|dengan|bersama|serta|and|with)\s+")
_BEFORE_AN_ARTICLE = re.compile(r"(?:,\s*(?:and\s+)?|\s+(?:and|with)\s+)(?=the\s)")


def _refine_kind(kind: str, name: str, sentence: str, lex: AgreementLexicon) -> str:
    if kind not in ("agreement", "mou") or _is_acronym_name(name):
        return kind  # a pact known by its acronym ("USMCA") is what its kind says
    for pattern, refined in lex.kind_words:
        if pattern.search(name) or (kind == "agreement" and pattern.search(sentence)):
            return refined
    return kind


_PLANNED = re.compile(
    r"(?:\b(?:akan|bakal|ditargetkan|menargetkan|target|dijadwalkan|direncanakan|rencananya|diharapkan|"
    r"paling lambat|"
    r"will|scheduled|planned|expected)\b[^.;]{0,40}"
    # "by" only right before the date ("by March", "by the end of 2025"): "signed by
    # both ministers on June 2" gives the day it was signed.
    r"|\bby\s+(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+(?:the\s+)?)?)$",
    re.IGNORECASE,
)


# A sentence that goes on about the signing just reported.
_SIGNING_TOLD = re.compile(
    r"\s*(?:Penandatangan(?:an)?|Prosesi penandatanganan|Seremoni penandatanganan|The signing)\b",
    re.IGNORECASE,
)

# "... melengkapi HCA yang sebelumnya ditandatangani pada November 2023": another event's date.
_EARLIER = re.compile(r"\b(?:sebelumnya|terdahulu|previously|earlier|formerly)\b", re.IGNORECASE)


def _said_on(doc: Doc, index: int, at: int) -> bool:
    """A date in the clause of who said or reported it ("ujar Tito dalam konferensi pers,
    Selasa (17/6)", "Dilansir Antara, Kamis (12/6/2025)"): the day of the report."""
    start = doc.sentences[index].start
    clause = doc.text[max(start, at - 80) : at].rstrip(" ,")
    cut = max(clause.rfind(","), clause.rfind('"'), clause.rfind("”"), clause.rfind("“"))
    return agreement_lexicon(doc.lang).attribution.search(clause, cut + 1) is not None


def _planned(text: str, at: int) -> bool:
    """A date that a planning word governs ("ditargetkan rampung tahun ini", "by March":
    the date's own preposition): a target."""
    return text[at : at + 3].casefold() == "by " or _PLANNED.search(text, max(0, at - 60), at) is not None


def _dates_for(
    doc: Doc, context: ArticleContext, agreement: _Agreement, best: AgreementMention
) -> tuple[DateValue | None, DateValue | None]:
    """The date the status was reached and, when the sentence names a later or planned
    one, the target ("ditargetkan rampung tahun depan"): a future date is never a stage
    reached."""
    cue_sentence = doc.sentence_of(best.cue_at) if best.cue_at is not None else None
    lined = best.form == "item" and cue_sentence is not None and cue_sentence != best.sentence
    if cue_sentence is not None and lined and not doc.dates_in(best.sentence):
        # A line of a list, whose stage its opener or the sentence before it stated: the
        # date is that sentence's ("Penandatanganan ... Selasa (9/12/2025). ... yaitu:").
        at = best.cue_at if best.cue_at is not None else best.head_start
        best = replace(best, sentence=cue_sentence, start=at, end=at, head_start=at, head_end=at)
    planned = [d.value for d in doc.dates_in(best.sentence) if _planned(doc.text, d.start)]
    date = _date_for(doc, context, agreement, best)
    if date is None and lined and best.status in ("agreed", "signed"):
        # Instruments set out line by line are what the reported event produced.
        date = context.event_date
    published = doc.published_value()
    if planned:
        return date, planned[0]
    if date is not None and published is not None and _after(date, published):
        fallback = context.event_date or published
        return (fallback if best.status == "proposed" else None), date
    return date, None


def _after(value: DateValue, reference: DateValue) -> bool:
    """``value`` lies wholly after ``reference`` at ``value``'s own precision."""
    ref = (reference.year, reference.month or 0, reference.day or 0)
    if value.month is None:
        return value.year > ref[0]
    if value.day is None:
        return (value.year, value.month) > ref[:2]
    return (value.year, value.month, value.day) > ref


def _date_for(
    doc: Doc, context: ArticleContext, agreement: _Agreement, best: AgreementMention
) -> DateValue | None:
    """The date in the sentence that reports the status (nearest to its cue); else one
    the article gives further on for the same event (``_date_told_later``); else the
    day someone spoke of it in that sentence; else the date of the article's event (or,
    failing that, of its publication) when the stage is one stated as of the report, or
    the sentence points to that event ("pertemuan tersebut", "hari ini"), or the article
    opens with the agreement (``_opens_with``); else none: never a guess."""
    anchor = best.cue_at if best.cue_at is not None else best.head_start
    dates = [
        d
        for d in doc.dates_in(best.sentence)
        if not (_planned(doc.text, d.start) or _of_another_document(doc, best, d.start))
    ]
    # Not the day it was said, nor the day an occasion it happened at closed.
    index = best.sentence
    done = [d for d in dates if not (_said_on(doc, index, d.start) or _occasion_day(doc, best, d.start))]
    if done:
        return min(done, key=lambda d: abs(d.start - anchor)).value
    later = _date_told_later(doc, agreement, best)
    if later is None:
        later = _occasion_month(doc, context, agreement, best)
    if later is not None:
        return later
    if dates:  # only the day it was said: the best the article gives
        return min(dates, key=lambda d: abs(d.start - anchor)).value
    return _date_of_the_news(doc, context, agreement, best)


def _of_another_document(doc: Doc, best: AgreementMention, at: int) -> bool:
    """A date of a document named just before it ("Executive Order 14257 of April 2,
    2025") that is not this agreement's own name ("Nota Kesepahaman Nomor 6 tanggal ..."),
    or that is its own name's but the stage is not its signing (``_signing_day_only``)."""
    if not dates_a_document(doc.text, at):
        return False
    return best.status != "signed" or not (best.start <= at <= best.end + 40)


def _signing_day_only(doc: Doc, best: AgreementMention, at: int) -> bool:
    """The date a document bears, for a stage other than signing: it is the day the
    document was signed, not the day it came to be carried out or ended."""
    return best.status != "signed" and dates_a_document(doc.text, at)


def _date_of_the_news(
    doc: Doc, context: ArticleContext, agreement: _Agreement, best: AgreementMention
) -> DateValue | None:
    """For a stage the sentence does not date: the day of the article's event (or of its
    publication) when the stage is the article's news; else none."""
    sentence = doc.sentences[best.sentence].text
    if best.status == "proposed":
        # A plan is dated by the event where it was stated, when the article opens
        # with it, the sentence tells the stating ("membahas rencana", "announced") or
        # places it at that event, or the article is its issuer's own statement; a plan
        # a report tells in passing was stated on a day the article does not give.
        if agreement_lexicon(doc.lang).own_statement.search(doc.article.title or "") is not None:
            return context.event_date or doc.published_value()  # the issuer's own word, that day
        told_there = (
            _opens_with(agreement, best)
            or _PLAN_STATED.search(sentence) is not None
            or _EVENT_REFERENCE.search(sentence) is not None
        )
        return context.event_date if told_there else None
    stated = best.status in ("negotiating", "agreed")
    if not stated and _TALLY.search(sentence):
        return None  # signings counted up to now happened on many days
    if stated or _opens_with(agreement, best) or _EVENT_REFERENCE.search(sentence):
        # A stage that someone states (talks going on, a deal reached) holds as of the
        # report; a signing needs its event named.
        return context.event_date or doc.published_value()
    return None


# A sentence that tells a plan being put forward or talked over: it was stated then.
_PLAN_STATED = re.compile(
    r"\b(?:(?:mem|di)bahas|(?:meny|dis)ampaikan|(?:meng|di)umumkan|(?:meng|di)usulkan|(?:menaw|ditaw)arkan"
    r"|discuss(?:ed|es)?|announc(?:ed|es)|offer(?:ed|s)"
    r"|express(?:ed|es) (?:the|their|its|his|her) (?:intention|interest|hope))\b",
    re.IGNORECASE,
)


# A count of signings made so far ("mencatatkan ada sebanyak 50 investor menandatangani",
# "ada 12 perusahaan yang sudah meneken", "has signed 40 agreements to date").
_TALLY = re.compile(
    r"\b(?:mencatat(?:kan)?|tercatat|sejauh ini|(?:hingga|sampai) (?:kini|saat ini|sekarang)"
    r"|ada (?:sebanyak )?\d[\d.]* \w+ yang (?:sudah|telah)|so far|to date|thus far)\b",
    re.IGNORECASE,
)

# "pameran ... yang telah resmi ditutup, Sabtu (14/6)": the day an occasion opened or
# closed, said of the occasion. (At "pembukaan", "the closing ceremony" things happen on
# the day named: those are occasions of one day.)
_OPENED_OR_CLOSED = re.compile(r"\b(?:dibuka|ditutup|opened|closed)\b[^.;]{0,40}$", re.IGNORECASE)


def _occasion_day(doc: Doc, best: AgreementMention, at: int) -> bool:
    """A date that says when an occasion of several days opened or closed, in a sentence
    that places the stage at that occasion: not the day of the stage."""
    if _OPENED_OR_CLOSED.search(doc.text, max(doc.sentences[best.sentence].start, at - 60), at) is None:
        return False
    return agreement_lexicon(doc.lang).occasion.search(doc.sentences[best.sentence].text) is not None


def _opens_with(agreement: _Agreement, best: AgreementMention) -> bool:
    """The article's news is this agreement's stage: the article opens with the agreement
    and reports the stage in its lead or by a pointer back to it ("MoU tersebut")."""
    opens = min(m.sentence for m in agreement.mentions) < 2
    return opens and (best.sentence < LEAD_SENTENCES or best.form == "anaphor")


def _occasion_month(
    doc: Doc, context: ArticleContext, agreement: _Agreement, best: AgreementMention
) -> DateValue | None:
    """The month of an occasion of several days (an expo, a fair, a festival) at which
    the stage was reached ("di pameran ini", "pada sesi Business Deals gelaran ISEF
    2025"), when the sentence gives no day: which of its days, the article does not say.
    The occasion is named in the sentence of the mention, of its status cue (a list goes
    on from the sentence of the verb) or of an earlier mention."""
    if best.status == "proposed":
        return None
    sentences = {best.sentence}
    earlier = (m for m in agreement.mentions if m.sentence < best.sentence)
    sentences.update(m.sentence for m in earlier if m.status in (None, best.status))
    cue = doc.sentence_of(best.cue_at) if best.cue_at is not None else None
    if cue is not None:
        sentences.add(cue)
    occasion = agreement_lexicon(doc.lang).occasion
    if not any(occasion.search(doc.sentences[i].text) for i in sentences):
        return None
    reference = context.event_date or doc.published_value()
    return reference.month_only() if reference else None


def _date_told_later(doc: Doc, agreement: _Agreement, best: AgreementMention) -> DateValue | None:
    """A date the article gives after the sentence of the stage, for the same event: the
    one that follows a later mention of the agreement with no other stage ("MoU
    dilakukan pada hari pertama pameran, Rabu (11/6)"), or, for a signing, the one of the
    next sentence when it goes on about the signing ("Penandatanganan disaksikan
    Presiden, Senin (16/6)"). Never a plan's, a speaker's or an earlier event's date."""
    if best.status == "proposed":
        return None

    def usable(index: int, start: int, end: int) -> list[DateMention]:
        return [
            d
            for d in doc.dates_in(index)
            if start <= d.start <= end
            and not _EARLIER.search(doc.text, start, d.start)
            and not _planned(doc.text, d.start)
            and not _said_on(doc, index, d.start)
            and not _signing_day_only(doc, best, d.start)
        ]

    lex = agreement_lexicon(doc.lang)
    for m in agreement.mentions:
        if m.sentence <= best.sentence or m.status not in (None, best.status):
            continue
        later = [
            d
            for d in usable(m.sentence, m.end, m.end + 120)
            if not lex.heads.search(doc.text, m.end, d.start)
        ]
        if later:
            return later[0].value
    following = best.sentence + 1
    if best.status == "signed" and following < len(doc.sentences):
        sentence = doc.sentences[following]
        if _SIGNING_TOLD.match(sentence.text):
            told = usable(following, sentence.start, sentence.end)
            if told:
                return told[0].value
    return None


_EVENT_REFERENCE = re.compile(
    r"\b(?:(?:pertemuan|kunjungan|acara|agenda|kegiatan|kesempatan|forum|pameran|rapat|sidang|lawatan|momen|seremoni|upacara)"
    r"\s+(?:tersebut|itu|ini)|hari ini|pada kesempatan (?:yang sama|itu|tersebut)|di situ|di sana|pada momen"
    r"|today|on this occasion"
    r"|during the (?:visit|meeting|event)|at the (?:event|ceremony|meeting))\b",
    re.IGNORECASE,
)


def _countries_for(
    doc: Doc, context: ArticleContext, agreement: _Agreement, people: PeopleResult
) -> tuple[str, ...]:
    """Countries of the parties: those named in the agreement's name or as parties in its
    sentences (bodies, offices, countries not standing as places); the article's own
    countries when the sentences name none or say "kedua negara". A name that names both
    sides ("Indonesia-EU CEPA", "kesepakatan antara Indonesia dan Uni Eropa") says whose
    it is, whatever else its sentences name ("Indonesia-EU CEPA dan Indonesia-EAEU FTA")."""
    named = _named_sides(doc, context, agreement)
    if len(named) >= 2:
        return tuple(sorted(named))
    seen = _sentence_countries(doc, context, agreement)
    codes = seen.parties
    if len(codes) < 2:
        codes |= seen.witnesses  # the witnesses are the sides ("disaksikan Presiden Prabowo dan PM Wong")
    if not codes and not seen.both and seen.places == {"IDN"} and doc.lang == "id":
        codes.add("IDN")  # only Indonesian places: a domestic agreement
    if seen.both or not codes:
        codes.update(context.countries)
    if not codes and doc.lang == "id":
        codes.add("IDN")  # Indonesian news naming no country reports Indonesian parties
    elif len(codes) == 1 and "IDN" not in codes and "IDN" in context.countries:
        codes.add("IDN")  # "MoU dengan Rusia" in Indonesian news: Indonesia is the other side
    codes |= seen.party_cities
    if codes == {"IDN"} and seen.abroad:
        # Indonesian parties alone, and it happens abroad: the host is the other side
        # ("kunjungan Presiden ke Singapura menghasilkan kesepakatan", "universitas di
        # Inggris", "perusahaan asal Guangzhou").
        codes |= seen.abroad
    if codes == {"IDN"} and doc.lang == "id":
        codes |= _country_of_foreign_institution(doc, context, agreement)
    if len(codes) == 1 and doc.lang == "en":
        maker = _makers_country(doc, context, people, agreement, next(iter(codes)))
        codes |= {maker} if maker else set()
    return tuple(sorted(codes))


def _country_of_foreign_institution(doc: Doc, context: ArticleContext, agreement: _Agreement) -> set[str]:
    """In Indonesian news, a party written as a foreign institution the gazetteer does
    not know ("Universitas Padjadjaran dan University of Dundee") is of the one foreign
    country the article is about, when it is about one."""
    foreign = {c for c in context.countries if c != "IDN" and context.is_state(c)}
    if len(foreign) != 1:
        return set()
    for m in agreement.mentions:
        for party in _mention_parties(doc, m):
            foreign_styled = _FOREIGN_INSTITUTION.search(party) and not _INDONESIAN_BODY.search(party)
            if foreign_styled and not context.gazetteer.find(party):
                return foreign
    return set()


# Institutions named in English (or another foreign tongue) ...
_FOREIGN_INSTITUTION = re.compile(
    r"\b(?:University|Universit(?:y|ät|é|à)|Institute|College|Hospital|Academy|Foundation|Corporation|Company"
    r"|Council|Association|Ltd|Limited|Inc|GmbH|Co\.)(?![\w-])"
)
# ... unless an Indonesian word says the body is Indonesian ("PT Krakatau Steel Company").
_INDONESIAN_BODY = re.compile(
    r"\b(?:PT|Tbk|Persero|Universitas|Institut|Politeknik|Sekolah|Kementerian|Badan|Pemerintah|Indonesia)\b"
)


@dataclass
class _SentenceCountries:
    """What the sentences of an agreement's mentions say of countries."""

    parties: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    abroad: set[str] = field(default_factory=set)  # foreign countries where it happens: "ke Singapura"
    witnesses: set[str] = field(default_factory=set)  # "disaksikan oleh Presiden AS"
    party_cities: set[str] = field(default_factory=set)  # "Tianjin Medical University", "Washington signed"
    both: bool = False  # "kedua negara"


def _sentence_countries(doc: Doc, context: ArticleContext, agreement: _Agreement) -> _SentenceCountries:
    seen = _SentenceCountries()
    for m in agreement.mentions:
        sentence = doc.sentences[m.sentence]
        seen.both = seen.both or _BOTH.search(sentence.text) is not None
        found = doc.mentions_in(m.sentence, _PARTY_KINDS | _PLACE_KINDS)
        listed = {mention.end for mention in found if mention.kind in ("country", "bloc")}
        asides = _aside_spans(doc, m)
        parties = _party_spans(doc, m) if any(x.kind == "city" for x in found) else []
        for mention in found:
            code = context.code_of(mention)
            if code is None:
                continue
            role = next((role for a, b, role in asides if a <= mention.start < b), None)
            if role is not None:
                if role == "witness":
                    seen.witnesses.add(code)
                continue  # a broker is never a party
            in_name = m.start <= mention.start and mention.end <= m.end
            if mention.kind == "city" and _NAMED_AFTER_A_CITY.match(doc.text, mention.end):
                continue  # "the Paris Club" of creditors, "the Lima Group": of no country
            if mention.kind == "city" and any(a <= mention.start and mention.end <= b for a, b in parties):
                # A city in a party's name ("Tianjin Medical University") or standing for
                # its government ("Washington signed an accord with Taipei"): that party's
                # country. In the agreement's own name it is no side ("Kesepakatan Kuala Lumpur").
                seen.party_cities.add(code)
                continue
            if mention.kind == "city" or (
                mention.kind in ("country", "bloc")
                and not in_name
                and _is_place(doc.text, mention.start, listed)
            ):
                seen.places.add(code)
                if mention.kind != "bloc" and not in_name and code != "IDN":
                    seen.abroad.add(code)
                continue
            seen.parties.add(code)
    return seen


# A group named after the city where it first met, of no country of its own.
_NAMED_AFTER_A_CITY = re.compile(r"\s+(?:Club|Group|Process|Consensus|Forum|Dialogue|Initiative)\b")


def _party_spans(doc: Doc, m: AgreementMention) -> list[tuple[int, int]]:
    """Where the mention's sentence writes the parties ``_mention_parties`` reads."""
    sentence = doc.sentences[m.sentence]
    spans = []
    for party in _mention_parties(doc, m):
        at = sentence.text.find(party)
        if at != -1:
            spans.append((sentence.start + at, sentence.start + at + len(party)))
    return spans


def _aside_spans(doc: Doc, m: AgreementMention) -> list[tuple[int, int, str]]:
    """Where the mention's sentence names those who witness or broker it (data/*/
    agreement_asides.tsv), as offsets of the cleaned text with their role: after
    "disaksikan oleh" to the end of the clause; before "menengahi" from where the
    clause starts, when the agreement comes after the verb."""
    sentence = doc.sentences[m.sentence]
    s = sentence.text
    spans: list[tuple[int, int, str]] = []
    for cue in agreement_lexicon(doc.lang).asides.finditer(s):
        side, role = (cue.lastgroup or "_").split("_")
        if side == "after":
            end = _ASIDE_END.search(s, cue.end())
            spans.append((cue.end(), end.start() if end else len(s), role))
        elif m.head_start - sentence.start >= cue.end():
            start = max(s.rfind(";", 0, cue.start()), s.rfind(":", 0, cue.start())) + 1
            spans.append((start, cue.start(), role))
    return [(sentence.start + a, sentence.start + b, role) for a, b, role in spans]


# A clause of witnesses ends at punctuation or at a lower-case word that joins no names
# ("disaksikan oleh Presiden Prabowo dan PM Wong di Istana ...").
_ASIDE_END = re.compile(r"[,;:.!?]|\s(?!(?:dan|and|serta|of|the|&)\s)(?=[a-z])")


def _named_sides(doc: Doc, context: ArticleContext, agreement: _Agreement) -> set[str]:
    """Countries and blocs that a name joins as its sides, Indonesia included: "antara
    Indonesia dan Uni Eropa", "between X and Y", "Indonesia-EU" (not "agreement with
    British and German interests": that names one side)."""
    codes: set[str] = set()
    for m in agreement.mentions:
        if m.form not in ("named", "item"):
            continue
        inside = [
            (x, code)
            for x in doc.mentions_in(m.sentence, _STATES)
            if m.start <= x.start and x.end <= m.end and (code := context.code_of(x))
        ]
        if len(inside) < 2:
            continue
        between = _BETWEEN.search(doc.text, m.start, inside[0][0].start) is not None
        paired = any(_PAIRED.fullmatch(doc.text, a.end, b.start) for (a, _), (b, _) in pairwise(inside))
        if between or paired:
            codes.update(code for _, code in inside)
    return codes


_BETWEEN = re.compile(r"\b(?:antara|between)\b", re.IGNORECASE)
_PAIRED = re.compile(r"\s*[-\u2013\u2014/]\s*")  # "Indonesia-Uni Eropa", "Thailand - Kamboja"
_STATES = frozenset({"country", "bloc"})
_BOTH = re.compile(
    r"\b(?:kedua negara|kedua (?:belah )?pihak|kedua pemerintah|both (?:countries|sides|parties)"
    r"|the two (?:countries|sides)|bilateral)\b",
    re.IGNORECASE,
)
_PLACE_BEFORE = re.compile(r"(?:\b(?:di|ke|dari|asal|in|at|to|from|of)|[A-Z][\w.]+,)\s*$")


def _is_place(text: str, start: int, countries_end: set[int]) -> bool:
    """A country standing as where something happens ("di Jakarta, Indonesia", "in Qatar"),
    not one item of a list of countries ("Canada, Denmark, France"): a comma after a
    country (``countries_end``: where country mentions end) is the list's."""
    window = max(0, start - 30)
    found = _PLACE_BEFORE.search(text[window:start])
    if found is None:
        return False
    comma = text.rfind(",", window, start)
    return not (found.group().rstrip().endswith(",") and comma in countries_end)


_PARTY_KINDS = frozenset({"country", "bloc", "organisation", "title"})
_PLACE_KINDS = frozenset({"city"})


def _sectors_for(
    doc: Doc, agreement: _Agreement, name: str | None, best: AgreementMention
) -> tuple[str, ...]:
    """Sectors of the agreement's name; for an unnamed one, of the sentence that reports
    it (other sentences that mention it speak of much else); when that names none, of the
    headline, which says what the article is about ("... Perkuat Kerja Sama Perikanan")."""
    if name:
        found = find_sectors(name, doc.lang)
        if found:
            return found
    found = find_sectors(doc.sentences[best.sentence].text, doc.lang)
    if found:
        return found
    return find_sectors(doc.article.title or "", doc.lang)


def _as_kind(kind: str) -> AgreementKind:
    return kind  # type: ignore[return-value]  # the data tables only hold valid kinds


def _as_status(status: str) -> AgreementStatus:
    return status  # type: ignore[return-value]


def statuses() -> Iterable[str]:
    return AGREEMENT_STATUSES
