"""Scoring extraction records against gold records, as shared/eval/score.py does.

The rules are the shared scorer's (a test checks both give the same figures):

- a predicted agreement pairs with a gold one when its evidence is a non-empty span of at
  most 600 characters of the article's text (white space folded, case folded), and one of
  the gold item's ``match`` words starts a word of its name (of its evidence when it has
  no name); among candidates the closest pair first (same countries, same status), then
  augmenting paths so that as many gold items as possible pair;
- meetings pair on shared participants or equal countries, then kind and date;
- people pair when one name's words are a subset of the other's (honorifics aside).

It reports precision, recall and F1 of agreements, meetings and people; on paired
agreements the share with the right status, date and kind and the F1 of countries and
sectors; the share of paired meetings with the right date and of paired people with the
right country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_EVIDENCE = 600
HONORIFICS = frozenset(
    {
        "dr",
        "prof",
        "h",
        "hj",
        "ir",
        "drs",
        "dra",
        "kh",
        "mr",
        "mrs",
        "ms",
        "sir",
        "st",
        "se",
        "mm",
        "mba",
        "phd",
    }
)

Record = Mapping[str, Any]


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _name_tokens(name: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", fold(name)) if w not in HONORIFICS}


def same_person(gold: str | None, pred: str | None) -> bool:
    g, p = _name_tokens(gold), _name_tokens(pred)
    return bool(g and p) and (g <= p or p <= g)


def max_pairs(
    golds: list[Record], preds: list[Record], affinity: Callable[[Record, Record], float]
) -> list[tuple[int, int]]:
    """One-to-one pairs: the closest first (affinity > 0 may pair), then augmenting paths."""
    weights = {(i, j): affinity(g, p) for i, g in enumerate(golds) for j, p in enumerate(preds)}
    edges = {
        i: [j for j in sorted(range(len(preds)), key=lambda j: -weights[i, j]) if weights[i, j] > 0]
        for i in range(len(golds))
    }
    owner: dict[int, int] = {}
    paired: set[int] = set()
    for (i, j), w in sorted(weights.items(), key=lambda item: -item[1]):
        if w > 0 and i not in paired and j not in owner:
            owner[j] = i
            paired.add(i)

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(golds)):
        if i not in paired and augment(i, set()):
            paired.add(i)
    return sorted((i, j) for j, i in owner.items())


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self) -> dict[str, float | int]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {
            "precision": round(p, 4),
            "recall": round(r, 4),
            "f1": round(f, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Share:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def value(self) -> float | None:
        return round(self.right / self.total, 4) if self.total else None


def _set_tally(tally: Tally, gold: Iterable[str] | None, pred: Iterable[str] | None) -> None:
    g, p = set(gold or []), set(pred or [])
    tally.add(len(g & p), len(p - g), len(g - p))


def evidence_ok(pred: Record, text: str | None) -> bool:
    evidence = fold(pred.get("evidence"))
    return bool(evidence) and len(evidence) <= MAX_EVIDENCE and (text is None or evidence in text)


def _mentions(word: str, hay: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(fold(word)), hay) is not None


def _agreement_affinity(text: str | None) -> Callable[[Record, Record], float]:
    def affinity(gold: Record, pred: Record) -> float:
        if not evidence_ok(pred, text):
            return 0
        hay = fold(pred.get("name")) or fold(pred.get("evidence"))
        if not any(_mentions(word, hay) for word in gold.get("match") or []):
            return 0
        same_countries = set(gold.get("countries") or []) == set(pred.get("countries") or [])
        return 1 + same_countries + (gold.get("status") == pred.get("status"))

    return affinity


def _meeting_affinity(text: str | None) -> Callable[[Record, Record], float]:
    def affinity(gold: Record, pred: Record) -> float:
        if not evidence_ok(pred, text):
            return 0
        people = sum(
            same_person(g, p) for g in gold.get("participants") or [] for p in pred.get("participants") or []
        )
        countries = bool(gold.get("countries")) and set(gold["countries"]) == set(pred.get("countries") or [])
        if not (people or countries):
            return 0
        return (
            people
            + countries
            + (gold.get("kind") == pred.get("kind"))
            + (gold.get("date") == pred.get("date"))
        )

    return affinity


@dataclass
class Scores:
    articles: int = 0
    agreements: Tally = field(default_factory=Tally)
    meetings: Tally = field(default_factory=Tally)
    people: Tally = field(default_factory=Tally)
    status: Share = field(default_factory=Share)
    date: Share = field(default_factory=Share)
    kind: Share = field(default_factory=Share)
    countries: Tally = field(default_factory=Tally)
    sectors: Tally = field(default_factory=Tally)
    meeting_date: Share = field(default_factory=Share)
    person_country: Share = field(default_factory=Share)
    missed: dict[str, list[str]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        """The figures as score.py's --json prints them (without per_article)."""
        return {
            "articles": self.articles,
            "agreements": self.agreements.prf(),
            "agreement_fields": {
                "status": self.status.value(),
                "date": self.date.value(),
                "kind": self.kind.value(),
                "countries_f1": self.countries.prf()["f1"],
                "sectors_f1": self.sectors.prf()["f1"],
            },
            "meetings": {**self.meetings.prf(), "date": self.meeting_date.value()},
            "people": {**self.people.prf(), "country": self.person_country.value()},
        }


