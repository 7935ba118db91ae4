"""End-of-life requests: a personal (or relative's) request to die, not questions about euthanasia."""
from __future__ import annotations

import re

from bot.triage.rules.base import EOL
from bot.triage.rules.machinery import (
                             _LATER,
                             _not_informational,
                             _personal_statement,
                             _request_now,
                             _Rule,
                             _sentence,
)

# END-OF-LIFE REQUESTS
# ==========================================================================
# a wish to die next to a terminal illness is (also) a request for help to die
_DEATH_WISH_CUE = re.compile(r"\b(?:wil|wilt|want to|wants to|wanna)(?: [a-z]+){0,2} (?:dood|die|sterven|doodgaan)\b"
                             r"|\bdood wil\b|\bniet meer (?:wil )?leven\b|\bend my life\b"
                             r"|\bwants? (?:it|this|everything) to (?:stop|end|be over)\b|\bwil dat het(?: [a-z]+){0,2} (?:ophoudt|stopt|eindigt|voorbij is)\b")
_EOL_FILL_NL = (r"(?:graag|nu|echt|zo snel mogelijk|zo snel|snel|gewoon|eindelijk|zelf|ook|toch|het liefst|"
                r"liefst|alsjeblieft|alstublieft|dringend|om|op|heel graag|per se|nu meteen|meteen|zo|"
                r"mogelijk|vandaag|deze week)")
