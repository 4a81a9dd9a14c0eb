"""Is this report an agreement we already know? Features, pair scores and clustering.

A *report* is one agreement item of one article's extraction record. Reports about the
same instrument, from many articles, are gathered into one agreement by:

1. ``report_features``: what the record carries, normalised (name tokens with kind words,
   country words and filler removed and Indonesian words translated; acronyms such as
   CEPA, with the party letters glued before them dropped; countries, sectors, parties,
   kind, dates).
2. ``compare``: a symmetric pair decision: a score in [0, 1] with its reasons, or a
   *conflict* (same article, different names, disjoint countries or parties, a
   successor...) that forbids the two ever sharing an agreement.
3. ``cluster``: greedy agglomeration over the pairs scoring at least ``MERGE_THRESHOLD``,
   strongest first, never joining two groups with a conflict between any of their
   members. Ties break on the report keys, so the result depends on the set of reports,
   never on the order they arrived in.

Pure: no database. ``match_report`` explains one decision (which known agreement a new
report joins, with the score and the reasons).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources

from sepakat.models import AGREEMENT_STATUSES, AgreementRecord

STATUS_ORDER = AGREEMENT_STATUSES
MERGE_THRESHOLD = 0.72
# Reports further apart than this (in days) need a name to merge.
UNNAMED_WINDOW_DAYS = 400

KIND_FAMILY = {
    "mou": "mou", "loi": "mou", "agreement": "agreement", "treaty": "agreement",
    "contract": "contract", "arrangement": "arrangement", "statement": "statement", "other": "other",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class MatchWords:
    phrases: tuple[tuple[re.Pattern[str], str], ...]
    generic: frozenset[str]
    kind_acronyms: frozenset[str]
    translations: Mapping[str, str]
    successor: frozenset[str]


@cache
def match_words() -> MatchWords:
    """The word lists of data/common/agreement_matching.json, loaded once."""
    raw = json.loads(
        (resources.files("sepakat.data") / "common" / "agreement_matching.json").read_text("utf-8")
    )
    phrases = tuple(
        (re.compile(rf"\b{re.escape(k)}\b"), f" {v} ")
        for k, v in sorted(raw["phrases"].items(), key=lambda kv: -len(kv[0]))
        if not k.startswith("_")
    )
    translations = {k: v for k, v in raw["translations"].items() if not k.startswith("_")}
    return MatchWords(
        phrases=phrases,
        generic=frozenset(raw["generic"]["words"]),
        kind_acronyms=frozenset(raw["kind_acronyms"]["words"]),
        translations=translations,
        successor=frozenset(raw["successor_words"]["words"]),
    )


@cache
def _country_words() -> frozenset[str]:
    """Every token of every country's Indonesian and English name, and the bloc names.
    Loaded on first need: babel's territory names cost a few MiB that the extractor,
    which asks only for pacts' acronyms (``pact_acronyms``), does not pay."""
    from babel import Locale

    words: set[str] = {"eu", "usa", "korea", "asean", "eropa", "europe", "european", "eurasia", "eaeu",
                       "indonesian", "russian", "chinese", "american", "british", "australian", "japanese",
                       "ri", "as", "us", "uk", "rrt", "uea", "uae", "prc"}  # fmt: skip
    for language in ("id", "en"):
        for name in Locale(language).territories.values():
            words.update(_tokens(fold(name)))
    return frozenset(words)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Casefolded, accents removed, punctuation to spaces (hyphens kept inside words)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^\w\s-]+|_", " ", text)


def _tokens(text: str) -> list[str]:
    return [t for t in re.split(r"[\s-]+", text) if t]


@dataclass(frozen=True, slots=True)
class ReportFeatures:
    """What identifies one report of an agreement, normalised for comparison."""

    key: str  # stable report key: article id + a hash of the item
    article: str  # article id: reports of one article are never the same agreement
    tokens: frozenset[str]  # distinctive name words (translated, no kind/country/filler words)
    acronyms: frozenset[str]  # upper-case identifiers (CEPA, JETP, AUKUS)
    years: frozenset[str]  # years written in the name
    successor: bool  # the name says new / revised / amended
    named: bool
    kind: str
    status: str
    countries: frozenset[str]
    sectors: frozenset[str]
    parties: frozenset[str]
    sort_date: str  # the report's date, else its article's publication