def score(
    gold: Mapping[str, Record], pred: Mapping[str, Record], texts: Mapping[str, str] | None = None
) -> Scores:
    """Score ``pred`` against ``gold`` (both keyed by article id); ``texts`` (article id ->
    text) checks that evidence is verbatim. An article missing from ``pred`` predicts nothing."""
    scores = Scores(articles=len(gold))
    for article_id, g in gold.items():
        p = pred.get(article_id, {})
        text = fold(texts[article_id]) if texts is not None and article_id in texts else None

        ga, pa = list(g.get("agreements") or []), list(p.get("agreements") or [])
        pairs = max_pairs(ga, pa, _agreement_affinity(text))
        scores.agreements.add(len(pairs), len(pa) - len(pairs), len(ga) - len(pairs))
        for i, j in pairs:
            scores.status.add(ga[i].get("status") == pa[j].get("status"))
            scores.date.add(ga[i].get("date") == pa[j].get("date"))
            scores.kind.add(ga[i].get("kind") == pa[j].get("kind"))
            _set_tally(scores.countries, ga[i].get("countries"), pa[j].get("countries"))
            _set_tally(scores.sectors, ga[i].get("sectors"), pa[j].get("sectors"))
        paired = {i for i, _ in pairs}
        missed = [
            str(a.get("name") or (a.get("match") or ["?"])[0]) for k, a in enumerate(ga) if k not in paired
        ]
        if missed:
            scores.missed[article_id] = missed

        gm, pm = list(g.get("meetings") or []), list(p.get("meetings") or [])
        mpairs = max_pairs(gm, pm, _meeting_affinity(text))
        scores.meetings.add(len(mpairs), len(pm) - len(mpairs), len(gm) - len(mpairs))
        for i, j in mpairs:
            scores.meeting_date.add(gm[i].get("date") == pm[j].get("date"))

        gp, pp = list(g.get("people") or []), list(p.get("people") or [])
        ppairs = max_pairs(gp, pp, lambda a, b: float(same_person(a.get("name"), b.get("name"))))
        scores.people.add(len(ppairs), len(pp) - len(ppairs), len(gp) - len(ppairs))
        for i, j in ppairs:
            if gp[i].get("country"):
                scores.person_country.add(gp[i].get("country") == pp[j].get("country"))
    return scores


def format_scores(scores: Scores) -> str:
    s = scores.summary()
    a, f, m, pe = s["agreements"], s["agreement_fields"], s["meetings"], s["people"]

    def share(v: float | None) -> str:
        return "None" if v is None else f"{v:.3f}"

    lines = [
        f"articles            {s['articles']}",
        f"agreements          P {a['precision']:.3f}  R {a['recall']:.3f}  F1 {a['f1']:.3f}  "
        f"(tp {a['tp']} fp {a['fp']} fn {a['fn']})",
        "  on paired         " + "  ".join(f"{k} {share(v)}" for k, v in f.items()),
        f"meetings            P {m['precision']:.3f}  R {m['recall']:.3f}  F1 {m['f1']:.3f}  "
        f"date {m['date']}",
        f"people              P {pe['precision']:.3f}  R {pe['recall']:.3f}  F1 {pe['f1']:.3f}  "
        f"country {pe['country']}",
    ]
    return "\n".join(lines)


def load_records(path: str) -> dict[str, dict[str, Any]]:
    """Records of a JSON Lines file keyed by id (gold or predictions)."""
    import orjson

    from sepakat.errors import InputRefused

    records: dict[str, dict[str, Any]] = {}
    with open(path, "rb") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError as e:
                raise InputRefused(f"{path}:{number}", f"not JSON: {e}") from None
            records[str(record.get("id"))] = record
    return records


def evaluate(
    gold_path: str, articles: list[str], workers: int = 1
) -> tuple[Scores, dict[str, dict[str, Any]]]:
    """Extract the articles that have gold records and score them; also returns the
    predicted records (by id), for inspection."""
    from sepakat.models import RawDocument, Refusal
    from sepakat.pipeline import extract_stream
    from sepakat.serialize import record_dict
    from sepakat.sources import iter_documents

    gold = load_records(gold_path)
    texts: dict[str, str] = {}

    def wanted() -> Iterable[RawDocument | Refusal]:
        for item in iter_documents(articles):
            if isinstance(item, RawDocument) and item.id in gold:
                texts[item.id] = item.text or ""
                yield item

    predictions: dict[str, dict[str, Any]] = {}
    for outcome in extract_stream(wanted(), workers):
        if not isinstance(outcome, Refusal):
            predictions[outcome.record.id] = record_dict(outcome.record)
    return score(gold, predictions, texts), predictions
