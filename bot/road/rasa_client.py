"""The only module that knows Rasa's URLs: the gateway channel, NLU parse, pause/resume.

Every call has a short timeout: a caller on the phone must never wait on a slow
Rasa. Failures raise RasaUnavailable, which the gateway turns into a reply.
"""
from __future__ import annotations

import time

import requests

# rasa_channels/gateway_rest.py: Rasa's REST channel that answers only with the shared secret
CHANNEL_PATH = "/webhooks/gateway/webhook"
CHANNEL_HEADER = "X-Gateway-Token"


class RasaUnavailable(Exception):
    """Rasa (or its action server) did not answer in time or answered with an error."""


class RasaClient:
    def __init__(self, base_url: str, token: str = "", timeout: float = 3.0,
                 actions_url: str | None = None):
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout
        self.actions_url = actions_url.rstrip("/") if actions_url else None
        self._http = requests.Session()

    def _params(self) -> dict:
        return {"token": self.token} if self.token else {}

    def _post(self, path: str, payload, *, params: dict | None = None,
              headers: dict | None = None):
        try:
            response = self._http.post(f"{self.base_url}{path}", json=payload, params=params,
                                       headers=headers, timeout=self.timeout)
            response.raise_for_status()
            return response.json()
        except (requests.RequestException, ValueError) as exc:
            raise RasaUnavailable(f"{path}: {type(exc).__name__}") from exc

    def send(self, sender: str, text: str, metadata: dict | None = None) -> list[dict]:
        """One user turn through the gateway channel; returns the bot's messages."""
        result = self._post(CHANNEL_PATH,
                            {"sender": sender, "message": text, "metadata": metadata or {}},
                            headers={CHANNEL_HEADER: self.token})
        if not isinstance(result, list):
            raise RasaUnavailable(f"{CHANNEL_PATH}: unexpected answer")
        return result

    def parse(self, text: str) -> dict:
        """NLU only (HTTP API): {'intent': {'name', 'confidence'}, 'entities', ...}."""
        return self._post("/model/parse", {"text": text}, params=self._params())

    def _event(self, sender: str, event: dict) -> None:
        self._post(f"/conversations/{sender}/tracker/events", event,
                   params={**self._params(), "include_events": "NONE"})

    def pause(self, sender: str) -> None:
        """Keep the bot silent in this conversation (a person has taken over)."""
        self._event(sender, {"event": "pause", "timestamp": time.time()})

    def resume(self, sender: str) -> None:
        self._event(sender, {"event": "resume", "timestamp": time.time()})

    def _up(self, url: str, timeout: float) -> bool:
        try:
            return self._http.get(url, timeout=timeout).ok
        except requests.RequestException:
            return False

    def rasa_up(self, timeout: float = 1.0) -> bool:
        return self._up(f"{self.base_url}/", timeout)

    def actions_up(self, timeout: float = 1.0) -> bool:
        return bool(self.actions_url) and self._up(f"{self.actions_url}/health", timeout)
