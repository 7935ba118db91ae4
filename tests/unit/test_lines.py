"""lines.yml and the responses that quote it: every placeholder has a value, numbers are exact."""
from __future__ import annotations

import re

import yaml

from core.lines import load
from tools.stack import ROOT

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def responses() -> dict:
    merged = {}
    for path in (ROOT / "domain").glob("*.yml"):
        merged.update(yaml.safe_load(path.read_text(encoding="utf-8")).get("responses") or {})
    return merged


def domain_slots() -> set[str]:
    slots = set()
    for path in (ROOT / "domain").glob("*.yml"):
        slots.update((yaml.safe_load(path.read_text(encoding="utf-8")).get("slots") or {}).keys())
    return slots


def test_public_emergency_numbers_are_exact():
    lines = load(ROOT / "lines.yml")
    assert lines.safety["emergency_number"] == "112"
    assert lines.safety["crisis_line_short"] == "113"
    assert lines.safety["crisis_line_free"] == "0800-0113"
    assert lines.safety["crisis_line_name"] == "113 Zelfmoordpreventie"


def test_two_demo_lines_one_per_domain():
    lines = load(ROOT / "lines.yml")
    assert {line.domain for line in lines.lines} == {"donor", "device"}
    assert lines.get(None).id == "vrienden"
    for line in lines.lines:
        assert line.greeting["nl"] and line.greeting["en"]
        assert "digitale assistent" in line.greeting["nl"]


def test_every_line_fills_every_placeholder_used_in_a_response():
    used = {name for variations in responses().values() for v in variations
            for name in PLACEHOLDER.findall(v.get("text", ""))}
    # values the back-office actions pass with the response (actions/verify.py, apply.py, ...)
    action_filled = {"serial", "status", "amount", "iban_end", "expected", "frequency", "until",
                     "item", "reference", "email", "year", "contact", "max", "address",
                     "number", "quantity", "months"}
    source = "".join(path.read_text(encoding="utf-8")
                     for path in sorted((ROOT / "actions").glob("*.py")))
    passed = [name for name in action_filled
              if re.search(rf'(\b{name}=|"{name}":)', source)]
    assert sorted(passed) == sorted(action_filled)
    used -= action_filled
    slots = domain_slots()
    assert used <= slots, f"placeholders without a slot: {used - slots}"
    form_slots = {"new_amount", "frequency_label", "new_street", "new_postcode", "new_city",
                  "complaint_description"}
    for line in load(ROOT / "lines.yml").lines:
        for language in ("nl", "en"):
            values = line.slots(language)
            missing = used - form_slots - set(values)
            assert not missing, f"{line.id}/{language}: no value for {missing}"


def test_every_response_exists_in_dutch_and_english():
    for name, variations in responses().items():
        if name.startswith("utter_language_switched_"):
            continue  # one language each by design
        english = [v for v in variations if v.get("condition") == [
            {"type": "slot", "name": "language", "value": "en"}]]
        dutch = [v for v in variations if not v.get("condition")]
        assert dutch and english, f"{name} lacks a Dutch default or an English variation"


def test_safety_responses_quote_the_emergency_numbers():
    texts = responses()
    for name in ("utter_safety_crisis", "utter_safety_end_of_life_request"):
        for variation in texts[name]:
            for slot in ("{emergency_number}", "{crisis_line_short}", "{crisis_line_free}"):
                assert slot in variation["text"], (name, slot)
    for variation in texts["utter_safety_device_emergency"]:
        assert "{emergency_number}" in variation["text"] and "{emergency_line}" in variation["text"]


def test_opening_hours_read_naturally():
    lines = load(ROOT / "lines.yml")
    assert lines.get("vrienden").hours_text("nl") == (
        "maandag tot en met vrijdag van 09:00 tot 17:00")
    assert lines.get("pomp").hours_text("en") == (
        "Monday to Friday from 08:00 to 20:00 and Saturday from 10:00 to 16:00")
