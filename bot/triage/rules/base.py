"""The rules' categories, their hit (RuleHit) and the shared vocabulary (on normalised text)."""
from __future__ import annotations

from dataclasses import dataclass

CRISIS = "crisis"
EOL = "end_of_life_request"
DEVICE = "device_safety"
# Same order as bot.triage.screen.CATEGORIES: the first hit decides the category.
_CATEGORY_RANK = {CRISIS: 0, EOL: 1, DEVICE: 2}


@dataclass(frozen=True)
class RuleHit:
    category: str       # 'crisis' | 'end_of_life_request' | 'device_safety'
    rule: str           # stable id, e.g. 'crisis.niet_meer_willen', 'device.occlusion'
    negated: bool       # the signal sits under a negation ("ik ben niet suicidaal")


# ==========================================================================
# Shared vocabulary (all on normalised text: lower case, ASCII, "," and "."
# as separate tokens, contractions expanded)
# ==========================================================================
_SELF_NL = r"(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf|zich|me|mij)"
_SELF_EN = r"(?:myself|himself|herself|themselves|themself|yourself)"
_PERSON = (r"(?:hij|zij|ze|man|vrouw|vader|moeder|zoon|dochter|kind|kindje|baby|partner|vriend|"
           r"vriendin|opa|oma|broer|zus|papa|mama|he|she|husband|wife|son|daughter|child|kid|"
           r"mum|mom|mother|dad|father|boyfriend|girlfriend|grandma|grandpa|grandmother|"
           r"grandfather|brother|sister|toddler|friend|collega|colleague)")
_DEV = (r"(?:handheld|controller|pdm|laadpoort|laadpoortje|oplaadpoort|charging port|pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|apparaat|device|"
        r"ding|thing|hij|ie|it|kabel|cable|adapter|reservoir|toestel|unit|insulinepomp)")
