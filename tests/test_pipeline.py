"""The pipeline's time limit: a document that runs too long is refused, the rest go on.

Real extraction on texts we write: a short article that takes milliseconds and a very
long one that takes seconds, with a limit between the two.
"""

from __future__ import annotations

import gc
import signal
import sys
import weakref
from collections import Counter
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


def _may_raise_during_extraction(file: str) -> bool:
    """Whether an alarm may raise in the first frame of Python code in ``file`` that a
    short extraction runs, judged while that frame runs (a finished frame has lost its
    callers)."""
    verdicts: list[bool] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and not verdicts and file in frame.f_code.co_filename:
            verdicts.append(_may_raise_in(frame))

    document = _documents()[0]
    sys.setprofile(profile)
    try:
        extract_document(document)
    finally:
        sys.setprofile(None)
    return verdicts[0]


def test_the_alarm_raises_in_sepakats_code() -> None:
    assert _may_raise_during_extraction("/sepakat/")


def test_the_alarm_raises_in_standard_library_code_that_extraction_calls() -> None:
    """Compiled, the extractor leaves no frames: an alarm finds the Python code it calls
    on top (a dataclass's ``__init__``, written "<string>"), and must stop it there."""
    assert _may_raise_during_extraction("<string>")


def test_the_alarm_does_not_raise_in_standard_library_code_that_a_callback_calls() -> None:
    verdicts: list[bool] = []

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and "collections" in frame.f_code.co_filename:
            verdicts.append(_may_raise_in(frame))

    class Anything:
        pass

    def gone(ref: weakref.ref[Anything]) -> None:
        sys.setprofile(profile)
        try:
            Counter("a library's callback counts")
        finally:
            sys.setprofile(None)

    held = Anything()
    ref = weakref.ref(held, gone)
    del held
    assert ref() is None and verdicts
    assert not any(verdicts)


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
