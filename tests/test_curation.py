"""Curation: corrections win over extraction, survive reextract and re-ingest, and can be undone."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from sepakat.cli import _register, app
from sepakat.errors import UsageError
from sepakat.models import Extraction, RawDocument, Refusal
from sepakat.store import curation
from sepakat.store.engine import open_registry
from sepakat.store.ingest import ingest, reextract
from sepakat.store.queries import AgreementFilter, get_agreement, list_agreements, list_meetings, list_people
from synthetic import Agr, Doc, Meet, make_extraction
from test_ingest import CEPA_1, CEPA_2, SEED_LIKE

MEETING_TEXT = (
    "Menteri Luar Negeri Sri Lestari Handayani bertemu Menteri Luar Negeri Jepang di Tokyo pada Senin. "
    "Keduanya membahas rencana nota kesepahaman kerja sama perikanan."
)
MEETING = Doc(
    id="meet-1",
    title="Menlu bertemu mitranya dari Jepang",
    published="2025-09-01T10:00:00",
    url="https://diplomasi.example.id/menlu-jepang",
    text=MEETING_TEXT,
    agreements=(
        Agr(
            "Keduanya membahas rencana nota kesepahaman kerja sama perikanan.",
            name="nota kesepahaman kerja sama perikanan",
            kind="mou",
            status="proposed",
            date="2025-09-01",
            countries=("IDN", "JPN"),
            sectors=("agriculture",),
        ),
    ),
    meetings=(
        Meet(
            MEETING_TEXT.split(". ", maxsplit=1)[0] + ".",
            date="2025-09-01",
            place="Tokyo",
            countries=("IDN", "JPN"),
            participants=("Sri Lestari Handayani",),
        ),
    ),
    people=(("Sri Lestari Handayani", "Menteri Luar Negeri", "IDN"),),
)
DOCS = [CEPA_1, CEPA_2, SEED_LIKE, MEETING]


def same_extractor(documents: Iterable[RawDocument]) -> Iterable[Extraction | Refusal]:
    """Re-extraction that gives what the first extraction gave (the rules did not change)."""
    by_id = {d.id: d for d in DOCS}
    for document in documents:
        yield make_extraction(by_id[str(document.id)], version="test-2")


def _cepa(engine: Engine) -> str:
    with engine.connect() as connection:
        return str(list_agreements(connection, AgreementFilter(country="EU")).rows[0].id)


def _agreement(engine: Engine, agreement_id: str) -> tuple[str, str | None, bool]:
    with engine.connect() as connection:
        detail = get_agreement(connection, agreement_id)
    assert detail is not None
    return detail.agreement.status, detail.agreement.name, detail.agreement.rejected


@pytest.fixture
def loaded(registry: Engine) -> Engine:
    ingest(registry, [make_extraction(d) for d in DOCS])
    return registry


def test_a_status_set_by_hand_survives_reextract_and_reingest_and_undo_restores_it(loaded: Engine) -> None:
    cepa = _cepa(loaded)
    assert _agreement(loaded, cepa)[0] == "agreed"
    made = curation.set_field(
        loaded, "agreement", cepa, "status", "signed", author="rina", reason="signed 23/9"
    )
    assert _agreement(loaded, cepa)[0] == "signed"

    reextract(loaded, extract=same_extractor)
    assert _cepa(loaded) == cepa and _agreement(loaded, cepa)[0] == "signed"

    updated = Doc(**{**CEPA_2.__dict__, "text": CEPA_2.text + " Pembaruan: tautan diperbaiki."})
    summary = ingest(loaded, [make_extraction(updated)])
    assert summary.articles_updated == 1
    assert _agreement(loaded, cepa)[0] == "signed"

    curation.undo(loaded, made.id, author="rina", reason="wrong article")
    assert _agreement(loaded, cepa)[0] == "agreed"
    with loaded.connect() as connection:
        detail = get_agreement(connection, cepa)
    assert detail is not None
    assert [(c.author, c.action, c.reason) for c in detail.curations] == [("rina", "set", "signed 23/9")]


def test_undoing_an_undo_restores_the_correction(loaded: Engine) -> None:
    cepa = _cepa(loaded)
    made = curation.set_field(loaded, "agreement", cepa, "name", "Indonesia-EU CEPA", author="rina")
    undone = curation.undo(loaded, made.id, author="rina")
    assert _agreement(loaded, cepa)[1] == "IEU-CEPA"
    curation.undo(loaded, undone.id, author="rina")
    assert _agreement(loaded, cepa)[1] == "Indonesia-EU CEPA"


def test_list_fields_are_corrected_and_filter(loaded: Engine) -> None:
    cepa = _cepa(loaded)
    curation.set_field(loaded, "agreement", cepa, "sectors", ["trade", "investment"], author="rina")
    with loaded.connect() as connection:
        rows = list_agreements(connection, AgreementFilter(sector="investment")).rows
    assert [r.id for r in rows] == [cepa] and rows[0].curated == ("sectors",)


def test_merge_keeps_the_survivor_id_through_reingest_and_undo_splits_again(loaded: Engine) -> None:
    with loaded.connect() as connection:
        russian = [r.id for r in list_agreements(connection, AgreementFilter(country="RUS")).rows]
    assert len(russian) == 2
    survivor, absorbed = sorted(russian)
    made = curation.merge(loaded, survivor, absorbed, author="rina", reason="one document in practice")
    with loaded.connect() as connection:
        after = [r.id for r in list_agreements(connection, AgreementFilter(country="RUS")).rows]
    assert after == [survivor]
    reextract(loaded, extract=same_extractor)
    with loaded.connect() as connection:
        assert [r.id for r in list_agreements(connection, AgreementFilter(country="RUS")).rows] == [survivor]
    curation.undo(loaded, made.id, author="rina")
    with loaded.connect() as connection:
        restored = sorted(r.id for r in list_agreements(connection, AgreementFilter(country="RUS")).rows)
    assert restored == sorted(russian)


def test_split_moves_reports_to_a_new_agreement_and_undo_joins_them(loaded: Engine) -> None:
    cepa = _cepa(loaded)
    with loaded.connect() as connection:
        detail = get_agreement(connection, cepa)
    assert detail is not None and len(detail.events) == 2
    moved = detail.events[1].report_key
    made = curation.split(loaded, cepa, [moved], author="rina", reason="another round")
    new_id = made.data["new_id"]
    with loaded.connect() as connection:
        ids = {r.id for r in list_agreements(connection, AgreementFilter(country="EU")).rows}
    assert ids == {cepa, new_id}
    reextract(loaded, extract=same_extractor)
    with loaded.connect() as connection:
        assert {r.id for r in list_agreements(connection, AgreementFilter(country="EU")).rows} == {
            cepa,
            new_id,
        }
    curation.undo(loaded, made.id, author="rina")
    with loaded.connect() as connection:
        assert [r.id for r in list_agreements(connection, AgreementFilter(country="EU")).rows] == [cepa]


def test_a_rejected_agreement_leaves_the_listings_until_undone(loaded: Engine) -> None:
    cepa = _cepa(loaded)
    made = curation.reject(loaded, cepa, author="rina", reason="not an agreement")
    with loaded.connect() as connection:
        assert cepa not in {r.id for r in list_agreements(connection).rows}
        assert cepa in {
            r.id for r in list_agreements(connection, AgreementFilter(include_rejected=True)).rows
        }
    curation.undo(loaded, made.id, author="rina")
    with loaded.connect() as connection:
        assert cepa in {r.id for r in list_agreements(connection).rows}


def test_people_and_meetings_are_corrected_too(loaded: Engine) -> None:
    with loaded.connect() as connection:
        person = next(p for p in list_people(connection).rows if p.name == "Sri Lestari Handayani")
        meeting = list_meetings(connection).rows[0]
    curation.set_field(loaded, "person", person.id, "role", "Menteri Luar Negeri RI", author="rina")
    made = curation.set_field(loaded, "meeting", meeting.id, "place", "Tokyo, Jepang", author="rina")
    moved = Doc(**{**MEETING.__dict__, "text": MEETING_TEXT + " Pertemuan berlangsung hangat."})
    ingest(loaded, [make_extraction(moved)])
    with loaded.connect() as connection:
        assert (
            next(p for p in list_people(connection).rows if p.id == person.id).role
            == "Menteri Luar Negeri RI"
        )
        assert list_meetings(connection).rows[0].place == "Tokyo, Jepang"
    curation.undo(loaded, made.id, author="rina")
    with loaded.connect() as connection:
        assert list_meetings(connection).rows[0].place == "Tokyo"


@pytest.mark.parametrize(
    ("kind", "field", "raw"),
    [
        ("agreement", "status", "finished"),
        ("agreement", "colour", "blue"),
        ("agreement", "sectors", "spaceships"),
        ("meeting", "kind", "party"),
        ("person", "status", "signed"),
    ],
)
def test_invalid_corrections_are_usage_errors(kind: str, field: str, raw: str) -> None:
    with pytest.raises(UsageError):
        curation.parse_value(kind, field, raw)


def test_unknown_targets_are_usage_errors(loaded: Engine) -> None:
    with pytest.raises(UsageError, match="no agreement"):
        curation.set_field(loaded, "agreement", "agr-000000000000", "status", "signed", author="rina")
    with pytest.raises(UsageError, match="author"):
        curation.reject(loaded, _cepa(loaded), author=" ")


def test_curate_commands_record_who_and_why(tmp_path: Path) -> None:
    _register()
    db = str(tmp_path / "cli.db")
    engine = open_registry(db)
    ingest(engine, [make_extraction(d) for d in DOCS])
    cepa = _cepa(engine)
    engine.dispose()
    runner = CliRunner()
    done = runner.invoke(
        app,
        ["curate", "set", "agreement", cepa, "status", "signed", "--db", db, "--by", "rina", "--why", "seen"],
    )
    assert done.exit_code == 0, done.output
    shown = runner.invoke(app, ["show", cepa, "--db", db])
    assert "corrected by hand: status" in shown.output and "rina" in shown.output
    log = runner.invoke(app, ["curate", "log", "agreement", cepa, "--db", db])
    assert "status = 'signed'" in log.output
    bad = runner.invoke(app, ["curate", "set", "agreement", cepa, "status", "finished", "--db", db])
    assert bad.exit_code == 2
    as_json = runner.invoke(app, ["show", cepa, "--db", db, "--format", "json"])
    assert orjson.loads(as_json.stdout)["agreement"]["status"] == "signed"
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM curations")).scalar() == 1
