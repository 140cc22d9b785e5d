"""A second start of the app brings the first window forward instead of starting again."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from coach.services.single_instance import InstanceLock, SingleInstance, instance_key


def test_second_instance_asks_the_first_to_show(qtbot):
    key = f"unknot-test-{uuid.uuid4().hex[:12]}"
    first = SingleInstance(key)
    assert first.listen()
    try:
        second = SingleInstance(key)
        with qtbot.waitSignal(first.show_requested, timeout=5000):
            assert second.ask_running_to_show()
    finally:
        first.close()


def test_nobody_running_means_start_normally(qtbot):
    assert not SingleInstance(f"unknot-test-{uuid.uuid4().hex[:12]}").ask_running_to_show()


def test_key_depends_on_the_data_folder(tmp_path):
    assert instance_key(tmp_path / "a") != instance_key(tmp_path / "b")
    assert instance_key(tmp_path / "a") == instance_key(tmp_path / "a")


def test_a_second_app_process_exits_and_the_first_keeps_running(qtbot, paths):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACH_DATA_DIR": str(paths.data_dir)}
    first = subprocess.Popen(
        [sys.executable, "-m", "coach"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        key = instance_key(paths.data_dir)

        def first_is_listening() -> bool:
            probe = QLocalSocket()
            probe.connectToServer(key)
            up = probe.waitForConnected(200)
            probe.abort()
            return up

        qtbot.waitUntil(first_is_listening, timeout=15000)
        second = subprocess.run(
            [sys.executable, "-m", "coach"], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None  # the first one is still there
    finally:
        first.terminate()
        first.communicate(timeout=15)


def test_the_socket_lives_in_the_users_private_runtime_folder(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    key = instance_key(tmp_path / "data", {"XDG_RUNTIME_DIR": str(runtime)})
    assert Path(key).parent == runtime
    assert not key.startswith(tempfile.gettempdir() + "/unknot-") or key.startswith(str(tmp_path))


def test_a_runtime_folder_others_can_enter_is_not_used(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    key = instance_key(tmp_path / "data", {"XDG_RUNTIME_DIR": str(shared)})
    assert Path(key).parent != shared
    assert stat.S_IMODE(Path(key).parent.stat().st_mode) == 0o700


def test_a_name_squatted_by_another_user_does_not_stop_unknot(qtbot, tmp_path):
    data = tmp_path / "data"
    old = Path(tempfile.gettempdir()) / instance_key(data, {}).rsplit("/", 1)[-1]
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(runtime)}
    # what another local user could do before: take the well-known name in the shared /tmp
    squatter = QLocalServer()
    squatter.listen(str(old))
    try:
        mine = SingleInstance(instance_key(data, env))
        assert not mine.ask_running_to_show(), "the squatter is not asked"
        assert mine.listen()
        mine.close()
    finally:
        squatter.close()


def test_a_private_temp_folder_made_by_someone_else_is_refused(tmp_path, monkeypatch):
    if os.geteuid() != 0:
        pytest.skip("making a folder owned by another user needs root")
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path))
    theirs = tmp_path / f"unknot-{os.getuid()}"
    theirs.mkdir(mode=0o700)
    os.chown(theirs, 65534, 65534)
    (tmp_path / "data").mkdir(mode=0o700)
    key = instance_key(tmp_path / "data", {})
    assert Path(key).parent == tmp_path / "data" / ".run"


def test_the_lock_is_held_by_one_at_a_time_and_let_go_on_release(tmp_path):
    first, second = InstanceLock(tmp_path / "a.lock"), InstanceLock(tmp_path / "a.lock")
    assert first.acquire() is True
    assert second.acquire() is False, "another app holds it"
    assert not second.held
    first.release()
    assert second.acquire() is True, "free again once the first lets go"
    second.release()


def test_the_first_start_claims_without_asking_and_a_later_one_cannot(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    key = instance_key(tmp_path / "data", {"XDG_RUNTIME_DIR": str(runtime)})
    first = SingleInstance(key)
    assert first.claim()
    later = SingleInstance(key)
    assert not later.claim()
    first.close()
    assert SingleInstance(key).claim(), "the lock goes with the app that held it"


def test_a_key_that_is_only_a_name_has_no_lock_and_asks_as_before(qtbot):
    key = f"unknot-test-{uuid.uuid4().hex[:12]}"
    first = SingleInstance(key)
    assert not first.claim(), "nothing can be told without a lock file: ask"
    assert not first.ask_running_to_show()
    assert first.listen()
    try:
        with qtbot.waitSignal(first.show_requested, timeout=5000):
            assert SingleInstance(key).ask_running_to_show()
    finally:
        first.close()


def test_a_start_while_the_first_is_still_opening_waits_for_it(qtbot, paths):
    """The first app holds the lock from its first moment but listens only once its window is
    filled in; a second start in between waits for it instead of opening a second app."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COACH_DATA_DIR": str(paths.data_dir)}
    key = instance_key(paths.data_dir)
    lock = InstanceLock(Path(key + ".lock"))
    first = subprocess.Popen(
        [sys.executable, "-m", "coach"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:

        def first_holds_the_lock() -> bool:
            taken = lock.acquire()
            lock.release()
            return taken is False

        qtbot.waitUntil(first_holds_the_lock, timeout=15000)
        second = subprocess.run(
            [sys.executable, "-m", "coach"], env=env, capture_output=True, text=True, timeout=30
        )
        assert second.returncode == 0, second.stderr
        assert "already running" in second.stdout
        assert first.poll() is None
    finally:
        first.terminate()
        first.communicate(timeout=15)


def test_an_app_that_ended_while_a_later_start_waited_leaves_it_the_lock(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    key = instance_key(tmp_path / "data", {"XDG_RUNTIME_DIR": str(runtime)})
    running = InstanceLock(Path(key + ".lock"))
    assert running.acquire()
    later = SingleInstance(key)
    assert not later.claim()
    running.release()  # it ended before it listened

    assert not later.ask_running_to_show(), "nobody to ask: open"
    assert not InstanceLock(Path(key + ".lock")).acquire(), "the later start holds the lock now"
    later.close()
