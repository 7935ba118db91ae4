"""Tests for the rules layer of the safety screen (bot/triage/rules.py, normalize.py).

Pure Python: no Rasa, no database. The labelled set is tests/triage_cases.tsv
(expect, category, lang, kind, text):

* expect=handoff: scan() must give at least one non-negated hit (rules-alone
  recall >= 0.95 over these rows);
* expect=routine: any non-negated hit is a false handoff (rate <= 0.03);
* expect=review:  a negated hit and no non-negated hit ("ik ben niet suïcidaal, ...").
"""
from __future__ import annotations

import csv
import time
from collections import defaultdict
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from bot.triage.normalize import normalize
from bot.triage.rules import RULE_IDS, RuleHit, scan

CASES = Path(__file__).resolve().parent / "triage_cases.tsv"
HEADER = ["expect", "category", "lang", "kind", "text"]
EXPECTS = {"handoff", "routine", "review"}
CATEGORIES = {"crisis", "end_of_life_request", "device_safety", "routine"}
KINDS = {"direct", "indirect", "misspelled", "speech", "negated", "idiom", "third_party",
         "hypothetical", "quoted", "confusable", "routine"}
HIT_CATEGORIES = {"crisis", "end_of_life_request", "device_safety"}


def load_cases() -> list[dict]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header == HEADER, f"unexpected header {header}"
        rows = [dict(zip(HEADER, row)) for row in reader if row]
    return rows


ROWS = load_cases()


def live(hits: list[RuleHit]) -> list[RuleHit]:
    return [hit for hit in hits if not hit.negated]


def caught(text: str) -> bool:
    return bool(live(scan(text)))


def breakdown(rows: list[dict], ok) -> str:
    """Per category / language / kind rates plus the failing texts, for assert messages."""
    table: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
    failures = []
    for row in rows:
        good = ok(row)
        for key in (("category", row["category"]), ("lang", row["lang"]), ("kind", row["kind"]),
                    ("category+lang", f'{row["category"]}/{row["lang"]}')):
            table[key][0] += good
            table[key][1] += 1
        if not good:
            hits = [(h.rule, h.negated) for h in scan(row["text"])]
            failures.append(f'  [{row["category"]}/{row["lang"]}/{row["kind"]}] {row["text"]!r} -> {hits}')
    lines = [f"  {dim}={name}: {n_ok}/{n} = {n_ok / n:.3f}" for (dim, name), (n_ok, n) in sorted(table.items())]
    return "\n".join(lines + ["failures:"] + failures)


# --------------------------------------------------------------------------
# The data set itself
# --------------------------------------------------------------------------
def test_dataset_shape():
    assert len(ROWS) >= 320, f"only {len(ROWS)} labelled rows"
    assert {r["lang"] for r in ROWS} == {"nl", "en"}
    assert {r["kind"] for r in ROWS} == KINDS, f"missing kinds: {KINDS - {r['kind'] for r in ROWS}}"
    for row in ROWS:
        assert row["expect"] in EXPECTS, row
        assert row["category"] in CATEGORIES, row
        assert row["kind"] in KINDS, row
        assert row["text"].strip(), row
        assert (row["expect"] == "routine") == (row["category"] == "routine"), row
    texts = [r["text"].strip().lower() for r in ROWS]
    assert len(texts) == len(set(texts)), "duplicate texts in the data set"
    counts = {e: sum(r["expect"] == e for r in ROWS) for e in EXPECTS}
    # roughly 45% handoff, 45% routine, 10% review
    assert 0.35 <= counts["handoff"] / len(ROWS) <= 0.55, counts
    assert 0.35 <= counts["routine"] / len(ROWS) <= 0.55, counts
    assert 0.05 <= counts["review"] / len(ROWS) <= 0.15, counts
    for lang in ("nl", "en"):
        for expect in EXPECTS:
            assert any(r["lang"] == lang and r["expect"] == expect for r in ROWS), (lang, expect)


# --------------------------------------------------------------------------
# Rates over the data set
# --------------------------------------------------------------------------
def test_handoff_recall():
    rows = [r for r in ROWS if r["expect"] == "handoff"]
    hits = sum(caught(r["text"]) for r in rows)
    recall = hits / len(rows)
    assert recall >= 0.95, f"rules-alone recall {recall:.3f} < 0.95\n" + breakdown(
        rows, lambda r: caught(r["text"]))


def test_false_handoff_rate():
    rows = [r for r in ROWS if r["expect"] == "routine"]
    false = sum(caught(r["text"]) for r in rows)
    rate = false / len(rows)
    assert rate <= 0.03, f"false-handoff rate {rate:.3f} > 0.03\n" + breakdown(
        rows, lambda r: not caught(r["text"]))


