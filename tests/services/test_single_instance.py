"""A second start of the app brings the first window forward instead of starting again."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid

from PySide6.QtNetwork import QLocalSocket

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
