"""Unknot never opens a network connection: shown three ways.

1. The whole suite runs with Internet sockets blocked in the test process (tests/no_network.py,
   loaded from conftest.py); the first tests here check that the block is in place.
2. The package names no network API: no Qt network classes but the local socket, no urllib
   requests, http.client, requests, raw sockets and the like (Qt's C++ sockets would not go
   through Python's socket module, so the block above could not see them).
3. The app itself, in its own process (which the block does not reach), starts and shows its
   window in a network namespace with no interfaces at all (`unshare -n`), and a system-call trace
   of a start shows no Internet socket being made.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.no_network import NetworkBlocked

PACKAGE = REPO / "coach"

# What would reach the network from Python or Qt. QtNetwork is allowed for QLocalServer and
# QLocalSocket only (the single-instance check: a Unix domain socket or a Windows named pipe).
FORBIDDEN = re.compile(
    r"""
    \b(QTcpSocket|QTcpServer|QUdpSocket|QSslSocket|QNetworkAccessManager|QNetworkRequest
      |QNetworkReply|QDnsLookup|QHostInfo|QWebSocket\w*|QRestAccessManager|QHttp\w*)\b
    | ^\s*(import|from)\s+(socket|ssl|http|urllib\.request|urllib3|requests|httpx|aiohttp
      |ftplib|smtplib|poplib|imaplib|telnetlib|xmlrpc|socketserver|asyncio|websockets?)\b
    | ^\s*from\s+urllib\s+import\s+.*\brequest\b
    | \bwebbrowser\b
    """,
    re.VERBOSE | re.MULTILINE,
)
LOCAL_ONLY = re.compile(r"from PySide6\.QtNetwork import (.+)")


def test_internet_sockets_are_refused_in_the_test_process() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
        with pytest.raises(NetworkBlocked):
            tcp.connect(("127.0.0.1", 9))
        with pytest.raises(NetworkBlocked):
            tcp.bind(("127.0.0.1", 0))
    with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as udp, pytest.raises(NetworkBlocked):
        udp.sendto(b"x", ("::1", 9))
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("example.org", 80))
    with pytest.raises(NetworkBlocked):
        socket.getaddrinfo("example.org", 443)


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix domain sockets here")
def test_local_sockets_still_work(tmp_path: Path) -> None:
    left, right = socket.socketpair(socket.AF_UNIX)
    with left, right:
        left.sendall(b"show\n")
        assert right.recv(16) == b"show\n"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(tmp_path / "s"))  # what QLocalServer does


def test_the_package_names_no_network_api() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        for match in FORBIDDEN.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            offenders.append(f"{path.relative_to(REPO)}:{line}: {match.group(0).strip()}")
        for match in LOCAL_ONLY.finditer(text):
            names = {n.strip(" ()") for n in match.group(1).split(",")}
            if not names <= {"QLocalServer", "QLocalSocket"}:
                offenders.append(f"{path.relative_to(REPO)}: QtNetwork beyond local sockets")
    assert offenders == []


def test_the_scan_would_catch_a_network_api() -> None:
    for text in (
        "from PySide6.QtNetwork import QTcpSocket",
        "manager = QNetworkAccessManager()",
        "import urllib.request",
        "from urllib import request",
        "import requests",
        "    import socket",
        "from http.client import HTTPSConnection",
    ):
        assert FORBIDDEN.search(text), text
    assert not FORBIDDEN.search("from urllib.parse import quote")
    assert not FORBIDDEN.search("from PySide6.QtNetwork import QLocalServer, QLocalSocket")


def _self_test_env(tmp_path: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path / "home"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "COACH_DATA_DIR": str(tmp_path / "data"),
        "COACH_CONFIG_DIR": str(tmp_path / "config"),
    }


def _unshare() -> list[str] | None:
    """`unshare -n` (as root) or `unshare -rn` (in a user namespace), if either is permitted."""
    binary = shutil.which("unshare")
    if binary is None or not sys.platform.startswith("linux"):
        return None
    for flags in (["-n"], ["-r", "-n"]):
        probe = subprocess.run([binary, *flags, "true"], capture_output=True, timeout=10)
        if probe.returncode == 0:
            return [binary, *flags]
    return None


@pytest.mark.slow
def test_the_app_starts_with_no_network_at_all(tmp_path: Path) -> None:
    unshare = _unshare()
    if unshare is None:
        pytest.skip("unshare is not available or not permitted here (no network namespaces)")
    check = subprocess.run(
        [*unshare, "cat", "/proc/net/dev"], capture_output=True, text=True, timeout=30, check=True
    )
    interfaces = [line.split(":")[0].strip() for line in check.stdout.splitlines()[2:]]
    assert interfaces == ["lo"], "a namespace with nothing but its own loopback (down)"

    result = subprocess.run(
        [*unshare, sys.executable, "-m", "coach", "--self-test"],
        cwd=REPO,
        env=_self_test_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("self-test ok: main window shown after ")


@pytest.mark.slow
def test_a_start_makes_no_internet_socket(tmp_path: Path) -> None:
    strace = shutil.which("strace")
    if strace is None:
        pytest.skip("strace is not installed")
    trace = tmp_path / "trace.txt"
    result = subprocess.run(
        [strace, "-f", "-qq", "-e", "trace=socket", "-o", str(trace)]
        + [sys.executable, "-m", "coach", "--self-test"],
        cwd=REPO,
        env=_self_test_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if "ptrace" in result.stderr or not trace.exists():
        pytest.skip(f"strace cannot trace here: {result.stderr.strip()[:200]}")
    assert result.returncode == 0, result.stdout + result.stderr

    calls = trace.read_text(encoding="utf-8")
    assert not re.findall(r"socket\((AF_INET|AF_INET6|AF_PACKET)\b", calls), calls