def _review_ok(row: dict) -> bool:
    hits = scan(row["text"])
    return any(h.negated for h in hits) and not live(hits)


def test_review_rows_are_negated_only():
    rows = [r for r in ROWS if r["expect"] == "review"]
    bad = [r for r in rows if not _review_ok(r)]
    assert not bad, f"{len(bad)} review rows wrong\n" + breakdown(rows, _review_ok)


# --------------------------------------------------------------------------
# Interface
# --------------------------------------------------------------------------
def test_interface():
    assert scan("") == []
    assert scan("   ") == []
    assert scan("Ik wil graag mijn adres wijzigen") == []
    hits = scan("ik wil dood")
    assert hits and isinstance(hits[0], RuleHit)
    with pytest.raises(FrozenInstanceError):
        hits[0].negated = True  # type: ignore[misc]
    for row in ROWS:
        for hit in scan(row["text"]):
            assert hit.category in HIT_CATEGORIES, hit
            assert hit.rule in RULE_IDS, hit
            assert hit.rule.split(".")[0] in {"crisis", "eol", "device"}, hit
            assert isinstance(hit.negated, bool)


def test_most_severe_first():
    hits = scan("De pomp is heet geworden en ik wil dood")
    assert {h.category for h in hits} == {"crisis", "device_safety"}
    assert hits[0].category == "crisis"
    # un-negated hits come before negated ones
    hits = scan("Ik ben niet suïcidaal, maar ik heb een brandwond van de pomp")
    assert not hits[0].negated and hits[0].category == "device_safety"
    assert any(h.negated for h in hits)


def test_speed():
    texts = [r["text"] for r in ROWS]
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for text in texts:
            scan(text)
        best = min(best, (time.process_time() - start) / len(texts))
    assert best < 0.001, f"scan takes {best * 1000:.3f} ms per utterance"


# --------------------------------------------------------------------------
# The hard cases named in the specification
# --------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "ik wil niet meer",
    "Ik wil niet meer leven",
    "ik wil niet meer wakker worden",
    "ik zie het niet meer zitten",
    "Ik wil er niet meer zijn",
    "ik wil dood",
    "ik wil er een eind aan maken",
    "ik ben bang dat ik mezelf iets aandoe",
    "ik heb een afscheidsbrief geschreven",
    "I want to kill myself",
    "I just want to end it all",
    "I don't want to wake up",
    "life is not worth living",
    "I keep hurting myself",
    "mijn man wil dood",
    "my son talks about killing himself",
    "my friend said 'I want to kill myself' as a joke",
    "what if someone says they want to die",
    "ik wil nie meer",
    "kms",
    "ik denk aan zelfmoort",
    "ik ben suisidaal",
])
def test_crisis_hits(text):
    hits = live(scan(text))
    assert hits and hits[0].category == "crisis", (text, scan(text))


@pytest.mark.parametrize("text", [
    "ik wil euthanasie",
    "help me dood te gaan",
    "ik wil dat u mijn leven beëindigt",
    "Ik lijd ondraaglijk, het moet stoppen",
    "I want euthanasia now",
    "please help me die",
])
def test_end_of_life_request_hits(text):
    hits = live(scan(text))
    assert any(h.category == "end_of_life_request" for h in hits), (text, scan(text))


@pytest.mark.parametrize("text", [
    "Mijn pomp geeft een occlusie alarm en mijn suiker is 22",
    "de pomp geeft geen insuline meer",
    "my sugar is 450 and I keep vomiting",
    "ik heb ketonen en ik moet overgeven",
    "Ik heb een zware hypo",
    "mijn vrouw is bewusteloos",
    "hij kan niet meer wakker worden",
    "my daughter is having a seizure",
    "de pomp heeft te veel insuline gegeven",
    "the pump gave me a double bolus",
    "de patch is gloeiend heet en ik heb een brandwond",
    "er komt rook uit de lader",
    "the charger caught fire",
    "the pod melted",
    "there were sparks from the pump",
    "mijn zoon heeft het dopje van de patch ingeslikt",
    "my toddler swallowed a piece of the pod",
    "de naald is afgebroken en zit nog in mijn huid",
    "part of the cannula is still under my skin",
    "ik gebruik de pomp van de veiligheidsmelding nog en ik ben misselijk",
    "my glucose is 1.9 and I'm confused",
])
def test_device_safety_hits(text):
    hits = live(scan(text))
    assert any(h.category == "device_safety" for h in hits), (text, scan(text))


