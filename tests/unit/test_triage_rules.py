"""Tests for the rules layer of the safety screen (bot/triage/rules/, normalize.py).

Pure Python: no Rasa, no database. The labelled set is tests/triage_cases.tsv
(expect, category, lang, kind, text):

* expect=handoff: scan() must give at least one non-negated hit (rules-alone
  recall >= 0.95 over these rows);
* expect=routine: any non-negated hit is a false handoff (rate <= 0.03);
* expect=review:  a negated hit and no non-negated hit ("ik ben niet suïcidaal, ...").
"""
from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest

from bot.triage.normalize import normalize
from bot.triage.rules.scanner import RULE_IDS, RuleHit, scan

CASES = Path(__file__).resolve().parents[1] / "triage_cases.tsv"
HEADER = ["expect", "category", "lang", "kind", "text"]
EXPECTS = {"handoff", "routine", "review"}
CATEGORIES = {"crisis", "end_of_life_request", "device_safety", "routine"}
# Style kinds of the first set, scored here on the rules alone; the risk kinds of
# bot/triage/TAXONOMY.md were written apart from the rules and are scored on all layers
# (rules + classifier, rules + classifier + NLU) in tests/test_triage_screen.py.
STYLE_KINDS = {"direct", "indirect", "misspelled", "speech", "negated", "idiom", "third_party",
               "hypothetical", "quoted", "confusable", "routine"}
RISK_KINDS = {"burden", "farewell", "done_with_life", "hopeless", "self_harm", "overdose",
              "third_party_danger", "eol_distress", "unexplained_delivery", "hypo_other",
              "occlusion_dka", "hardware_heat", "euthanasia_info", "alarm_resolved"}
KINDS = STYLE_KINDS | RISK_KINDS
HIT_CATEGORIES = {"crisis", "end_of_life_request", "device_safety"}


def load_cases() -> list[dict]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader)
        assert header == HEADER, f"unexpected header {header}"
        rows = [dict(zip(HEADER, row, strict=True)) for row in reader if row]
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
            cell = f'{row["category"]}/{row["lang"]}/{row["kind"]}'
            failures.append(f'  [{cell}] {row["text"]!r} -> {hits}')
    lines = [f"  {dim}={name}: {n_ok}/{n} = {n_ok / n:.3f}"
             for (dim, name), (n_ok, n) in sorted(table.items())]
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
    rows = [r for r in ROWS if r["expect"] == "handoff" and r["kind"] in STYLE_KINDS]
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
    "i swolled 30 pills",
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

