"""The action server reads response and slot names from domain/*.yml (selective domain)."""
from __future__ import annotations

import pytest
import yaml

from actions.domain_files import DOMAIN_DIR, known_response, response_names, slot_names
from tools.faq import entries

pytestmark = pytest.mark.unit


def test_every_response_and_slot_of_the_domain_files_is_known():
    responses, slots = set(), set()
    for path in DOMAIN_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        responses |= set(data.get("responses") or {})
        slots |= set(data.get("slots") or {})
    assert response_names() == responses
    assert slot_names() == slots
    assert {"language", "line_id", "line_domain"} <= slot_names()


def test_every_faq_entry_has_its_response():
    assert {f"utter_faq/{entry['id']}" for entry in entries()} <= response_names()


def test_an_unknown_response_falls_back():
    assert known_response("utter_donor_tax_deduction") == "utter_donor_tax_deduction"
    assert known_response("utter_no_such_thing") == "utter_default"
    assert known_response("utter_no_such_thing", "utter_other_line") == "utter_other_line"


def test_rasa_sends_the_domain_only_to_the_form_validators():
    endpoints = yaml.safe_load((DOMAIN_DIR.parent / "endpoints.yml").read_text())
    assert endpoints["action_endpoint"]["enable_selective_domain"] is True
