"""Loading the heavy resources pauses the cycle collector and freezes what was loaded."""

from __future__ import annotations

import gc

from qa import startup


def test_loading_pauses_the_collector_then_freezes_what_it_built() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with startup.loading():
            assert not gc.isenabled()
            built = [[i] for i in range(1000)]  # noqa: F841 (kept alive into the freeze)
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + 1000
    finally:
        gc.unfreeze()


def test_loading_leaves_a_paused_collector_paused() -> None:
    gc.disable()
    try:
        with startup.loading():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


def test_load_resources_leaves_the_collector_running(settings, fake_embedder) -> None:
    from qa.answer import load_resources
    from qa.errors import EmptyArchiveError
    from qa.store import Store

    Store(settings)  # an empty archive: the folder exists, nothing ingested
    gc.unfreeze()  # what earlier tests froze, so the count below is this load's
    try:
        load_resources(settings, fake_embedder)
    except EmptyArchiveError:
        pass  # the resources were built before the archive was found empty
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()


def test_load_resources_reads_the_archive_record_once_when_it_opens_the_store(settings, fake_embedder,
                                                                               monkeypatch) -> None:
    """Opening the store and checking it is not empty share one read of its record; a
    warm call (the store already open) reads it once, to see a change since."""
    from qa import answer
    from qa.errors import EmptyArchiveError
    from qa.store import Store

    reads = []
    real_meta = Store.meta

    def counted(self):  # type: ignore[no-untyped-def]
        reads.append(1)
        return real_meta(self)

    Store(settings)  # an empty archive: the folder exists, nothing ingested
    monkeypatch.setattr(Store, "meta", counted)
    monkeypatch.setattr(answer, "_RES", {})
    for expected in (1, 2):
        try:
            answer.load_resources(settings, fake_embedder)
        except EmptyArchiveError:
            pass  # empty, and said so from the same read
        assert len(reads) == expected
    gc.unfreeze()
