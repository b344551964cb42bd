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

    gc.unfreeze()  # what earlier tests froze, so the count below is this load's
    try:
        load_resources(settings, fake_embedder)
    except EmptyArchiveError:
        pass  # the resources were built before the archive was found empty
    assert gc.isenabled() and gc.get_freeze_count() > 0
    gc.unfreeze()