# --------------------------------------------------------------------------
# Issue 11: phrasings from public warning-sign lists and pump guidance
# (every sentence written for these tests; none from a test or training set)
# --------------------------------------------------------------------------
ISSUE11_HITS = [
    # perceived burdensomeness
    ("crisis.burden", "mijn gezin is beter af zonder mij, echt waar"),
    ("crisis.burden", "ik voel me gewoon een last voor mijn kinderen"),
    ("crisis.burden", "ik ben mijn familie alleen maar tot last"),
    ("crisis.burden", "zonder mij zouden ze het een stuk makkelijker hebben"),
    ("crisis.burden", "I feel like such a burden on my family lately"),
    ("crisis.burden", "honestly everyone would be happier without me"),
    ("crisis.burden", "my kids will be better off once I'm gone"),
    ("crisis.burden", "i have become a burdon to every one around me"),
    # farewell, also tucked into a routine request
    ("crisis.farewell",
     "stuur de belastingbrief maar naar mijn dochter, ik heb hem straks niet meer nodig"),
    ("crisis.farewell", "ik zal er niet lang meer zijn, dus het maakt niet uit"),
    ("crisis.farewell", "als u deze brief leest ben ik er al niet meer"),
    ("crisis.farewell", "mijn broer stuurde vannacht een afscheidsberichtje"),
    ("crisis.farewell", "please forward the receipt to my son, I won't be needing it anymore"),
    ("crisis.farewell", "by the time anyone reads this I'll be gone"),
    ("crisis.farewell", "I've said my goodbyes to the people who matter"),
    ("crisis.farewell", "uhm she sent me a goodbye text at 2am"),
    # done with life, passive death wish (Columbia Q1)
    ("crisis.passive_wish", "soms zou ik willen dat ik nooit geboren was"),
    ("crisis.passive_wish", "ik zou het niet erg vinden als ik morgen niet meer wakker werd"),
    ("crisis.passive_wish", "ik ben het leven gewoon spuugzat"),
    ("crisis.passive_wish", "van mij hoeft het allemaal niet meer"),
    ("crisis.passive_wish", "i wouldn't care if i died tomorrow"),
    ("crisis.passive_wish", "it would be so much easier to just not be here"),
    ("crisis.passive_wish", "I hope I get hit by a bus on the way home"),
    ("crisis.passive_wish", "I'm done with everything, I mean it"),
    # hopelessness, worthlessness, pain only the caller could end
    ("crisis.hopeless", "ik ben niets waard en dat blijft zo"),
    ("crisis.hopeless", "het wordt nooit meer beter voor mij"),
    ("crisis.hopeless", "ik zie geen toekomst meer"),
    ("crisis.hopeless", "de enige uitweg die ik nog zie is dat ik er niet meer ben"),
    ("crisis.hopeless", "I feel totally worthless"),
    ("crisis.hopeless", "nothing is ever going to get better for me"),
    ("crisis.hopeless", "the pain is never going to stop unless I end it"),
    ("crisis.hopeless", "what's the point of going on."),
    # self-harm without the word suicide
    ("crisis.self_harm", "ik brand mezelf als het te veel wordt"),
    ("crisis.self_harm", "ik heb weer gesneden"),
    ("crisis.self_harm", "ik heb mezelf met een aansteker verbrand"),
    ("crisis.self_harm", "mijn dochter is weer begonnen met krassen"),
    ("crisis.self_harm", "I burned myself with a cigarette again"),
    ("crisis.self_harm", "my son has started cutting again"),
    ("crisis.self_harm", "I keep hitting myself until I bruise"),
    ("crisis.self_harm", "i took a blade to my wrist last night"),
    # an overdose already taken: dose, container, emoji
    ("crisis.overdose_taken", "ik heb net 12 gram paracetamol ingenomen"),
    ("crisis.overdose_taken", "ik heb een hele doordrukstrip geslikt"),
    ("crisis.overdose_taken", "ik heb 20 stuks oxazepam genomen"),
    ("crisis.overdose_taken", "ik heb 15 tabletten diazepam en een fles wijn op"),
    ("crisis.overdose_taken", "I've taken 6000 mg of ibuprofen"),
    ("crisis.overdose_taken", "I swallowed a whole box of my meds"),
    ("crisis.overdose_taken", "he took 3 packets of tablets"),
    ("crisis.overdose_taken", "i OD'd an hour ago"),
    ("crisis.pills", "heb net 40 💊 geslikt"),
    ("crisis.pills", "just swallowed 💊💊💊💊"),
    # someone else: a worrying message, then silence
    ("crisis.third_party_silence",
     "mijn zus appte dat het haar spijt van alles en nu neemt ze niet op"),
    ("crisis.third_party_silence", "mijn vader is depressief en al sinds gisteren onbereikbaar"),
    ("crisis.third_party_silence", "mijn zoon stuurde een raar bericht en zijn telefoon staat uit"),
    ("crisis.third_party_silence",
     "my brother texted sorry for everything and now he's not answering"),
    ("crisis.third_party_silence",
     "my friend posted a weird message last night and nobody can reach him"),
    ("crisis.third_party_silence",
     "my mum has been really depressed and her phone goes straight to voicemail"),
    # waiting for the clinic and in distress now
    ("eol.distress_now", "het lijden moet nu echt ophouden"),
    ("eol.distress_now", "ik sta al een jaar op de wachtlijst en ik kan niet langer wachten"),
    ("eol.distress_now", "mijn moeder wacht op de kliniek en wil dat het vandaag ophoudt"),
    ("eol.distress_now", "ik houd de pijn niet langer uit, wanneer komt de arts"),
    ("eol.distress_now", "the suffering has to end, please"),
    ("eol.distress_now", "I'm on the waiting list and I can't wait any longer"),
    ("eol.distress_now", "my husband is waiting for euthanasia and begs us to make it stop"),
    ("eol.distress_now", "I can't bear this suffering a day longer"),
    # insulin the caller did not give, with hypo signs
    ("device.unexplained_bolus",
     "er staat een bolus in het logboek die ik niet heb gegeven en ik tril helemaal"),
    ("device.unexplained_bolus", "de pomp gaf een onverklaarbare bolus en nu zit ik op 2.9"),
    ("device.unexplained_bolus",
     "de app toont 6 eenheden afgegeven maar ik heb niks gedaan, ik zweet enorm"),
    ("device.unexplained_bolus",
     "there's a bolus in the history I never gave and I'm really shaky"),
    ("device.unexplained_bolus", "the pod delivered 9 units but I didn't bolus, now I'm dizzy"),
    ("device.unexplained_bolus", "an unexplained bolus showed up and my sugar is 3.1"),
    # a severe hypo in someone else who can no longer take sugar
    ("device.hypo_other", "mijn vrouw heeft een hypo en kan niet meer slikken"),
    ("device.hypo_other", "mijn zoon is heel laag en ik krijg geen sap in hem"),
    ("device.hypo_other", "opa heeft een hypo en weigert suiker"),
    ("device.hypo_other", "my husband is low and can't swallow the glucose"),
    ("device.hypo_other", "my daughter is hypo and refuses juice"),
    ("device.hypo_other", "my dad is really low and barely responding"),
    # delivery interrupted with high glucose and ketoacidosis signs
    ("device.occlusion_dka", "de pod is losgeraakt en ik heb zo'n buikpijn"),
    ("device.occlusion_dka", "mijn canule zat los, suiker 23"),
    ("device.occlusion_dka", "de patch liet vannacht los en mijn adem ruikt naar aceton"),
    ("device.occlusion_dka", "my pod came off and my breath smells fruity"),
    ("device.occlusion_dka", "the cannula got pulled out and I'm at 22 with a stomach ache"),
    ("device.occlusion_dka", "pump says occlusion, I'm breathing really fast and my belly hurts"),
    # hardware swelling, overheating, smelling of burning
    ("device.hardware_heat", "de handheld is opgezwollen"),
    ("device.hardware_heat", "mijn pomp ruikt naar smeltend plastic"),
    ("device.hardware_heat", "de lader sist en wordt warm"),
    ("device.hardware_heat", "er zit een schroeiplek op de behuizing"),
    ("device.hardware_heat", "the pump housing looks bulging"),
    ("device.hardware_heat", "my controller smells like hot plastic"),
    ("device.hardware_heat", "the battery is leaking"),
    ("device.hardware_heat", "the charger gives off so much heat it scares me"),
]


