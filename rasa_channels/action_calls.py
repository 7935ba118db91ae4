"""Two costs of every custom-action call in Rasa 3.6, cut without changing what is called.

py-spy on the Rasa process under a routine load (bench/profile-rasa.txt, issue 16) put most of
a turn's CPU into the two action-server calls each routine turn makes
(action_validate_slot_mappings and the answer), not into understanding or deciding:

1. **The answer's schema check.** `RemoteAction._validate_action_result` calls
   `jsonschema.validate(result, schema)`, which checks the large, constant events schema
   against JSON Schema's metaschema and builds a new validator and `$ref` resolver on every
   call: 16 ms of CPU per call here, about half of Rasa's time. The replacement validates
   every answer against the same schema with a validator built once (0.5 ms) and raises the
   same `ValidationError` with Rasa's hint, which Rasa turns into a failed action as before.

2. **The whole domain in every call.** Rasa 3.6 serialises `domain.as_dict()` (~140 KB with
   the FAQ answers) into every call and the action server parses it again. rasa-sdk 3.2x
   keeps the last domain it was sent with a `domain_digest`, and answers 449 when a call has
   neither a domain nor a digest it knows (Rasa Pro's protocol; Rasa 3.6 does not speak it).
   Here each call carries the digest, the domain goes along until that action server has
   answered a call that carried it, and a 449 (an action server that restarted, or another
   replica) is answered by the same call again with the domain. The actions get the same
   domain dict either way.

`install()` puts both in place. rasa_channels/gateway_rest.py calls it: it is the module
`rasa run` loads from credentials.yml before it serves anything. Rasa is pinned at 3.6.21
(requirements-rasa.lock), the version whose methods these replace; `install()` refuses
another.
"""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from typing import Any

import rasa
from jsonschema import validators
from jsonschema.exceptions import best_match
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.shared.core.trackers import EventVerbosity
from rasa.shared.exceptions import RasaException
from rasa.utils.endpoints import ClientResponseError

RASA_VERSION = "3.6.21"
MISSING_DOMAIN = 449  # rasa-sdk: "send the domain again"
HINT = (". Failed to validate Action server response from API, make sure your response from "
        "the Action endpoint is valid. For more information about the format visit "
        f"{DOCS_BASE_URL}/custom-actions")

_original_run = RemoteAction.run
# (action server URL, domain digest) pairs whose server has answered a call with that domain
_known: set[tuple[str, str]] = set()
_domain_cache: dict[str, Any] = {}


@lru_cache(maxsize=1)
def _validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    cls = validators.validator_for(schema)
    cls.check_schema(schema)  # once, as jsonschema.validate did on every call
    return cls(schema)


def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    error = best_match(_validator().iter_errors(result))
    if error is not None:
        error.message += HINT
        raise error
    return True


def domain_payload(domain: Any) -> tuple[dict, str]:
    """The domain as Rasa sends it and its digest, worked out once per loaded domain."""
    if _domain_cache.get("domain") is not domain:  # a new model brings a new Domain object
        as_dict = domain.as_dict()
        digest = hashlib.sha256(json.dumps(as_dict, sort_keys=True, default=str).encode())
        _domain_cache.update(domain=domain, as_dict=as_dict, digest=digest.hexdigest())
    return _domain_cache["as_dict"], _domain_cache["digest"]


def _key(action: RemoteAction, digest: str) -> tuple[str, str]:
    return (str(getattr(action.action_endpoint, "url", "")), digest)


def _action_call_format(self: RemoteAction, tracker: Any, domain: Any) -> dict[str, Any]:
    as_dict, digest = domain_payload(domain)
    result = {"next_action": self._name, "sender_id": tracker.sender_id,
              "tracker": tracker.current_state(EventVerbosity.ALL),
              "version": rasa.__version__, "domain_digest": digest}
    if _key(self, digest) not in _known:
        result["domain"] = as_dict
    return result


def _missing_domain(error: BaseException) -> bool:
    cause = error.__cause__
    return isinstance(cause, ClientResponseError) and cause.status == MISSING_DOMAIN


async def _run(self: RemoteAction, output_channel, nlg, tracker, domain) -> list:
    key = _key(self, domain_payload(domain)[1])
    try:
        events = await _original_run(self, output_channel, nlg, tracker, domain)
    except RasaException as error:
        if not _missing_domain(error):
            raise
        _known.discard(key)  # that server has no (or another) domain: the call again, with it
        events = await _original_run(self, output_channel, nlg, tracker, domain)
    _known.add(key)
    return events


def install() -> None:
    if rasa.__version__ != RASA_VERSION:
        raise RuntimeError(f"rasa_channels.action_calls replaces methods of Rasa {RASA_VERSION}, "
                           f"not {rasa.__version__}: check them against the new version")
    RemoteAction._validate_action_result = _validate_action_result
    RemoteAction._action_call_format = _action_call_format
    RemoteAction.run = _run
