"""Cycles collected from the event loop: automatic collection off while the collector runs, what
is due collected on its timer, and collection given back to Python when it stops."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from coach.services.idle_gc import IdleCollector, collect_due


class Node:
    """Something that can sit in a reference cycle and be watched with a weak reference."""

    other: Node | None = None


def a_dead_cycle() -> weakref.ref[Node]:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return weakref.ref(first)


@pytest.fixture
def thresholds() -> Iterator[None]:
    """A tiny first-generation threshold, so a few new objects make a collection due."""
    before = gc.get_threshold()
    gc.set_threshold(5, before[1], before[2])
    yield
    gc.set_threshold(*before)


@pytest.fixture
def collector(qtbot: QtBot) -> Iterator[IdleCollector]:
    made = IdleCollector()
    yield made
    made.stop()


def test_while_it_runs_python_does_not_collect_by_itself(collector: IdleCollector) -> None:
    enabled = gc.isenabled()
    collector.start()
    assert collector.running
    assert not gc.isenabled()
    collector.stop()
    assert not collector.running
    assert gc.isenabled() == enabled, "given back as it was"


def test_a_dead_cycle_is_collected_on_the_timer(
    qtbot: QtBot, collector: IdleCollector, thresholds: None
) -> None:
    collector.start()
    watched = a_dead_cycle()
    junk = [Node() for _ in range(50)]  # past the first generation's threshold
    del junk
    assert watched() is not None, "nothing collects it at allocation time"
    qtbot.waitUntil(lambda: watched() is None, timeout=3000)


def test_only_what_is_due_is_collected(thresholds: None) -> None:
    was_enabled = gc.isenabled()
    gc.disable()  # here only collect_due() collects
    try:
        gc.collect()
        watched = a_dead_cycle()  # two new objects: under the threshold of 5
        assert collect_due() == 0
        assert watched() is not None, "not due yet"

        kept = [Node() for _ in range(10)]  # now past it
        assert collect_due() >= 2
        assert watched() is None
        assert len(kept) == 10, "what is still used stays"
    finally:
        if was_enabled:
            gc.enable()
