"""The system voice's own process: finding and probing the speech daemon without hanging, and
carrying out the parent's JSON commands on Qt's "mock" text-to-speech engine."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from coach.services.sound.speech_host import Host, probe_speechd, speechd_socket
from tests.conftest import REPO
from tests.fake_speechd import wedged_speechd


@pytest.mark.parametrize(
    ("env", "found"),
    [
        ({"SPEECHD_ADDRESS": "unix_socket:/run/x.sock"}, Path("/run/x.sock")),
        ({"SPEECHD_ADDRESS": "inet_socket:127.0.0.1:6560"}, None),
        ({"XDG_RUNTIME_DIR": "/run/user/7"}, Path("/run/user/7/speech-dispatcher/speechd.sock")),
        (
            {"SPEECHD_ADDRESS": "unix_socket", "XDG_RUNTIME_DIR": "/run/user/7"},
            Path("/run/user/7/speech-dispatcher/speechd.sock"),
        ),
        ({}, None),
    ],
)
def test_the_daemons_socket_is_found_as_libspeechd_finds_it(
    env: dict[str, str], found: Path | None
) -> None:
    assert speechd_socket(env) == found


def test_no_daemon_or_a_stale_socket_is_fine_libspeechd_starts_one(tmp_path: Path) -> None:
    stale = tmp_path / "stale.sock"
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(stale))
    server.close()  # the file stays, nobody listens

    assert probe_speechd(tmp_path / "none.sock") == ""
    assert probe_speechd(stale, timeout=0.2) == ""


def test_a_wedged_daemon_is_told_within_the_timeout(tmp_path: Path) -> None:
    with wedged_speechd(tmp_path / "wedged") as address:
        started = time.monotonic()
        trouble = probe_speechd(Path(address.removeprefix("unix_socket:")), timeout=0.2)
        waited = time.monotonic() - started

    assert trouble == "the speech daemon did not answer within a second"
    assert waited < 2


# A daemon that answers, in a process of its own: the probe blocks this thread (and Python's
# lock) while it waits, so a server thread in this process could never answer it.
ANSWERING_DAEMON = """
import socket, sys
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(sys.argv[1])
server.listen(1)
print("listening", flush=True)
conn, _ = server.accept()
heard = b""
try:
    while chunk := conn.recv(4096):
        heard += chunk
        conn.sendall(b"208 OK CLIENT NAME SET\\r\\n")
except (ConnectionResetError, BrokenPipeError):
    pass  # the probe aborts its connection once it has its answer
print(heard.decode(), flush=True)
"""


def test_a_daemon_that_answers_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "speechd.sock"
    with subprocess.Popen(
        [sys.executable, "-c", ANSWERING_DAEMON, str(path)], stdout=subprocess.PIPE, text=True
    ) as daemon:
        assert daemon.stdout is not None
        assert daemon.stdout.readline() == "listening\n"

        assert probe_speechd(path, timeout=5) == ""
        heard = daemon.stdout.read()

    assert daemon.returncode == 0
    assert heard.splitlines()[:2] == ["SET SELF CLIENT_NAME unknot:probe:main", "QUIT"]


# -- the commands, on the mock engine --------------------------------------------------------------


@pytest.fixture
def host(qtbot):
    lines: list[dict[str, Any]] = []
    made = Host(lambda line: lines.append(json.loads(line)))
    made.lines = lines  # type: ignore[attr-defined]
    yield made
    if made.tts is not None:
        made.tts.stop(made.tts.BoundaryHint.Immediate)
        made.tts.deleteLater()


def events(host: Host, kind: str) -> list[dict[str, Any]]:
    return [line for line in host.lines if line["event"] == kind]  # type: ignore[attr-defined]


def test_every_command_is_acknowledged_even_before_the_engine_is_open(host: Host) -> None:
    assert host.handle({"cmd": "say", "text": "Hello", "id": 1})
    assert host.handle({"cmd": "query", "id": 2})
    assert not host.handle({"cmd": "quit", "id": 3})

    assert host.lines == [{"event": "ack", "id": 1}, {"event": "ack", "id": 2}]  # type: ignore[attr-defined]


def test_an_engine_that_is_not_installed_is_named_with_those_that_are(host: Host) -> None:
    host.handle({"cmd": "open", "engine": "nonesuch", "id": 1})

    [failed] = events(host, "failed")
    assert failed["reason"].startswith("the engine “nonesuch” is not installed (")
    assert "mock" not in failed["reason"], "the tests' engine is not offered to people"
    assert host.tts is None


def test_the_mock_engine_opens_takes_settings_and_speaks(host: Host, qtbot) -> None:
    host.handle({"cmd": "open", "engine": "mock", "language": "en", "rate": 0.5,
                 "volume": 0.25, "id": 1})  # fmt: skip
    [opened] = events(host, "opened")
    assert opened["engine"] == "mock"
    assert opened["voices"]
    other = opened["voices"][-1]

    host.handle({"cmd": "set", "voice": other, "rate": -0.5, "id": 2})
    host.handle({"cmd": "query", "id": 3})
    [settings] = events(host, "settings")
    assert settings == {"event": "settings", "voice": other, "rate": -0.5, "volume": 0.25}

    host.handle({"cmd": "say", "text": "Breathe in slowly.", "say": 7, "id": 4})
    qtbot.waitUntil(lambda: any(e["state"] == "ready" for e in events(host, "state")), timeout=5000)
    states = events(host, "state")
    assert states[0] == {"event": "state", "state": "speaking", "say": 7, "error": ""}
    assert [e["id"] for e in events(host, "ack")] == [1, 2, 3, 4]


def test_the_host_process_answers_on_stdout_and_ends_with_its_input(tmp_path: Path) -> None:
    commands = "".join(
        json.dumps(c) + "\n"
        for c in ({"cmd": "open", "engine": "mock", "id": 1}, {"cmd": "query", "id": 2})
    )
    done = subprocess.run(
        [sys.executable, "-m", "coach", "--speech-host"],
        input="not json\n" + commands,  # a stray line is ignored
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        timeout=60,
        check=False,
    )

    replies = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0, done.stderr
    assert [r["event"] for r in replies] == ["opened", "ack", "settings", "ack"]
    assert [r["id"] for r in replies if r["event"] == "ack"] == [1, 2]
