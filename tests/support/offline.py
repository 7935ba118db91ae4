"""Where nothing answers: a loopback port bound (never listening) for the whole test process,
so a connection is refused at once and no other process can take the port meanwhile. (A
port from free_port() is released before use: Rasa's or any other server could start on it.)"""
from __future__ import annotations

import socket

_HELD = socket.socket()
_HELD.bind(("127.0.0.1", 0))
CLOSED_PORT = _HELD.getsockname()[1]
UNREACHABLE = f"http://127.0.0.1:{CLOSED_PORT}"