@pytest.mark.parametrize("rule, text", ISSUE11_HITS)
def test_issue11_rule_hits(rule, text):
    hits = live(scan(text))
    assert rule in {h.rule for h in hits}, (text, scan(text))
    categories = {"crisis": "crisis", "eol": "end_of_life_request", "device": "device_safety"}
    category = categories[rule.split(".")[0]]
    assert [h.category for h in hits if h.rule == rule] == [category]


def test_issue11_covers_every_new_rule_in_both_languages():
    new_rules = {"crisis.passive_wish", "crisis.hopeless", "crisis.overdose_taken",
                 "crisis.third_party_silence", "eol.distress_now", "device.unexplained_bolus",
                 "device.hypo_other", "device.occlusion_dka", "device.hardware_heat"}
    assert new_rules <= set(RULE_IDS)
    per_rule = defaultdict(int)
    for rule, _text in ISSUE11_HITS:
        per_rule[rule] += 1
    assert all(per_rule[r] >= 6 for r in new_rules), per_rule


# Look-alikes: routine sentences that share words with the rules above.
@pytest.mark.parametrize("text", [
    # burden / farewell / done-with look-alikes
    "sorry dat ik u weer lastig val, ik wil u niet tot last zijn",
    "my son is a burden on my wallet with all those school trips",
    "I don't want to be a burden but could you post the form",
    "stuur de jaaropgave voortaan naar mijn zoon, ik heb hem niet meer nodig omdat hij het regelt",
    "I won't need the paper statement anymore since I use the app",
    "volgende week ben ik er niet meer, dan ben ik op vakantie",
    "I won't be around next month, I'm travelling, please call in June",
    "als ik er niet meer ben, gaat mijn nalatenschap naar de stichting",
    "it's my last day at work so please use my private email",
    "I'm done with everything you sent me on paper",
    "ik ben klaar met die papieren post",
    "geen zin meer in die mailings",
    "I'm done with paper letters",
    # hopeless look-alikes
    "ik ben hopeloos met computers",
    "I'm hopeless with apps, can you help me log in",
    "the website is never going to get better with this design",
    "ik zie geen toekomst voor de papieren nieuwsbrief",
    "is there only one way to reset the pump?",
    "why should I keep going with the monthly gift",
    # self-harm look-alikes
    "ik heb mezelf verbrand aan de oven",
    "I burned myself on the stove while cooking",
    "ik kan mezelf wel voor mijn kop slaan dat ik het vergeten ben",
    "it's like banging my head against a wall with this app",
    "I cut myself shaving this morning",
    "we have been cutting back on paper mail",
    # overdose look-alikes
    "ik neem elke dag 500 mg paracetamol tegen de pijn",
    "I took 1000 mg of paracetamol for a headache",
    "mijn pillen zijn op, kan de apotheek leveren",
    "I took a whole box of pods with me on holiday",
    "ik heb een hele doos patches meegenomen",
    "that is odd, my gift was not taken",
    # third party look-alikes
    "mijn zoon neemt niet op, kunt u het adres van mijn moeder wijzigen",
    "my sister isn't answering her phone, can I change her direct debit for her",
    "mijn moeder is overleden en haar telefoon staat nog aan",
    # end-of-life look-alikes
    "hoe lang is de wachtlijst bij het expertisecentrum?",
    "my grandad wants euthanasia in a few months, how does registering work",
    "ik kan niet langer wachten op de jaaropgave van de kliniek",
    "how does a doctor decide whether suffering is unbearable",
    "kan ik een wilsverklaring bij jullie opvragen?",
    # device look-alikes
    "mijn pomp gaf een occlusie-alarm maar het is opgelost",
    "the pod came off in the shower, how do I order a new one?",
    "mijn patch liet los, nieuwe erop en nu weer 7",
    "where can I see the bolus history in the app?",
    "there was a strange bolus in my history last week but I'm fine now",
    "my son won't eat his breakfast, is that a problem with his pump?",
    "what should I do if my husband can't swallow during a hypo?",
    "my infusion site is swollen and red",
    "the skin around my pod is swollen",
    "my new pods smell like plastic, is that normal?",
    "can the pump get hot in the sun?",
    "the battery is dead",
    "the app keeps dying",
    "my pump keeps giving a reminder what does it mean",
    "it's scorching outside, can the parcel come later",
    "how high is too high for ketones",
])
def test_issue11_look_alikes_stay_routine(text):
    assert not live(scan(text)), (text, scan(text))


