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

from coach.services.single_instance import SingleInstance, instance_key


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
