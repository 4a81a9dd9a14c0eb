"""Resolution without a database: name features, pair decisions, clustering, people."""

from __future__ import annotations

import itertools
import random

import pytest

from sepakat.models import AgreementKind, AgreementRecord, AgreementStatus, Evidence
from sepakat.resolve.agreements import (
    CandidateAgreement,
    ReportFeatures,
    cluster,
    collapse_duplicates,
    compare,
    conflict,
    match_report,
    name_features,
    pair,
    report_features,
)
from sepakat.resolve.entities import (
    KnownPerson,
    choose_person,
    mention_entity,
    organisation_aliases,
    organisation_family,
    organisation_key,
    person_key,
    shorter_forms,
)


def rec(
    name: str | None,
    *,
    kind: AgreementKind = "agreement",
    status: AgreementStatus = "negotiating",
    date: str | None = "2025-06-10",
    countries: tuple[str, ...] = ("EU", "IDN"),
    sectors: tuple[str, ...] = ("trade",),
    parties: tuple[str, ...] = (),
) -> AgreementRecord:
    return AgreementRecord(
        name=name,
        kind=kind,
        status=status,
        date=date,
        countries=countries,
        parties=parties,
        sectors=sectors,
        evidence=Evidence("x", 0, 1),
    )


def feat(key: str, record: AgreementRecord, article: str | None = None) -> ReportFeatures:
    return report_features(record, key=key, article=article or f"art-{key}", published="2025-06-10T10:00:00")


@pytest.mark.parametrize(
    ("name", "tokens", "acronyms"),
    [
        ("IEU-CEPA", set(), {"cepa"}),
        ("I-EU CEPA", set(), {"cepa"}),
        ("IEU CEPA", set(), {"cepa"}),
        (
            "IEUCEPA (perjanjian kerja sama ekonomi komprehensif antara Indonesia dan Uni Eropa)",
            set(),
            {"cepa"},
        ),
        ("Indonesia-Australia Comprehensive Economic Partnership Agreement (IA - CEPA)", set(), {"cepa"}),
        ("IJEPA", set(), {"epa"}),
        ("Indonesia-EU Comprehensive Economic Partnership Agreement", set(), {"cepa"}),
        ("perjanjian kemitraan ekonomi komprehensif Indonesia-Uni Eropa", set(), {"cepa"}),
        ("MoU on Cooperation in the Field of Shipbuilding", {"shipbuilding"}, set()),
        ("nota kesepahaman kerja sama galangan kapal", {"shipbuilding"}, set()),
        ("Just Energy Transition Partnership (JETP)", {"just", "energy", "transition"}, {"jetp"}),
        ("perjanjian kerja sama di bidang pariwisata", {"tourism"}, set()),
        ("FTA Indonesia-Eurasia", set(), {"fta"}),
        ("perjanjian perdagangan bebas Indonesia-Uni Ekonomi Eurasia", set(), {"fta"}),
    ],
)
def test_name_features_drop_kind_country_and_filler_words(
    name: str, tokens: set[str], acronyms: set[str]
) -> None:
    got_tokens, got_acronyms, _, _ = name_features(name)
    assert got_acronyms == acronyms
    assert tokens <= got_tokens