def _normalise_name(name: str, raw_acronyms: set[str], words: MatchWords) -> str:
    """The folded name with pact acronyms freed of party letters and phrases made tokens."""
    # "IA - CEPA" is "IA-CEPA"; "IEUCEPA" is the parties' letters glued to "CEPA".
    text = re.sub(r"\s+-\s+", "-", f" {fold(name)} ")
    pacts = sorted(words.kind_acronyms, key=lambda k: (-len(k), k))
    for acronym in sorted(raw_acronyms):
        pact = next((k for k in pacts if acronym.endswith(k) and len(acronym) > len(k) + 1), None)
        if pact is not None:
            text = re.sub(rf"\b{acronym}\b", pact, text)
    for pact in pacts:
        # "IEU CEPA": party letters written apart from the pact's acronym.
        text = re.sub(
            rf"\b([a-z]{{1,4}})[\s-]+{pact}\b",
            lambda m, k=pact: k if m.group(1) in raw_acronyms else m.group(0),  # type: ignore[misc]
            text,
        )
    for pattern, replacement in words.phrases:
        text = pattern.sub(replacement, text)
    return text


def _read_name(name: str, words: MatchWords) -> tuple[set[str], str]:
    """The acronyms written in a name (case-folded) and the name normalised."""
    raw_acronyms = {a.casefold() for a in re.findall(r"\b[A-Z][A-Z0-9]{1,9}\b", name)}
    return raw_acronyms, _normalise_name(name, raw_acronyms, words)


def name_features(name: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str], bool]:
    """(distinctive tokens, acronyms, years, successor) of an agreement's name."""
    if not name:
        return frozenset(), frozenset(), frozenset(), False
    words = match_words()
    raw_acronyms, text = _read_name(name, words)
    country_words = _country_words()
    tokens: set[str] = set()
    acronyms: set[str] = set()
    years: set[str] = set()
    successor = False
    for part in re.split(r"\s+", text):
        pieces = [p for p in part.split("-") if p]
        # "ieu-cepa", "ia-cepa": letters glued before a pact's acronym name its parties.
        if len(pieces) > 1 and pieces[-1] in words.kind_acronyms:
            pieces = pieces[-1:]
        for piece in pieces:
            if re.fullmatch(r"(19|20)\d\d", piece):
                years.add(piece)
            elif piece in words.successor:
                successor = True
            elif piece in words.kind_acronyms or (
                piece in raw_acronyms and piece not in words.generic and piece not in country_words
            ):
                acronyms.add(piece)
            elif len(piece) > 1 and not piece.isdigit():
                word = words.translations.get(piece, piece)
                if word not in words.generic and word not in country_words:
                    tokens.add(word)
    return frozenset(tokens), frozenset(acronyms), frozenset(years), successor


def pact_acronyms(name: str | None) -> frozenset[str]:
    """The trade pacts' acronyms a name speaks of, its kind phrases translated ("perjanjian
    perdagangan bebas" and "I-EAEU FTA" are both {"fta"})."""
    if not name:
        return frozenset()
    words = match_words()
    _, text = _read_name(name, words)
    return frozenset(
        piece for part in text.split() for piece in part.split("-") if piece in words.kind_acronyms
    )


def party_key(party: str) -> str:
    """A party's comparison form: folded, without legal-form words and brackets."""
    text = re.sub(r"\(.*?\)", " ", party)
    tokens = [t for t in _tokens(fold(text)) if t not in {"pt", "tbk", "persero", "ltd", "inc", "corp", "co"}]
    return " ".join(tokens)


def report_features(
    record: AgreementRecord, *, key: str, article: str, published: str | None
) -> ReportFeatures:
    tokens, acronyms, years, successor = name_features(record.name)
    return ReportFeatures(
        key=key,
        article=article,
        tokens=tokens,
        acronyms=acronyms,
        years=years,
        successor=successor,
        named=bool(tokens or acronyms),
        kind=record.kind,
        status=record.status,
        countries=frozenset(record.countries),
        sectors=frozenset(record.sectors),
        parties=frozenset(p for p in (party_key(p) for p in record.parties) if p),
        sort_date=record.date or (published or "")[:10] or "0000",
    )


