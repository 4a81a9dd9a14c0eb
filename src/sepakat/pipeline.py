"""From inputs to extraction records: the pure per-document function and its driver.

1. read     sources.iter_documents: paths -> RawDocument | Refusal, streaming, in order
2. clean    clean.clean_document: RawDocument -> Article (teasers out, sentences, language)
3. extract  extract.extract_article: Article -> Extraction (mentions and the record)

``extract_document`` (stages 2-3) is pure: document in, extraction out, no IO. It is
what the process pool and, later, distributed engines run. ``run`` drives stage 1 and
fans stages 2-3 out over worker processes, keeping input order.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import signal
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from types import FrameType

from sepakat.errors import InputRefused
from sepakat.models import Extraction, RawDocument, Refusal

log = logging.getLogger(__name__)

Outcome = Extraction | Refusal


def extract_document(raw: RawDocument) -> Extraction:
    """Clean and extract one document. Raises InputRefused when it has no usable text."""
    from sepakat.clean import clean_document
    from sepakat.extract import extract_article

    return extract_article(clean_document(raw))


# A document that takes this long is refused rather than stalling a batch: rules run in
# about a millisecond, so only a pathological input (or a bug, which the refusal names)
# gets near it.
TIME_LIMIT_SECONDS = 30.0


class _TookTooLongError(BaseException):
    """Raised by the timer inside a document that ran past the limit (a BaseException,
    like KeyboardInterrupt, so that no ``except Exception`` on the way swallows it)."""


def _on_alarm(signum: int, frame: FrameType | None) -> None:
    if _TIMER.running and _may_raise_in(frame):
        raise _TookTooLongError


# Code that Python runs from deallocation or the garbage collector (weakref callbacks,
# finalizers, functions in ``gc.callbacks``, as hypothesis registers one): an exception
# raised there is printed and dropped, not propagated. Such a callback may be any
# library's (SQLAlchemy registers weakref callbacks), so the alarm raises only where the
# interrupted code is sepakat's own, outside such callbacks; elsewhere it waits for its
# next repeat (``_Timer.REPEAT``), which stops the document a moment later.
_OWN_CODE = os.path.dirname(os.path.abspath(__file__)) + os.sep
_CALLBACK_FILES = ("weakref.py", "_weakrefset.py")
# Compiled by mypyc (setup.py), the extractor runs without frames of its own: an alarm
# finds on top the Python code that it calls, a dataclass's generated ``__init__``
# ("<string>"), a Counter, ``re``'s parser. An exception raised there reaches the
# document's code too, when sepakat's code called it.
_STDLIB = os.path.dirname(os.path.abspath(os.__file__)) + os.sep
_CALLED_CODE = (
    "<string>",
    *(_STDLIB + name for name in ("collections" + os.sep, "re" + os.sep, "enum.py", "functools.py")),
)


def _may_raise_in(frame: FrameType | None) -> bool:
    """Whether an exception raised in ``frame`` reaches the document's code: only when it
    runs sepakat's code (or standard-library code that sepakat's code called), and
    neither it nor a frame it was called from is a callback."""
    caller = frame
    while caller is not None and caller.f_code.co_filename.startswith(_CALLED_CODE):
        caller = caller.f_back
    if caller is None or not caller.f_code.co_filename.startswith(_OWN_CODE):
        return False
    gc_codes = {getattr(callback, "__code__", None) for callback in gc.callbacks}
    while frame is not None:
        code = frame.f_code
        if code.co_name == "__del__" or code.co_filename.endswith(_CALLBACK_FILES) or code in gc_codes:
            return False
        frame = frame.f_back
    return True


def _extract_or_refuse(item: RawDocument | Refusal) -> Outcome:
    if isinstance(item, Refusal):
        return item
    try:
        return _extract_timed(item) if _TIMER.armed else extract_document(item)
    except InputRefused as refused:
        return Refusal(refused.origin, refused.reason)
    except _TookTooLongError:
        log.error("%s: extraction stopped after %g s", item.origin, _TIMER.limit)
        reason = f"extraction took longer than {_TIMER.limit:g} s; please report this input"
        return Refusal(item.origin, reason)


def _extract_timed(item: RawDocument) -> Extraction:
    """``extract_document`` under the time limit. An alarm that comes as the document
    finishes, before the timer is stopped, does not undo the finished extraction."""
    done: Extraction | None = None
    try:
        _TIMER.start()
        try:
            done = extract_document(item)
        finally:
            _TIMER.stop()
    except _TookTooLongError:
        if done is None:
            raise
    return done


class _Timer:
    """The SIGALRM handler that stops a document past the time limit, installed once
    for a whole stream (installing it per document cost 2% of extraction)."""

    REPEAT = 0.05  # seconds between alarms once the limit is past, until one stops it

    def __init__(self) -> None:
        self.armed = False  # the handler is installed: documents are timed
        self.running = False  # a document is being timed: an alarm now stops it
        self.limit = TIME_LIMIT_SECONDS

    def start(self) -> None:
        self.running = True
        signal.setitimer(signal.ITIMER_REAL, self.limit, self.REPEAT)

    def stop(self) -> None:
        self.running = False  # first: an alarm from here on is ignored
        signal.setitimer(signal.ITIMER_REAL, 0)

    @contextmanager
    def installed(self, limit: float) -> Iterator[None]:
        """Arm the timer for what runs inside, where timers can work (SIGALRM exists and
        this is the main thread); nested or elsewhere, leave things as they are."""
        if self.armed or not _can_time(limit):
            yield
            return
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        self.armed, self.limit = True, limit
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            self.armed, self.limit = False, TIME_LIMIT_SECONDS

    def install_for_process(self, limit: float) -> None:
        """A pool worker's: armed for the worker's life."""
        if _can_time(limit):
            signal.signal(signal.SIGALRM, _on_alarm)
            self.armed, self.limit = True, limit


_TIMER = _Timer()


def _can_time(limit: float) -> bool:
    """Timers need SIGALRM and the main thread (a worker process's, or the command's)."""
    main = threading.current_thread() is threading.main_thread()
    return limit > 0 and hasattr(signal, "setitimer") and main


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def extract_stream(
    items: Iterable[RawDocument | Refusal], workers: int = 1, time_limit: float = TIME_LIMIT_SECONDS
) -> Iterator[Outcome]:
    """Extract every document of ``items`` in order, over ``workers`` processes.

    Output order is input order whatever ``workers`` is; memory stays bounded because
    the pool consumes the input lazily in chunks. A document that runs past
    ``time_limit`` seconds is refused (where timers work: the main thread of a process).
    """
    if workers <= 1:
        with _TIMER.installed(time_limit):
            for item in items:
                yield _extract_or_refuse(item)
        return
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with context.Pool(workers, initializer=_start_worker, initargs=(time_limit,)) as pool:
        yield from pool.imap(_extract_or_refuse, items, chunksize=16)


def _start_worker(time_limit: float) -> None:
    """Load word lists and models once per worker, before the first document, and arm
    the time limit for the worker's life."""
    from sepakat.extract import warm_up

    warm_up()
    _TIMER.install_for_process(time_limit)


def run(paths: Sequence[str], workers: int = 1, **read_options: object) -> Iterator[Outcome]:
    """Read ``paths`` and extract every document, in input order."""
    from sepakat.sources import ReadLimits, iter_documents

    limits = ReadLimits(**read_options)  # type: ignore[arg-type]
    return extract_stream(iter_documents(paths, limits=limits), workers)
