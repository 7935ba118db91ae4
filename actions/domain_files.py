"""The assistant's domain as the action server needs it: read once from domain/*.yml.

Rasa sends its whole domain (every response in both languages, ~140 FAQ answers among them)
with each action call unless endpoints.yml enables `enable_selective_domain`; then only the
form validators (`validate_*`) get it. The other actions need only the names of the
responses and slots, which are the same files the model was trained from.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import yaml

DOMAIN_DIR = Path(__file__).resolve().parent.parent / "domain"


@lru_cache(maxsize=4)
def _read(directory: str) -> tuple[frozenset[str], frozenset[str]]:
    responses: set[str] = set()
    slots: set[str] = set()
    for path in sorted(Path(directory).glob("*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        responses.update(data.get("responses") or {})
        slots.update(data.get("slots") or {})
    return frozenset(responses), frozenset(slots)


def _directory() -> str:
    return os.environ.get("DOMAIN_DIR", str(DOMAIN_DIR))


def response_names() -> frozenset[str]:
    return _read(_directory())[0]


def slot_names() -> frozenset[str]:
    return _read(_directory())[1]


def known_response(name: str, otherwise: str = "utter_default") -> str:
    """`name` if the domain has that response, else `otherwise`."""
    return name if name in response_names() else otherwise