def blocking_keys(report: ReportFeatures) -> list[str]:
    """Keys under which a report is filed; only reports sharing a key are compared."""
    keys = [f"a:{a}" for a in sorted(report.acronyms)] + [f"t:{t}" for t in sorted(report.tokens)]
    # Without a name, a report merges only with the same countries, kind and a sector, and,
    # when domestic, a party in common: its keys say exactly that, so blocks stay small.
    countries = ",".join(sorted(report.countries))
    family = KIND_FAMILY.get(report.kind, "other")
    if len(report.countries) >= 2:
        keys += [f"c:{countries}|{family}|{s}" for s in sorted(report.sectors)]
    else:
        keys += [
            f"c:{countries}|{family}|{s}|{p}" for s in sorted(report.sectors) for p in sorted(report.parties)
        ]
    return keys


@dataclass(frozen=True, slots=True)
class PairDecision:
    score: float
    conflict: str | None
    reasons: tuple[str, ...]

    @property
    def merge(self) -> bool:
        return self.conflict is None and self.score >= MERGE_THRESHOLD


def _days(a: str, b: str) -> int | None:
    try:
        da = date.fromisoformat(_pad(a))
        db = date.fromisoformat(_pad(b))
    except ValueError:
        return None
    return abs((da - db).days)


def _pad(value: str) -> str:
    # A month-only or year-only date compares as its first day.
    return {4: value + "-01-01", 7: value + "-01"}.get(len(value), value[:10])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def name_similarity(a: ReportFeatures, b: ReportFeatures) -> float:
    """How alike two names are: 1 for a shared acronym of their own, else the share of the
    larger name's words that the other name has (spelling variants count, 85% alike).

    Stricter than rapidfuzz's token-set ratio, which scores any name contained in another
    as 100 ("MoU on higher education" in every MoU about education).
    """
    from rapidfuzz import fuzz  # only the registry's matching needs it, not the extractor

    if a.acronyms & b.acronyms - match_words().kind_acronyms:
        return 1.0
    if not (a.tokens or b.tokens):
        return 1.0 if a.acronyms & b.acronyms else 0.0
    small, large = sorted((a.tokens, b.tokens), key=len)
    matched = sum(
        1 for word in small if word in large or any(fuzz.ratio(word, other) >= 85 for other in large)
    )
    return matched / len(large)


def conflict(a: ReportFeatures, b: ReportFeatures) -> str | None:  # noqa: PLR0911 - one check and return per veto
    """Why ``a`` and ``b`` cannot be one agreement, or None."""
    if a.article == b.article:
        return "same article: the extractor already keeps one item per agreement"
    if (
        a.countries
        and b.countries
        and not (a.countries <= b.countries or b.countries <= a.countries)
        and len(a.countries & b.countries) < 2
    ):
        # One report may miss a party's country, or add one named nearby; but two
        # different partners of one country are two agreements.
        return "different countries"
    if (
        a.countries
        and b.countries
        and a.countries != b.countries
        and min(len(a.countries), len(b.countries)) == 1
        and not a.acronyms & b.acronyms
    ):
        # A topic name alone ("MoU on vocational education") does not make a domestic
        # agreement the same as an international one; a shared acronym (IEU-CEPA) does.
        return "a domestic and an international agreement"
    if a.parties and b.parties and not a.parties & b.parties and not _same_instrument(a, b):
        # Reports name parties loosely (a signatory, a ministry, a country): a party
        # mismatch parts two reports only when their names do not already agree.
        return "no party in common"
    if a.years and b.years and not a.years & b.years:
        return "different years in the names"
    if a.named and b.named and a.successor != b.successor:
        return "one is a new or revised instrument"
    ended = [r for r in (a, b) if r.status == "ended"]
    if len(ended) == 1:
        other = b if ended[0] is a else a
        if other.status in ("proposed", "negotiating") and other.sort_date > ended[0].sort_date:
            return "negotiated after the other ended: a successor"
    if a.named and b.named:
        own_a, own_b = a.acronyms - match_words().kind_acronyms, b.acronyms - match_words().kind_acronyms
        if own_a and own_b and not own_a & own_b:
            return "different acronyms"
        if name_similarity(a, b) < 0.35:
            return "different names"
    if KIND_FAMILY.get(a.kind) != KIND_FAMILY.get(b.kind) and not (
        a.named and b.named and name_similarity(a, b) >= 0.8
    ):
        return f"different kinds ({a.kind}, {b.kind})"
    return None


