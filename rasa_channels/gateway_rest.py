"""Rasa's REST channel, but only for the gateway: `POST /webhooks/gateway/webhook`.

Rasa's own `rest` channel takes any sender and any metadata from whoever reaches its
port. This one is the same channel (rasa.core.channels.rest.RestInput) with one check in
front of every route: the request must carry the shared secret in the `X-Gateway-Token`
header (bot/road/rasa_client.py sends it), compared in constant time with the `token` from
credentials.yml (`${RASA_TOKEN}`, the token of Rasa's HTTP API, which the gateway already
holds). Without it the answer is 401 before anything reaches the tracker, and the attempt is
logged (path and address, nothing of the body). There is no default: an empty or missing
token refuses every request (Rasa still starts, and says so in its log).

Lives outside actions/: the action server imports every module there and must not need rasa.
"""
from __future__ import annotations

import hmac
import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from rasa_channels import action_calls

log = logging.getLogger(__name__)
HEADER = "X-Gateway-Token"
# `rasa run` loads this module before it serves: see action_calls. Only `make bench` sets
# RASA_ACTION_CALLS=stock, to run the setup from before issue 16 beside the current one.
if os.environ.get("RASA_ACTION_CALLS") != "stock":
    action_calls.install()


class GatewayRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "gateway"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        token = str((credentials or {}).get("token") or "")
        if not token:
            log.warning("gateway channel: no token configured, every request is refused")
        return cls(token)

    def __init__(self, token: str = "") -> None:
        self.token = token

    def authorized(self, presented: str | None) -> bool:
        if not self.token or not presented:
            return False
        return hmac.compare_digest(presented.encode(), self.token.encode())

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.middleware("request")
        async def only_the_gateway(request: Request):
            if self.authorized(request.headers.get(HEADER)):
                return None
            log.warning("refused channel call without the shared secret path=%s from=%s",
                        request.path, request.ip)
            return response.json({"error": "unauthorized"}, status=401)

        return webhook