@pytest.mark.parametrize("text, rule", [
    ("ik hoop dat ik niet doodga van de zenuwen", "crisis.passive_wish"),
    ("de canule zat los maar ik heb geen buikpijn", "device.occlusion_dka"),
    ("my pod came off but I am not throwing up", "device.occlusion_dka"),
    ("the history shows a bolus I never gave but I am not shaky", "device.unexplained_bolus"),
    ("my sister is not answering but she is not depressed", "crisis.third_party_silence"),
])
def test_issue11_negation_gives_negated_hits(text, rule):
    hits = scan(text)
    assert hits and all(h.negated for h in hits), (text, hits)
    assert rule in {h.rule for h in hits}


def test_gating_never_changes_matches():
    """Skipping alternatives whose key words are absent must not change any match."""
    from bot.triage.rules.idioms import _mask_idioms
    from bot.triage.rules.machinery import _message_keys
    from bot.triage.rules.scanner import _ALL_RULES
    texts = [text for _rule, text in ISSUE11_HITS] + [r["text"] for r in ROWS]
    for text in texts:
        norm = _mask_idioms(normalize(text))
        keys = _message_keys(norm)
        for rule in _ALL_RULES:
            full = sorted(m.span() for m in rule.matches(norm))
            gated = sorted(m.span() for m in rule.matches(norm, keys))
            assert full == gated, (rule.rule_id, text)


@pytest.mark.parametrize("raw, expected", [
    ("heb net 15 💊 geslikt", "heb net 15 pills geslikt"),
    ("💊💊💊 genomen", "lots of pills genomen"),
    ("I OD'd", "i overdosed"),
    ("that is odd", "that is odd"),
    ("eh ik uhm wil eh hulp", "ik wil hulp"),
    ("kzie het nie meer zitte", "ik zie het niet meer zitten"),
    ("a burdon to everyone", "a burden to everyone"),
    ("good bye", "goodbye"),
    ("my pod fell of", "my pod fell off"),
    ("mijn bloedketonen zijn 3", "mijn bloed ketonen zijn 3"),
    ("i swolled 30 pills", "i swallowed 30 pills"),
    ("the battery swolen up", "the battery swollen up"),
])
def test_normalize_issue11(raw, expected):
    assert normalize(raw) == expected