@pytest.mark.parametrize("text", [
    # routine objects after "ik wil niet meer"
    "ik wil niet meer doneren",
    "ik wil niet meer gebeld worden",
    "ik wil niet meer gemaild worden",
    "ik wil niet meer per maand betalen",
    "ik wil niet meer per post benaderd worden",
    "ik wil niet meer geven",
    "ik wil niet meer lid zijn",
    "ik wil niet meer Vriend zijn",
    "ik wil niet meer met die pomp",
    "ik wil de machtiging niet meer",
    "ik kan niet meer inloggen",
    # idioms
    "dit wachten is om dood te gaan",
    "ik ben doodmoe",
    "ik lach me dood",
    "de batterij is dood",
    "I'm dying to know how it works",
    "this queue is killing me",
    "my kids are killing me",
    "my battery is dead",
    "I'm bored to death",
    # bereavement and information
    "mijn moeder is overleden, ze was donateur",
    "hoe werkt euthanasie?",
    "wat doet het expertisecentrum?",
    "my father asked about the clinic's waiting list",
    "Wat is ondraaglijk lijden volgens de wet?",
    "Doet het expertisecentrum ook hulp bij zelfdoding?",
    # device questions
    "how hot can the pump get in the sun?",
    "wat betekent het occlusie alarm?",
    "Valt mijn pomp onder de FSN?",
    "what does the field safety notice mean?",
    "mijn suiker is 8,5, is dat goed?",
])
def test_routine_confusables_do_not_hit(text):
    assert not live(scan(text)), (text, scan(text))


@pytest.mark.parametrize("text", [
    "ik ben niet suïcidaal, ik wil alleen mijn adres wijzigen",
    "I'm not going to kill myself",
    "ik heb geen zelfmoordgedachten",
    "I am not suicidal",
    "ik ga mezelf niets aandoen",
    "ik wil niet dood, ik wil een nieuwe pomp",
    "zelfmoord is voor mij geen optie",
    "I'm not saying I want to die, the wait is just long",
])
def test_negated_signals_are_marked(text):
    hits = scan(text)
    assert hits, text
    assert all(h.negated for h in hits), (text, hits)


@pytest.mark.parametrize("text", [
    "ik ben niet suïcidaal, maar ik wil wel dood",
    "I'm not suicidal but I took all my pills",
    "ik heb geen zelfmoordgedachten maar mijn zoon heeft het dopje ingeslikt",
    "I'm not going to kill myself. I just want to end it all",
])
def test_negated_plus_other_signal_hands_off(text):
    hits = scan(text)
    assert live(hits), (text, hits)
    assert any(h.negated for h in hits), (text, hits)


def test_negation_does_not_leak_across_clauses():
    assert live(scan("ik weet het niet ik wil gewoon dood"))
    assert live(scan("I don't know what to do, I want to die"))
    assert live(scan("ik kan niet stoppen met denken aan zelfmoord"))
    assert live(scan("I no longer want to live"))


# --------------------------------------------------------------------------
# normalize()
# --------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("Ik ben SUÏCIDAAL", "ik ben suicidaal"),
    ("neeeee", "nee"),
    ("ik wil dooooood", "ik wil dood"),
    ("i wanna dieeee", "i want to die"),
    ("zelfmoort", "zelfmoord"),
    ("zelfmoordt", "zelfmoord"),
    ("zelf moord gedachtes", "zelfmoord gedachten"),
    ("suisidaal", "suicidaal"),
    ("sucidal", "suicidal"),
    ("thinking about sucide", "thinking about suicide"),
    ("ik wil nie meer", "ik wil niet meer"),
    ("'k wil d'r niet meer zijn", "ik wil er niet meer zijn"),
    ("m'n leven", "mijn leven"),
    ("kms", "kill myself"),
    ("im gonna kil myslef", "i am going to kill myself"),
    ("I don't want to live", "i do not want to live"),
    ("i dont wanna", "i do not want to"),
    ("I can't go on", "i cannot go on"),
    ("I won't", "i will not"),
    ("i want 2 die", "i want to die"),
    ("I took to many pills", "i took too many pills"),
    ("ik heb een over dosis genomen", "ik heb een overdosis genomen"),
    ("self-harm", "self harm"),
    ("ik wil me zelf wat aandoen", "ik wil mezelf wat aandoen"),
    ("eutanasie", "euthanasie"),
    ("youth in asia", "euthanasia"),
    ("Wat betekent het “occlusie”-alarm?", "wat betekent het occlusie alarm ."),
    ("suiker 3,2!", "suiker 3.2 ."),
    ("mijn suiker is zesentwintig", "mijn suiker is 26"),
    ("twee komma een", "2.1"),
    ("my sugar is two point one", "my sugar is 2.1"),
    ("twenty four", "24"),
    ("  lots   of\tspace\n", "lots of space"),
    ("", ""),
])
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_normalize_is_idempotent_on_dataset():
    for row in ROWS:
        once = normalize(row["text"])
        assert normalize(once) == once, row["text"]
        assert once.isascii(), row["text"]