@pytest.mark.parametrize(
    ("name", "years", "successor"),
    [
        ("Perjanjian Kerja Sama Pariwisata 2011", {"2011"}, False),
        ("perjanjian kerja sama pariwisata yang baru", set(), True),
        ("Revised MoU on Fisheries", set(), True),
        ("MoU on Fisheries", set(), False),
    ],
)
def test_name_features_keep_years_and_successor_marks(name: str, years: set[str], successor: bool) -> None:
    _, _, got_years, got_successor = name_features(name)
    assert (set(got_years), got_successor) == (years, successor)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (rec("IEU-CEPA"), rec("Indonesia-European Union CEPA")),
        (rec("IEU-CEPA"), rec("I-EU CEPA", status="agreed", date="2025-07-13")),
        (rec("IEU-CEPA"), rec("perjanjian dagang RI-Eropa")),
        (rec("IEU-CEPA", countries=("EU", "IDN")), rec("IEU-CEPA", countries=("IDN",))),
        (
            rec(
                "MoU on Cooperation in the Field of Shipbuilding",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("shipbuilding",),
            ),
            rec(
                "nota kesepahaman kerja sama galangan kapal",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("shipbuilding",),
            ),
        ),
        (
            rec(None, kind="mou", countries=("IDN", "SGP"), sectors=("energy",), date="2025-06-16"),
            rec(None, kind="mou", countries=("IDN", "SGP"), sectors=("energy",), date="2025-06-20"),
        ),
    ],
)
def test_reports_of_one_agreement_merge(a: AgreementRecord, b: AgreementRecord) -> None:
    decision = compare(feat("a", a), feat("b", b))
    assert decision.merge, decision


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            rec(
                "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile"
                " Asbestos",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("mining", "research"),
            ),
            rec(
                "MoU on Cooperation in the Field of Shipbuilding",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("shipbuilding",),
            ),
            "different names",
        ),
        (rec("IEU-CEPA"), rec("IA-CEPA", countries=("AUS", "IDN")), "different countries"),
        (rec("FTA Indonesia-Eurasia", countries=("EAEU", "IDN")), rec("IEU-CEPA"), "different countries"),
        (
            rec(
                "perjanjian kerja sama pariwisata 2011",
                status="ended",
                date="2016",
                countries=("FRA", "IDN"),
                sectors=("culture",),
            ),
            rec(
                "perjanjian kerja sama pariwisata 2016",
                date="2016-10-27",
                countries=("FRA", "IDN"),
                sectors=("culture",),
            ),
            "different years",
        ),
        (
            rec(
                "perjanjian kerja sama pariwisata",
                status="ended",
                date="2015",
                countries=("FRA", "IDN"),
                sectors=("culture",),
            ),
            rec(
                "perjanjian kerja sama pariwisata",
                date="2016-10-27",
                countries=("FRA", "IDN"),
                sectors=("culture",),
            ),
            "successor",
        ),
        (
            rec("perjanjian kerja sama pariwisata", countries=("FRA", "IDN"), sectors=("culture",)),
            rec("perjanjian kerja sama pariwisata yang baru", countries=("FRA", "IDN"), sectors=("culture",)),
            "new or revised",
        ),
        (
            rec(
                None,
                kind="mou",
                countries=("IDN",),
                parties=("KPK", "Kementerian PKP"),
                sectors=("security",),
            ),
            rec(
                None,
                kind="mou",
                countries=("IDN",),
                parties=("BNPT", "PT LRT Jakarta"),
                sectors=("security",),
            ),
            "no party in common",
        ),
    ],
)
def test_distinct_agreements_conflict(a: AgreementRecord, b: AgreementRecord, reason: str) -> None:
    why = conflict(feat("a", a), feat("b", b))
    assert why is not None and reason in why


def test_items_of_one_article_never_merge() -> None:
    a = feat("a", rec("IEU-CEPA"), article="art-1")
    b = feat("b", rec("IEU-CEPA"), article="art-1")
    assert conflict(a, b) is not None


def test_unnamed_reports_far_apart_do_not_merge() -> None:
    a = feat("a", rec(None, kind="mou", countries=("IDN", "SGP"), sectors=("energy",), date="2020-01-01"))
    b = feat("b", rec(None, kind="mou", countries=("IDN", "SGP"), sectors=("energy",), date="2025-06-20"))
    assert not compare(a, b).merge


def _reports() -> list[ReportFeatures]:
    seed_article = "art-seed"
    return [
        feat("cepa-1", rec("IEU-CEPA", date="2025-06-07")),
        feat("cepa-2", rec("I-EU CEPA", date="2025-06-18")),
        feat("cepa-3", rec("perjanjian dagang RI-Eropa", date="2025-06-20")),
        feat("cepa-4", rec("IEU-CEPA", status="agreed", date="2025-07-13")),
        feat("ia-1", rec("IA-CEPA", countries=("AUS", "IDN"), status="implementing")),
        feat(
            "ship",
            rec(
                "MoU on Cooperation in the Field of Shipbuilding",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("shipbuilding",),
            ),
            article=seed_article,
        ),
        feat(
            "asb",
            rec(
                "MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile "
                "Asbestos",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("mining", "research"),
            ),
            article=seed_article,
        ),
        feat(
            "ship-id",
            rec(
                "nota kesepahaman galangan kapal",
                kind="mou",
                countries=("IDN", "RUS"),
                sectors=("shipbuilding",),
            ),
        ),
        feat("rus-group", rec(None, kind="mou", countries=("IDN", "RUS"), sectors=()), article=seed_article),
    ]


EXPECTED = {
    frozenset({"cepa-1", "cepa-2", "cepa-3", "cepa-4"}),
    frozenset({"ia-1"}),
    frozenset({"ship", "ship-id"}),
    frozenset({"asb"}),
    frozenset({"rus-group"}),
}


def test_cluster_groups_reports_into_agreements() -> None:
    assert {frozenset(g) for g in cluster(_reports())} == EXPECTED


@pytest.mark.parametrize("seed", range(12))
def test_cluster_does_not_depend_on_order(seed: int) -> None:
    reports = _reports()
    random.Random(seed).shuffle(reports)
    assert {frozenset(g) for g in cluster(reports)} == EXPECTED


def test_links_override_scores() -> None:
    reports = _reports()
    # A curated merge links every report of one agreement with every report of the other.
    together = {pair("ia-1", f"cepa-{i}"): 1 for i in range(1, 5)}
    groups = {frozenset(g) for g in cluster(reports, together)}
    assert frozenset({"cepa-1", "cepa-2", "cepa-3", "cepa-4", "ia-1"}) in groups
    apart = {("cepa-1", "cepa-4"): -1}
    groups = {frozenset(g) for g in cluster(reports, apart)}
    assert not any({"cepa-1", "cepa-4"} <= g for g in groups)


