"""A pytest plugin that blocks the network for the whole test run (loaded from conftest.py).

Every test runs with Internet sockets (AF_INET, AF_INET6) refused: connecting, binding, sending a
datagram or resolving a host name raises `NetworkBlocked`. Local sockets (AF_UNIX: the
single-instance check, speech-dispatcher, the X server) are not network and keep working.

This covers Python code in the test process only. The app's own processes that the suite starts
(`python -m coach ...`) and anything Qt does in C++ (QTcpSocket would not go through Python's
socket module) are covered by tests/test_no_network.py instead: a scan of the package for network
APIs, a start of the app in a network namespace with no interfaces, and a system-call trace.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

INTERNET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(RuntimeError):
    """A test (or the code it runs) tried to use the network."""


def _refuse(what: str, target: object) -> None:
    raise NetworkBlocked(f"Unknot never uses the network; a test tried to {what} {target!r}")


def _guarded(method_name: str) -> Any:
    real = getattr(socket.socket, method_name)

    def guarded(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family in INTERNET:
            _refuse(method_name, args[-1] if args else kwargs)
        return real(self, *args, **kwargs)

    guarded.__name__ = method_name
    return guarded


def _no_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
    _refuse("open a connection to", address)
    raise AssertionError("unreachable")


def _no_lookup(host: Any, *args: Any, **kwargs: Any) -> Any:
    _refuse("look up", host)


@pytest.fixture(autouse=True, scope="session")
def no_network() -> Iterator[None]:
    """Refuse Internet sockets and name lookups for the whole session."""
    with pytest.MonkeyPatch.context() as patch:
        for name in ("connect", "connect_ex", "bind", "sendto", "sendmsg"):
            patch.setattr(socket.socket, name, _guarded(name))
        patch.setattr(socket, "create_connection", _no_connection)
        patch.setattr(socket, "create_server", _no_connection)
        for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr"):
            patch.setattr(socket, name, _no_lookup)
        yield
