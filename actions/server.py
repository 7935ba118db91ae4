"""The action server, accepting only Rasa: `python -m actions.server -p PORT`.

rasa-sdk's own server answers anyone who can reach it, and an action that changes a
record must not. This starts the same rasa-sdk app with one request check in front:
every call but `/health` must carry the shared secret ACTION_SERVER_TOKEN in the
`X-Action-Token` header (Rasa sends it from endpoints.yml's `action_endpoint.headers`).
Without it the answer is 401 and the attempt is logged (address and path, nothing of
the body). The server refuses to start without a secret.
"""
from __future__ import annotations

import argparse
import hmac
import logging
import os
import sys

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from sanic import response

log = logging.getLogger("actions.server")
HEADER = "X-Action-Token"
OPEN_PATHS = ("/health",)


def build(secret: str, actions: str = "actions"):
    executor = ActionExecutor()
    executor.register_package(actions)
    app = create_app(executor, cors_origins=None)

    @app.on_request
    async def only_rasa(request):
        if request.path in OPEN_PATHS:
            return None
        if hmac.compare_digest(request.headers.get(HEADER, "").encode(), secret.encode()):
            return None
        log.warning("refused action call without the shared secret path=%s from=%s",
                    request.path, request.ip)
        return response.json({"error": "unauthorized"}, status=401)

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-p", "--port", type=int, default=5055)
    parser.add_argument("--actions", default="actions")
    args = parser.parse_args(argv)
    secret = os.environ.get("ACTION_SERVER_TOKEN", "")
    if len(secret) < 16:
        print("ACTION_SERVER_TOKEN must be set (16 characters or more): the action server "
              "changes records and accepts only Rasa", file=sys.stderr)
        return 2
    utils.configure_colored_logging("INFO")
    utils.update_sanic_log_level()
    host = os.environ.get("SANIC_HOST", "127.0.0.1")
    # One process, as rasa-sdk's own server with one worker: Sanic's worker manager would start
    # the app again in a child and, when that fails, kill the whole process group.
    build(secret, args.actions).run(host, args.port, single_process=True, access_log=False,
                                    motd=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
