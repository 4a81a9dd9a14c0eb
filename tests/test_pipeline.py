"""The pipeline's time limit: a document that runs too long is refused, the rest go on.

Real extraction on texts we write: a short article that takes milliseconds and a very
long one that takes seconds, with a limit between the two.
"""

from __future__ import annotations

import gc
import signal
import sys
import weakref
from types import FrameType

import pytest

from sepakat.extract import warm_up
from sepakat.models import Extraction, RawDocument, Refusal
from sepakat.pipeline import _may_raise_in, extract_document, extract_stream

SHORT = (
    "Menteri Perindustrian Budi Santoso menandatangani nota kesepahaman dengan Jepang "
    "di Jakarta, Senin (3/3/2025). Kerja sama itu mencakup industri baja."
)
# About 4 MB of prose: seconds of extraction, far past the limit below.
LONG = " ".join(
    f"Delegasi {n} dari Kota Harapan Baru tiba di pelabuhan dan bertemu Pak Darmawan Suryo."
    for n in range(48_000)
)
LIMIT = 1.0  # seconds: a short article takes a few milliseconds, the long one about ten seconds


def _documents() -> list[RawDocument]:
    return [
        RawDocument(origin="short-1", id="a", title="Satu", published="2025-03-03", text=SHORT),
        RawDocument(origin="long", id="b", title="Dua", published="2025-03-03", text=LONG),
        RawDocument(origin="short-2", id="c", title="Tiga", published="2025-03-03", text=SHORT),
    ]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_document_past_the_limit_is_refused_and_the_rest_go_on(workers: int) -> None:
    warm_up()
    outcomes = list(extract_stream(_documents(), workers=workers, time_limit=LIMIT))
    assert [type(o) for o in outcomes] == [Extraction, Refusal, Extraction]
    refused = outcomes[1]
    assert isinstance(refused, Refusal)
    assert refused.origin == "long"
    assert refused.reason == f"extraction took longer than {LIMIT:g} s; please report this input"
    assert all(o.record.agreements for o in outcomes if isinstance(o, Extraction))


def test_the_stream_restores_the_alarm_handler_it_found() -> None:
    def ours(signum: int, frame: object) -> None:
        raise AssertionError("not expected to fire")

    previous = signal.signal(signal.SIGALRM, ours)
    try:
        stream = extract_stream(_documents()[:1], workers=1, time_limit=LIMIT)
        assert isinstance(next(stream), Extraction)
        assert signal.getsignal(signal.SIGALRM) is not ours  # the stream's own, while it runs
        signal.raise_signal(signal.SIGALRM)  # between documents (or as one finishes): ignored
        assert list(stream) == []
        assert signal.getsignal(signal.SIGALRM) is ours
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_the_alarm_does_not_raise_where_python_would_drop_the_exception() -> None:
    """A finalizer's or a weakref callback's exception is printed and dropped: the alarm
    waits for its next repeat there instead of being lost."""
    frames: list[FrameType] = []

    class Finalised:
        def __del__(self) -> None:
            frames.append(sys._getframe())

    Finalised()  # finalized at once: no name holds it
    assert frames and not _may_raise_in(frames[0])
    assert _may_raise_in(_frame_of_extraction())


def _frame_of_extraction() -> FrameType:
    """A frame of sepakat's own code, caught as it runs a short extraction."""
    caught: list[FrameType] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and not caught and "/sepakat/extract/" in frame.f_code.co_filename:
            caught.append(frame)

    sys.setprofile(profile)
    try:
        extract_document(_documents()[0])
    finally:
        sys.setprofile(None)
    return caught[0]


def test_the_alarm_does_not_raise_in_a_library_weakref_callback() -> None:
    """SQLAlchemy's weakref callbacks run when a collection dies, in whatever code was
    running: an alarm there was printed and dropped ("Exception ignored in
    _collection_gced") and failed the time-limit test now and then."""
    frames: list[FrameType] = []

    class Anything:
        pass

    def gone(ref: weakref.ref[Anything]) -> None:
        frames.append(sys._getframe())

    held = Anything()
    ref = weakref.ref(held, gone)
    del held
    assert ref() is None and frames
    assert not _may_raise_in(frames[0])


def test_the_alarm_does_not_raise_in_a_garbage_collector_callback() -> None:
    """hypothesis registers a gc callback in the workers that ran its tests; an alarm
    there was dropped and failed the next test now and then (PytestUnraisableExceptionWarning)."""
    frames: list[FrameType] = []

    def on_collection(phase: str, info: dict[str, int]) -> None:
        frames.append(sys._getframe())
        helper()

    def helper() -> None:
        frames.append(sys._getframe())  # called from the callback: no place to raise either

    gc.callbacks.append(on_collection)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(on_collection)
    assert frames
    gc.callbacks.append(on_collection)
    try:
        assert not any(_may_raise_in(frame) for frame in frames)
    finally:
        gc.callbacks.remove(on_collection)


def test_warm_up_leaves_the_first_document_nothing_to_import() -> None:
    """A pool worker's first document is timed like every other: what extraction imports
    on first use (the language detector, 0.3 s) is imported by warm_up, in a fresh
    interpreter as a worker is."""
    import subprocess

    probe = (
        "import sys\n"
        "from sepakat.extract import warm_up\n"
        "from sepakat.models import RawDocument\n"
        "from sepakat.pipeline import extract_document\n"
        "warm_up()\n"
        "before = set(sys.modules)\n"
        f"extract_document(RawDocument(origin='x', id='x', title='Satu', published='2025-03-03', text={SHORT!r}))\n"
        "print(sorted(set(sys.modules) - before))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
