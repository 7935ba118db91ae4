"""Idioms that sound alarming but are not, blanked out before the rules run."""
from __future__ import annotations

import re

# ==========================================================================
# Idioms that sound alarming but are not: blanked out before the rules run
# ==========================================================================
_DEAD_THING = (r"(?:batterij|accu|battery|telefoon|phone|mobiel|mobieltje|gsm|lijn|verbinding|app|"
               r"scherm|pomp|pump|pod|lader|oplader|ding|toestel|sensor|meter|zender|transmitter|"
               r"laptop|computer|tablet|ipad|iphone|zaklamp|auto|motor|accu s|batterijen|ie|hij|het)")
_IDIOM_SOURCES = [
    # Dutch
    r"\b(?:lach|lachen|lachte|lachten|lacht)(?: [a-z]+){0,2} (?:me|mij|ons|zich|je|hem|haar)(?: [a-z]+){0,2} dood\b",
    r"\b(?:me|mij|ons|zich|je)(?: [a-z]+){0,2} dood (?:te )?(?:lachen|vervelen|schrikken|werken|ergeren|"
    r"schamen|zoeken|wachten|betalen|zweten|vriezen)\b",
    r"\b(?:verveel|verveelt|verveelde|schrik|schrok|schrikt|werk|werkt|werkte|erger|ergert|schaam|zoek|"
    r"zocht|wacht|wachtte|betaal|betaalde|zweet|vries|vriest|lach|lachte|eet|at|loop|liep)(?: [a-z]+){0,2}"
    r" (?:me|mij|ons|zich|je|jezelf|mezelf)(?: [a-z]+){0,2} dood\b",
    r"\bdood van (?:de |het |die |dat |al |alle |zoveel |zo veel )?[a-z]+\b",
    r"\bdood (?:op|moe)\b",
    rf"\b{_DEAD_THING}(?: [a-z]+){{0,3}} (?:is|was|ging|gaat|raakt|raakte|lijkt|leek|blijft)(?: [a-z]+){{0,2}} dood\b",
    r"\b(?:zelfmoordactie|zelfmoordacties|zelfmoordmissie|zelfmoordaanslag\w*|zelfmoordterror\w*|"
    r"zelfmoordpreventie|sociale zelfmoord)\b",
    # English
    r"\bdying (?:to|for|of|here|laughing|inside)\b",
    r"\b(?:is|are|was|were|be|been|s) killing (?:me|us|him|her|my|the)\b",
    r"\bkill(?:ing|ed|s)? (?:for|time|it|the mood|the vibe|the battery|my battery)\b",
    r"\b(?:bored|scared|worried|frightened|tickled|freezing|starving|stressed|sick|annoyed)(?: [a-z]+)? to death\b",
    r"\bto die for\b",
    r"\b(?:died|die|dying|nearly died|almost died) (?:laughing|of laughter|of embarrassment|of boredom|of shame)\b",
    r"\bdead (?:tired|serious|boring|easy|wrong|on|right|set|end|line|beat)\b",
    r"\b(?:kill|killed|killing) (?:myself|me) laughing\b",
    r"\b(?:going to|gonna) die (?:of|from) (?:boredom|embarrassment|laughter|hunger|thirst|curiosity|shame)\b",
    r"\b(?:social|career|political|commercial|financial) suicide\b|\bsuicide (?:squad|mission|bomb\w*|prevention)\b",
]
_IDIOMS = re.compile("|".join(f"(?:{s})" for s in _IDIOM_SOURCES))
# "om dood te gaan" is an idiom ("dit wachten is om dood te gaan") unless it is
# what someone wants, asks help with or has the means for.
_OM_DOOD = re.compile(r"\bom dood te gaan\b")
_OM_DOOD_KEEP = frozenset("help helpen helpt hulp wil wilt willen wou middel middelen pillen spuitje "
                          "manier plan insuline genoeg probeer proberen geprobeerd drankje".split())


def _mask_idioms(text: str) -> str:
    text = _IDIOMS.sub(" _idiom_ ", text)
    if "om dood te gaan" in text:
        def keep_or_mask(m: re.Match) -> str:
            before = m.string[:m.start()].split()[-4:]
            return m.group(0) if _OM_DOOD_KEEP.intersection(before) else " _idiom_ "
        text = _OM_DOOD.sub(keep_or_mask, text)
    return text