def _same_instrument(a: ReportFeatures, b: ReportFeatures) -> bool:
    """Names that agree on their own: a shared acronym (IEU-CEPA) or near-identical words."""
    own = match_words().kind_acronyms
    if (a.acronyms & b.acronyms) - own:
        return True
    return a.named and b.named and name_similarity(a, b) >= 0.8


def _identified(a: ReportFeatures, b: ReportFeatures) -> bool:
    own = match_words().kind_acronyms
    return bool(a.parties & b.parties or (a.acronyms & b.acronyms) - own or len(a.tokens & b.tokens) >= 3)


def compare(a: ReportFeatures, b: ReportFeatures) -> PairDecision:
    """The pair decision: a conflict, or a score with the reasons that made it."""
    why_not = conflict(a, b)
    if why_not is not None:
        return PairDecision(0.0, why_not, ())
    reasons: list[str] = []
    countries = _jaccard(a.countries, b.countries) if a.countries and b.countries else 0.5
    sectors = _jaccard(a.sectors, b.sectors) if a.sectors and b.sectors else 0.5
    days = _days(a.sort_date, b.sort_date)
    if a.named and b.named:
        name = name_similarity(a, b)
        if len(a.countries | b.countries) < 2 and not _identified(a, b):
            # Between two bodies of one country a topic name ("MoU on higher education")
            # names many agreements: a party, an acronym or a long name must agree too.
            return PairDecision(0.0, None, ("domestic: needs a party, an acronym or a long name in common",))
        reasons.append(f"names {name:.2f}")
        score = 0.6 * name + 0.25 * countries + 0.1 * sectors + 0.05
    else:
        # Without a name on both sides everything else must agree, and close in time.
        if countries < 1.0 or not (a.sectors & b.sectors) or a.kind != b.kind:
            return PairDecision(0.0, None, ("unnamed: needs the same countries, kind and a sector",))
        if len(a.countries) < 2 and not a.parties & b.parties:
            return PairDecision(0.0, None, ("unnamed domestic: needs a party in common",))
        if days is None or days > UNNAMED_WINDOW_DAYS:
            return PairDecision(0.0, None, ("unnamed: too far apart in time",))
        reasons.append("unnamed: same countries, kind and sector")
        score = 0.55 + 0.25 * sectors + 0.2 * (1 - days / UNNAMED_WINDOW_DAYS)
    reasons.append(f"countries {countries:.2f}")
    reasons.append(f"sectors {sectors:.2f}")
    if a.parties & b.parties:
        score += 0.05
        reasons.append("a party in common")
    return PairDecision(round(min(score, 1.0), 4), None, tuple(reasons))


def written_twice(a: ReportFeatures, b: ReportFeatures) -> bool:
    """Whether two items of one article are one agreement the extractor listed twice.

    Both must be named alike (a shared acronym, or names at least 0.8 alike), of one kind
    family, with countries that do not disagree; unnamed items (a group "sejumlah MoU")
    never are.
    """
    if not (a.named and b.named) or KIND_FAMILY.get(a.kind) != KIND_FAMILY.get(b.kind):
        return False
    if conflict(a, replace(b, article=b.article + "#")) is not None:  # every veto but "same article"
        return False
    return bool(a.acronyms & b.acronyms) or name_similarity(a, b) >= 0.8