def test_match_report_names_the_agreement_and_why() -> None:
    candidates = [
        CandidateAgreement("agr-cepa", tuple(r for r in _reports() if r.key.startswith("cepa"))),
        CandidateAgreement("agr-ship", tuple(r for r in _reports() if r.key == "ship")),
    ]
    new = feat("new", rec("Indonesia-EU CEPA", status="signed", date="2025-09-23"))
    decision = match_report(new, candidates)
    assert decision.agreement_id == "agr-cepa"
    assert decision.score >= 0.72 and decision.reasons
    other = feat("other", rec("Indonesia-Japan EPA", countries=("IDN", "JPN")))
    assert match_report(other, candidates).agreement_id is None


@pytest.mark.parametrize(
    ("kind", "text", "key", "expected"),
    [
        ("country", "Rusia", "RUS", "country:RUS"),
        ("bloc", "Uni Eropa", "EU", "country:EU"),
        ("organisation", "Kemenperin", "kemenperin", "org:kemenperin"),
        ("organisation", "Ministry of Industry", "org:kemenperin", "org:kemenperin"),
        ("organisation", "Kementerian Perindustrian", "kemenperin", "org:kemenperin"),
        ("company", "PT PAL Indonesia", None, "org:pt-pal-indonesia"),
        ("date", "13 Juli 2025", "2025-07-13", None),
    ],
)
def test_mentions_resolve_to_canonical_entities(
    kind: str, text: str, key: str | None, expected: str | None
) -> None:
    ref = mention_entity(kind, text, key)
    assert (ref.id if ref else None) == expected


KNOWN = [
    KnownPerson("person:agus-gumiwang-kartasasmita", "Agus Gumiwang Kartasasmita", "IDN"),
    KnownPerson("person:anton-alikhanov", "Anton Alikhanov", "RUS"),
    KnownPerson("person:agus-harimurti", "Agus Harimurti Yudhoyono", "IDN"),
]


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Agus Gumiwang", "IDN", "person:agus-gumiwang-kartasasmita"),
        ("Agus Gumiwang Kartasasmita", None, "person:agus-gumiwang-kartasasmita"),
        ("Dr. Agus Gumiwang Kartasasmita", "IDN", "person:agus-gumiwang-kartasasmita"),
        ("Agus", "IDN", None),  # one word: ambiguous across articles
        ("Anton Alikhanov", "IDN", None),  # another country: another person
        ("Budi Santoso", "IDN", None),
    ],
)
def test_people_resolve_by_name_variants(name: str, country: str | None, expected: str | None) -> None:
    match = choose_person(name, country, KNOWN)
    assert (match.id if match else None) == expected


def test_shorter_forms_and_keys() -> None:
    assert person_key("Prof. Dr. Budi Santoso") == "budi santoso"
    assert shorter_forms("Agus Gumiwang Kartasasmita") == ["agus gumiwang"]
    assert list(itertools.islice(shorter_forms("A B C D"), 5)) == ["a b c", "a b"]


def test_organisations_share_one_id_and_keep_their_renames_linked() -> None:
    assert organisation_key("Kemenperin") == organisation_key("Kementerian Perindustrian") == "org:kemenperin"
    ref = mention_entity("organisation", "Kemenperin", "org:kemenperin")
    assert ref is not None and ref.name == "Kementerian Perindustrian"
    assert "Ministry of Industry" in organisation_aliases("org:kemenperin")
    family = organisation_family("org:kemenko-polhukam")
    assert "org:kemenko-polhukam" in family and len(family) > 1
    for member in family:
        assert set(organisation_family(member)) == set(family)


def test_an_agreement_listed_twice_in_one_article_is_one_report() -> None:
    article = "art-1"
    items = [
        feat("a", rec("IEU CEPA", status="negotiating", date="2016"), article=article),
        feat("b", rec("Indonesia-European Union Comprehensive Economic Partnership Agreement (I-EU CEPA)",
                      status="agreed"), article=article),
        feat("c", rec(None, status="negotiating"), article=article),  # a group: never a twin
        feat("d", rec("IA-CEPA", countries=("AUS", "IDN")), article=article),  # another pact
    ]  # fmt: skip
    assert collapse_duplicates(items) == [1, 2, 3]


def test_the_seeds_two_mous_are_not_twins() -> None:
    ship = feat(
        "s", rec("MoU on Cooperation in the Field of Shipbuilding", kind="mou", countries=("IDN", "RUS"))
    )
    asbestos = feat(
        "a",
        rec("MoU on Cooperation in the Field of Scientific Research on the Safe Use of Chrysotile Asbestos",
            kind="mou", countries=("IDN", "RUS")),
    )  # fmt: skip
    assert collapse_duplicates([ship, asbestos]) == [0, 1]