_EOL_FILL_EN = r"(?:to get|to have|to request|to apply for|to be given|just|really|now|please|urgently|for|to)"
_EOL_RULES = [
    _Rule("eol.euthanasia_request", EOL, 72, [
        rf"\b(?:wil|wilt|willen|wens|wenst|vraag|vraagt|smeek|smeekt|smeken|eis|eist|hoop|sta)(?: (?:ik|hij|ze|zij))?(?: (?P<neg>geen|niet))?(?: {_EOL_FILL_NL}){{0,4}} (?:euthanasie|levensbeeindiging)\b",
        rf"\b(?:want|wants|need|needs|request|requesting|beg|begging|begs|asking for|ask for|demand|demanding|apply for|applying for|would like)(?: (?P<neg>not))?(?: {_EOL_FILL_EN}){{0,3}} (?:euthanasia|assisted dying|assisted suicide|be euthanized|euthanized|euthanize me|die with dignity)\b",
    ], check=lambda t, m: _not_informational(t, m) and not _LATER.search(_sentence(t, m))),
    _Rule("eol.euthanasia_request", EOL, 72, [
        r"\beuthanas[a-z]* (?:now|nu|today|vandaag|please|alstublieft|alsjeblieft|asap|meteen|direct|urgently|dringend)(?= \.| ,|$| please| alstublieft| alsjeblieft| i | ik )",
        r"\b(?:spoedeuthanasie|urgent euthanasia|emergency euthanasia|euthanasia urgently|spoed euthanasie)\b|\b(?:need|want|wil|wens)(?: [a-z]+)? (?:an |a |een )?(?:urgent|snelle|spoed|dringende|quick) euthanas[a-z]*",
        r"\b(?:geef|give|grant|gun) (?:me|mij|him|her|hem|haar)(?: [a-z]+)? euthanas[a-z]*|\beuthanas[a-z]* (?:wil|wilt|willen|wou)\b",
        r"\b(?:wil|wens|wilt)(?: [a-z]+){0,2} (?:waardig|met waardigheid|in waardigheid) (?:sterven|doodgaan|overlijden)\b",
        r"\b(?:nog|vandaag nog|nu nog) euthanasie\b",
    ], check=_request_now),
    _Rule("eol.end_my_life_request", EOL, 74, [
        r"\b(?:wil|wilt|willen|wens|wenst) dat (?:u|jullie|de dokter|de arts|de kliniek|het expertisecentrum|iemand|de huisarts|je|hij|zij)(?: [a-z]+){0,3} (?:mijn|me|zijn|haar) leven(?: [a-z]+)? (?:beeindigt|beeindigen|stopt|stoppen|afmaakt|beeindig|neemt)\b",
        r"\b(?:help|helpt|helpen)(?: [a-z]+){0,2} (?:me|mij|hem|haar)(?: [a-z]+){0,2} (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden|mijn leven te beeindigen)\b",
        r"\b(?:me|mij|hem|haar)(?: [a-z]+){0,2} helpen (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden)\b",
        r"\b(?:me|mij)(?: [a-z]+){0,3} (?:laten|laat) (?:gaan )?(?:sterven|inslapen|doodgaan)\b|\b(?:laat|laten) (?:me|mij)(?: [a-z]+)? (?:sterven|inslapen|doodgaan)\b",
        r"\b(?:geef|geeft|geven|krijg|wil)(?: [a-z]+){0,3} (?:het |een |de |mijn )?(?:laatste )?(?:spuitje|euthanasiemiddel|euthanatica)\b",
        r"\bdodelijke? (?:middel|drankje|injectie|spuit|dosis|pil|pillen|middelen)\b",
        r"\bhelp (?:me|him|her) (?:to )?die\b|\b(?:let|letting) me die\b|\bhelp (?:me|him|her) (?:to )?end (?:it|my life|his life|her life)\b",
        r"\beinde? (?:komt |maken |maakt )?aan (?:mijn|zijn|haar|het) (?:lijden|bestaan)\b|\bend (?:my|his|her) suffering\b",
        r"\bhelp (?:me|mij)(?: [a-z]+){0,2} (?:arrange|get|with|regelen|aanvragen|krijgen|bij|met) euthanas[a-z]*|\b(?:helpen|help|helpt) met euthanas[a-z]*",
        r"\b(?:me|mij|hem|haar) (?:helpt|helpen|help) (?:om )?(?:te )?(?:sterven|dood te gaan|doodgaan|overlijden)\b",
        r"\b(?:kan|kunnen|kunt|wil|willen|mag) (?:de kliniek|de arts|de dokter|het expertisecentrum|jullie|u|iemand)(?: [a-z]+){0,2} mijn leven (?:beeindigen|stoppen|afsluiten)\b",
        r"\b(?:can|could|will|would|please) (?:the clinic|a doctor|the doctor|someone|somebody|you|u)(?: from the clinic)?(?: please)?(?: come and)? (?:end|take) my life\b",
        r"\b(?:want|need|asking|ask|beg|begging) (?:you|u|the clinic|the doctor|someone|them|a doctor) to (?:end|take) my life\b",
        r"\b(?:can|could|will|would) (?:you|u|the clinic|the doctor|they|someone)(?: please)? (?:end my life|help me die|let me die|put me to sleep)\b",
        r"\bput me to sleep (?:for good|forever|permanently)\b",
        r"\b(?:laat|laten) (?:me|mij) (?:alsjeblieft |alstublieft |toch |nu |gewoon )?gaan(?= \.| ,|$)|\b(?:please|just) let me go(?= \.| ,|$)|\bhelp me go\b",
        r"\b(?:give|get) me (?:the |a )?(?:lethal|deadly) (?:injection|drink|dose|medication|medicine)\b",
    ], check=lambda t, m: _not_informational(t, m) or bool(re.search(r"\b(?:me|mij|my)\b", m.group(0)))),
    _Rule("eol.distress_now", EOL, 76, [
        r"\b(?:het |dit |mijn |zijn |haar |dat )?lijden(?: [a-z]+){0,2} (?:moet|moeten|mag)(?: [a-z]+){0,3} (?:stoppen|ophouden|over zijn|voorbij zijn|afgelopen zijn|eindigen)\b",
        r"\b(?:houd|hou|houdt) (?:het lijden|de pijn|dit lijden|mijn lijden|deze pijn)(?: [a-z]+){0,2} niet (?:meer|langer) (?:uit|vol)\b|\b(?:kan|kun|kunt) (?:het lijden|dit lijden|de pijn|deze pijn)(?: [a-z]+){0,2} niet (?:meer|langer) (?:aan|verdragen|dragen)\b",
        r"\bde pijn(?: [a-z]+){0,2} (?:moet|moeten) (?:nu|vandaag|eindelijk|nu echt|echt nu)(?: [a-z]+){0,2} (?:stoppen|ophouden|over zijn|voorbij zijn)\b",
        r"\b(?:the |this |my |his |her )?suffering(?: [a-z]+){0,2} (?:has to|must|needs to|have to|need to|should) (?:stop|end|be over)\b",
        r"\b(?:the |this |my |his |her )?(?:pain|agony)(?: [a-z]+){0,2} (?:has to|must|needs to|need to) (?:stop|end|be over)(?: [a-z]+)? (?:now|today|tonight|right now|immediately)\b",
        r"\b(?:cannot|can not|could not) (?:take|bear|stand|endure|handle) (?:this |the |my |his |her )?(?:suffering|agony)\b",
        r"\b(?:the |this |my )?(?:suffering|lijden)(?: [a-z]+){0,2} (?:is|wordt) (?:too much|unbearable|niet meer te (?:dragen|verdragen|harden|doen)|ondraaglijk)\b",
        r"\b(?:want|wants|need|needs) (?:my|the|this|his|her) suffering to (?:end|stop)\b|\b(?:do|does) not want to suffer (?:anymore|any longer|any more)\b|\bno longer (?:want|wants) to suffer\b",
        r"\bwil (?:niet langer|niet meer|nu niet meer) lijden\b",
    ], check=_personal_statement),
    _Rule("eol.unbearable_suffering", EOL, 70,
          r"\b(?:ondraaglijk|uitzichtloos|unbearabl|intolerabl)[a-z]*",
          check=_personal_statement),
    _Rule("eol.terminal_illness", EOL, 70,
          r"\b(?:terminally ill|terminal (?:cancer|illness)|terminaal|ongeneeslijk ziek|uitbehandeld|kanker|"
          r"cancer|parkinson|dementie|dementia|palliatief|palliative|hersentumor|brain tumour|brain tumor)\b",
          check=lambda t, m: bool(_DEATH_WISH_CUE.search(t))),
    _Rule("eol.completed_life", EOL, 70, [
        r"\b(?:mijn )?leven is (?:[a-z]+ )?voltooid\b|\bvoltooid leven\b|\bmijn leven is (?:klaar|af|voorbij)\b",
        r"\b(?:afsluiten|sterven|beeindigen|inslapen|overlijden) met (?:de )?hulp van (?:een|de) (?:arts|dokter|huisarts|kliniek)\b",
        r"\bhet (?:leven )?hoeft (?:[a-z]+ )?voor (?:mij|me) niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)|\bvoor (?:mij|me) hoeft het (?:allemaal )?niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)",
    ], check=_personal_statement),
]

# ==========================================================================