def collapse_duplicates(items: Sequence[ReportFeatures]) -> list[int]:
    """Indices of the items of one article to keep: of items written twice, the one with the
    most advanced status (the record's status is the most advanced the article reports)."""
    rank: dict[str, int] = {status: i for i, status in enumerate(STATUS_ORDER)}
    keep: list[int] = []
    for i, item in enumerate(items):
        twin = next((k for k, j in enumerate(keep) if written_twice(items[j], item)), None)
        if twin is None:
            keep.append(i)
        elif rank.get(item.status, -1) > rank.get(items[keep[twin]].status, -1):
            keep[twin] = i
    return sorted(keep)


Links = Mapping[tuple[str, str], int]


def pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def candidate_pairs(reports: Sequence[ReportFeatures]) -> list[tuple[ReportFeatures, ReportFeatures]]:
    """Pairs of reports sharing a blocking key, each once, in key order."""
    by_key: dict[str, list[ReportFeatures]] = {}
    for report in sorted(reports, key=lambda r: r.key):
        for key in blocking_keys(report):
            by_key.setdefault(key, []).append(report)
    seen: set[tuple[str, str]] = set()
    pairs: list[tuple[ReportFeatures, ReportFeatures]] = []
    for block in by_key.values():
        for i, a in enumerate(block):
            for b in block[i + 1 :]:
                if (a.key, b.key) not in seen:
                    seen.add((a.key, b.key))
                    pairs.append((a, b))
    return pairs


def cluster(reports: Sequence[ReportFeatures], links: Links | None = None) -> list[list[str]]:
    """Group ``reports`` into agreements; deterministic for a given set, whatever its order.

    Only reports sharing a blocking key are scored; two groups join along their strongest
    pair unless any two of their members conflict. ``links`` are the analysts' word on
    pairs of report keys: +1 joins them whatever the scores say, -1 keeps them apart.
    Returns groups of report keys, each sorted, sorted by their first key.
    """
    links = links or {}
    by_key = {r.key: r for r in reports}
    parent = {k: k for k in sorted(by_key)}
    members = {k: [k] for k in parent}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def union(x: str, y: str) -> None:
        rx, ry = sorted((find(x), find(y)))
        if rx != ry:
            parent[ry] = rx
            members[rx] += members.pop(ry)

    conflicts: dict[tuple[str, str], bool] = {}

    def apart(m: str, n: str) -> bool:
        p = pair(m, n)
        if p not in conflicts:
            conflicts[p] = links.get(p, 0) < 0 or conflict(by_key[m], by_key[n]) is not None
        return conflicts[p]

    for (x, y), sign in sorted(links.items()):
        if sign > 0 and x in parent and y in parent:
            union(x, y)
    edges: list[tuple[float, str, str]] = []
    for a, b in candidate_pairs(list(by_key.values())):
        if links.get(pair(a.key, b.key), 0) < 0:
            continue
        decision = compare(a, b)
        if decision.merge:
            edges.append((-decision.score, *pair(a.key, b.key)))
    for _, x, y in sorted(edges):
        rx, ry = find(x), find(y)
        if rx == ry or any(apart(m, n) for m in members[rx] for n in members[ry]):
            continue
        union(rx, ry)
    return sorted((sorted(group) for group in members.values()), key=lambda g: g[0])


@dataclass(frozen=True, slots=True)
class CandidateAgreement:
    """A known agreement, as the reports it already gathers."""

    id: str
    reports: tuple[ReportFeatures, ...]


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Which candidate a new report joins (None: a new agreement), how sure, and why."""

    agreement_id: str | None
    score: float
    reasons: tuple[str, ...]


def match_report(new: ReportFeatures, candidates: Iterable[CandidateAgreement]) -> MatchDecision:
    """The best candidate for ``new``: its strongest pair, and no conflict with any report."""
    best = MatchDecision(None, 0.0, ("no candidate scored above the threshold",))
    for candidate in sorted(candidates, key=lambda c: c.id):
        decisions = [compare(new, report) for report in candidate.reports]
        blocked = next((d.conflict for d in decisions if d.conflict), None)
        if blocked or not decisions:
            continue
        strongest = max(decisions, key=lambda d: d.score)
        if strongest.merge and strongest.score > best.score:
            best = MatchDecision(candidate.id, strongest.score, strongest.reasons)
    return best
