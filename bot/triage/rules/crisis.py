"""Crisis rules: suicidal thoughts or plans, self-harm, overdose, also about a third person."""
from __future__ import annotations

import itertools
import re

from bot.triage.rules.base import _SELF_EN, _SELF_NL, CRISIS
from bot.triage.rules.machinery import _clause, _Rule, _sentence

# ==========================================================================
# CRISIS
# ==========================================================================
_SUICIDE_WORD_EXCLUDE = re.compile(r"(?:hulp bij|assisted|physician assisted|doctor assisted|arts "
                                   r"assisted|medically assisted) $")
# a relative's completed suicide mentioned as background ("in memory of my brother who
# died by suicide"): bereavement, not a current risk signal in the message itself
_SUICIDE_BEREAVEMENT = re.compile(r"(?:died|passed away|lost|death|overleden|overleed|gestorven|stierf) "
                                  r"(?:[a-z]+ ){0,3}(?:by|of|to|through|door|aan|na) $")


def _suicide_word_ok(text: str, m: re.Match) -> bool:
    before = text[max(0, m.start() - 40):m.start()]
    return not (_SUICIDE_WORD_EXCLUDE.search(before) or _SUICIDE_BEREAVEMENT.search(before))


_FILL_NL = (r"(?:echt|gewoon|liever|graag|het liefst|liefst|eigenlijk|alleen nog|alleen maar|nog|"
            r"zo graag|zo|nu|toch|ook|dan|maar|helemaal|wel|soms|vaak|gewoonweg|al|heel graag|"
            r"best|het|ook maar|zelf|eindelijk|meteen|vandaag|vanavond|morgen)")

_GENERIC_SUBJECT = re.compile(r"\b(?:people|patients|persons|those|others|mensen|patienten|personen|anderen) "
                              r"(?:who|that|die)(?: [a-z]+)?$")


# "ik wil het overlijden van mijn vader melden": "het overlijden" is the noun (a death to report)
_DEATH_NOUN = re.compile(r"\bhet (?:overlijden|sterven|doodgaan)$")


def _not_generic(text: str, m: re.Match) -> bool:
    """'What does the clinic do for people who want to die?' is about others in general."""
    return not _GENERIC_SUBJECT.search(text[max(0, m.start() - 40):m.start()].rstrip())


_PUMP_GAVE = re.compile(r"\b(?:pomp|pump|pod|patch)\b(?: [a-z]+){0,4} (?:gave|gaf|has given|heeft|delivered|"
                        r"gegeven|geeft|gives|pumped)\b")


def _not_pump_overdose(text: str, m: re.Match) -> bool:
    """'the pump gave me an overdose' is device.too_much_insulin, not self-harm."""
    return not _PUMP_GAVE.search(_clause(text, m))


# a warning printed on the product ("a lethal dose warning on the leaflet") is not method research
_PRODUCT_TEXT = re.compile(r"\b(?:bijsluiter|leaflet|label|etiket|warning|waarschuwing|handleiding|manual|verpakking|package)\b")

_BURDEN_FILL = r"(?:alleen maar|alleen|maar|gewoon|echt|zo n|zo|toch|enkel|nog|niets dan|niks dan|helemaal|altijd|steeds|nu|eigenlijk)"
_OWN_PEOPLE_NL = (r"(?:mijn|m) (?:familie|kinderen|kids|ouders|gezin|naasten|dierbaren|omgeving|vrienden|partner|man|"
                  r"vrouw|zoon|dochter|moeder|vader|zus|broer|zussen|broers|kleinkinderen|mantelzorger|verzorgers)")
_RELATIVE = (r"(?:son|daughter|children|kids|family|wife|husband|sister|brother|niece|nephew|grandson|granddaughter|"
             r"partner|friend|neighbour|neighbor|zoon|dochter|kinderen|familie|vrouw|man|zus|broer|nicht|neef|"
             r"kleinzoon|kleindochter|kleinkinderen|grandkids|grandchildren|vriend|vriendin|buurman|buurvrouw|executor|"
             r"executeur|notaris|lawyer)")
_HANDOVER = re.compile(rf"\b(?:send|forward|give|pass|post|mail|leave|address|stuur|stuurt|geef|geeft|doorsturen|sturen|"
                       rf"geven|laat|richt|adresseer)(?: [a-z]+){{0,6}} (?:to|naar|aan|for|voor) (?:my|mijn|m) {_RELATIVE}\b"
                       rf"|\b(?:my|mijn) {_RELATIVE} (?:will|can|may|mag|kan|zal|gaat)(?: [a-z]+){{0,3}} (?:take over|handle|regelen|"
                       rf"overnemen|afhandelen|het verder|verder)\b"
                       rf"|\b(?:my|mijn) {_RELATIVE} (?:can|may|mag|kan|gets|krijgt|should get|moet|mogen)(?: [a-z]+){{0,2}} (?:have|get|krijgen|hebben|ontvangen|receive)\b"
                       rf"|\b(?:mag|mogen|moet|moeten|kan|kunnen|gaat|gaan)(?: [a-z]+){{0,2}} naar (?:mijn|m) {_RELATIVE}\b"
                       rf"|\b(?:op naam van|in the name of|over to|in naam van) (?:my|mijn) {_RELATIVE}\b")
_WORK = re.compile(r"\b(?:work|werk|job|baan|kantoor|office|school|contract|stage|internship|shift|dienst)\b")
_FAREWELL_COCUE = re.compile(r"\b(?:thank you for everything|thanks for everything|bedankt voor alles|dank voor alles|"
                             r"bye everyone|bye all|goodbye|vaarwel|dag allemaal|doei allemaal|tot ziens allemaal|farewell|"
                             r"sorry for everything|sorry voor alles|forgive me|vergeef|always (?:been )?kind|altijd aardig|"
                             r"love you all|hou van jullie)\b")
_TRAVEL = re.compile(r"\b(?:holiday|holidays|vacation|trip|travel|travelling|traveling|cruise|abroad|flight|hotel|"
                     r"vakantie|reis|reizen|buitenland|vlucht|camping|verhuis|verhuizen|verhuizing|moving|move house|"
                     r"emigreer|emigreren|emigrating)\b")
# a routine reason for not needing something any more
_REASON = re.compile(r"\b(?:omdat|want|because|since|sinds|as i|switch|switching|switched|overstap|overstappen|"
                     r"over op|pennen|pens|injections|nieuwe|new|other|andere|ander|digitaal|digital|online|email|"
                     r"e mail|mail|app)\b")
_SELF_NL_STRICT = r"(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)"
_HARM_CUE = re.compile(
    r"\b(?:expres|express|met opzet|opzettelijk|bewust|aansteker|sigaret|sigaretten|peuk|lucifer|lucifers|strijkijzer|"
    r"kaars|mes|mesje|scheermesje|glas|schaar|tot (?:het|ik) (?:bloed|bloedt|bloedde|blauw)|blauwe plekken|littekens|"
    r"om (?:me|mezelf|zich|zichzelf) te straffen|om iets te voelen|elke dag|steeds|vaker|weer|opnieuw|"
    r"on purpose|deliberately|intentionally|lighter|cigarette|cigarettes|match|matches|iron|candle|razor|blade|knife|"
    r"glass|scissors|until (?:i|it) (?:bleed|bleeds|bruise|bruises)|till (?:i|it) (?:bleed|bleeds|bruise|bruises)|"
    r"bruises|scars|to punish|to feel something|every day|every night|keep|keeps|kept|been|started|again)\b")
# "ik kan mezelf wel voor mijn kop slaan" (I could kick myself), "banging my head against a wall"
_HARM_IDIOM = re.compile(r"\b(?:voor (?:mijn|m|de|zijn|haar) (?:kop|hoofd|kanis)|against (?:a|the) (?:brick )?wall|"
                         r"wel voor|could (?:hit|kick) myself|kick myself|for forgetting|vergeten)\b")
_PILLS = (r"(?:pillen|pil|pilletjes|tabletten|tabletjes|slaappillen|slaaptabletten|medicijnen|medicatie|pills|"
          r"tablets|tabs|capsules|caps|sleeping pills|meds|medication|medicine|paracetamol|painkillers|"
          r"pijnstillers|oxazepam|antidepressiva|antidepressants|slaapmiddel|slaapmiddelen|insuline|insulin|"
          r"ibuprofen|aspirine|aspirin|diazepam|temazepam|lorazepam|xanax|valium|tramadol|oxycodon|oxycodone|"
          r"oxycontin|codeine|morfine|morphine|lithium|zolpidem|quetiapine|seroquel|amitriptyline|benzos|"
          r"sertraline|citalopram|naproxen|diclofenac|oxy)")
# a dose named: "8000 mg", "10 gram", "20 x 500 mg", "30 stuks"
_DOSE = r"(?:\d+(?:\.\d+)? ?(?:mg|milligram|milligrams|g|gr|gram|grams)|\d+ ?x ?\d+ ?(?:mg|milligram)|[1-9]\d\d? (?:stuks|stuk|capsules|capsule))\b"
_DOSE_VALUE = re.compile(r"(\d+(?:\.\d+)?) ?(?:x ?(\d+) ?)?(mg|milligram|milligrams|g|gr|gram|grams|stuks|stuk|capsules|capsule)\b")


def _dose_is_large(text: str, m: re.Match) -> bool:
    """A named dose counts when it is far above a single therapeutic one (>= 4 g, >= 10 tablets)."""
    dose = _DOSE_VALUE.search(m.group(0))
    if dose is None:
        return True                     # a container ("a whole strip") or "overdosed"
    amount = float(dose.group(1)) * (float(dose.group(2)) if dose.group(2) else 1.0)
    unit = dose.group(3)
    if unit.startswith(("stuk", "caps")):
        return amount >= 10
    grams = amount / 1000.0 if unit.startswith("m") else amount
    return grams >= 4.0


_HARM_STRONG = re.compile(
    r"\b(?:expres|express|met opzet|opzettelijk|aansteker|sigaret|sigaretten|peuk|lucifer|lucifers|strijkijzer|mesje|"
    r"scheermesje|tot (?:het|ik) (?:bloed|bloedt|bloedde|blauw)|blauwe plekken|littekens|om (?:me|mezelf|zich|zichzelf) te "
    r"straffen|om iets te voelen|on purpose|deliberately|intentionally|lighter|cigarette|cigarettes|razor|blade|"
    r"until (?:i|it) (?:bleed|bleeds|bruise|bruises)|till (?:i|it) (?:bleed|bleeds|bruise|bruises)|to punish|to feel something)\b")


def _harm_cue(text: str, m: re.Match) -> bool:
    sentence = _sentence(text, m)
    return bool(_HARM_STRONG.search(sentence)
                or (_HARM_CUE.search(sentence) and not _HARM_IDIOM.search(sentence)))


_CRISIS_RULES = [
    _Rule("crisis.suicide_mention", CRISIS, 88,
          r"\b(?:zelfmoord|zelfdoding|suicid|suicide|zelfmoordpoging)[a-z]*",
          check=_suicide_word_ok),
    _Rule("crisis.death_wish", CRISIS, 88, [
        # nl: ik wil dood, ik wil echt niet meer dood?, het liefst wil ik dood, dat hij dood wil
        rf"\b(?:wil|wilt|willen|wou|wilde|wens|wenst)(?: (?:ik|hij|ze|zij))?(?: (?P<neg>(?:echt |helemaal |zeker |heus )?niet))?(?: {_FILL_NL}){{0,3}} (?:dood|sterven|doodgaan|overlijden|dood zijn|dood gaan)\b",
        r"\bdood (?:wil|wilt|willen|wou|wilde|zou willen)\b",
        r"\b(?:liever|beter) dood\b|\bwas ik maar dood\b|\b(?:wou|wilde|wens|wenste|hoop) dat (?:ik|hij|ze|zij) dood (?:was|ben|is|ging|ga)\b",
        r"\bdoodswens\w*\b",
        # en
        r"\b(?:want|wants|wanted|wanting|going|ready|need|needs|deserve|deserves|hope|hoping|plan|planning|try|trying|tried|rather|just want|gonna) to die\b",
        r"\bwish (?:i|he|she) (?:was|were|could be|had) (?:dead|died|never been born)\b|\bwish i could (?:just )?die\b",
        r"\b(?:better off|rather be|prefer to be|be better|want to be|wish to be) dead\b|\brather die\b|\bdeath wish\b",
        r"\b(?:do|does|did) not want to (?:live|be alive|exist|keep living|go on living)\b(?! (?:in|with|near|at|on|abroad|there|here|like that)\b)",
        r"\b(?:do|does|did) not want to be (?:here|around|alive|on this earth)(?: anymore| any longer| tomorrow| after tonight)\b",
        r"\bif only i (?:was|were|could be) (?:dead|gone|never born)\b|\bi would rather not (?:exist|be alive|be here|live|wake up)\b|\bleef (?:liever|het liefst) niet (?:meer|langer)\b",
        r"\b(?:do|does|did) not want to be alive\b",
        r"\bno longer (?:want|wants|wish|wishes) to (?:live|be alive|exist|be here|go on)\b",
        r"\b(?:will not|wont) be (?:here|around|alive)(?: [a-z]+)? (?:tomorrow|much longer|any longer|anymore|for long|next week|by (?:tomorrow|morning|tonight))\b(?!(?: ,)? (?:please|so|call|can|could|instead|but|until|at|when|for|because)\b)",
        # "ik stop ermee, met alles"
        r"\b(?:stop|stopt|kap|kapt|hou|houd|houdt|ben) (?:ik |hij |ze |zij )?(?:ermee |er mee |op |klaar )?(?:, )?met alles\b(?! (?:wat|behalve|van|voor|rond|over|, ook|, zowel|, de|, het|, mijn)\b)",
        # "ik wil geen dag langer leven" (but "geen dag langer wachten" is impatience)
        r"\b(?:wil|wilt|willen|wou|wens|kan|kun|hoef|hoeft)(?: (?:ik|hij|ze|zij|echt|gewoon|nu))* geen (?:dag|minuut|uur|seconde|week|maand|jaar) (?:langer|meer)(?: [a-z]+){0,2}? (?:leven|bestaan|doorleven|ademen|lijden|hier zijn|op aarde zijn)\b",
        r"\b(?:do|does|did) not want to (?:live|exist|go on|be alive)(?: (?:one|a single|another))? (?:more |single |extra )?(?:day|minute|hour|week)\b",
    ], check=lambda t, m: _not_generic(t, m) and not _DEATH_NOUN.search(m.group(0))),
    _Rule("crisis.zie_het_niet_zitten", CRISIS, 86, [
        r"\b(?:zie|ziet|zien|zag|zagen) (?:het|t|dat|dit|de toekomst|het leven|alles|mijn leven)(?: [a-z]+){0,2} niet meer zitten?\b",
        r"\bniet meer (?:zien|zie|ziet|zag|zagen) zitten\b",
    ]),
    _Rule("crisis.er_niet_meer_zijn", CRISIS, 86, [
        r"\b(?:wil|wilt|willen|wou|wens|hoop|liever|beter|liefst)(?: [a-z]+){0,4} (?:er|hier|op aarde) niet meer (?:(?:wil|wilt|willen|hoef|hoeven) )?(?:zijn|ben|te zijn|wezen|is)\b",
        r"\b(?:er|hier) niet meer (?:wil|wilt|willen)(?: [a-z]+)? zijn\b",
    ]),
    _Rule("crisis.end_life", CRISIS, 90, [
        r"\b(?:er|hier|daar)(?: [a-z]+){0,3} (?:een |n )?einde? (?:aan(?: [a-z]+){0,2} (?:maken|maak|maakt|te maken|gemaakt)|aanmaken|aanmaak)\b",
        r"\bmaak(?:t|en)?(?: (?:ik|hij|ze|zij|we))? (?:er|hier)(?: [a-z]+){0,2} (?:een )?einde? aan\b",
        r"\beinde? (?:aan|van) (?:mijn|me|m|zijn|haar|het|ons|hun|dit) leven\b",
        r"\b(?:mijn|zijn|haar|het|dit) leven (?:te )?(?:beeindigen|beeindig|beeindigt|nemen|stoppen|afmaken|benemen)\b",
        rf"\b{_SELF_NL}(?: [a-z]+){{0,2}} (?:van kant|om het leven|het leven (?:benemen|nemen)|dood maken|doodmaken)\b",
        r"\buit het leven (?:stappen|stap|gaan)\b",
        r"\beinde? (?:te )?(?:maken|maak|maakt) aan (?:alles|mijn leven|het leven|het allemaal|mezelf|m leven|zijn leven|haar leven)\b",
        r"\bvan het leven (?:te )?(?:beroven|beroof|beroofd|beroven)\b|\bhet leven (?:te )?(?:benemen|ontnemen)\b",
        r"\b(?:vannacht|vanavond|vandaag|morgen|straks|tonight|nu)(?: [a-z]+){0,3} (?:alles|het allemaal) (?:gaat |gaan |wil |ga )?(?:beeindigen|beeindig|afmaken)\b|\bhet allemaal (?:wil |gaat |ga )?beeindigen\b",
        r"\b(?:plan|plans|planning|going|ready|decided|gonna) to end it\b(?! (?:with|for|early)\b)",
        r"\b(?:feel like|thinking of|thinking about|think about|considering|contemplating) ending it\b(?! with\b| for (?:the|a|my|you|your|this|that|now|today|tonight)\b)",
        r"\b(?:i|he|she|they) will end it\b(?! (?:with|for|early)\b)",
        r"\b(?:made|make|making) an attempt on (?:my|his|her|their) (?:own )?life\b|\bpoging (?:gedaan|ondernomen)\b(?! (?:om|tot|te|met|bij|voor)\b)",
        r"\bwil(?:t|len)? (?:er|eruit) (?:(?P<neg>(?:heus |echt |zeker |helemaal )?niet) )?(?:uit ?)?stappen\b",
        r"\bend(?:s|ed|ing)? (?:it all|it (?:tonight|now|today|here|for good|soon)|things|everything|(?:my|his|her|their) (?:own )?life)\b",
        r"\b(?:take|takes|taking|taken|took) (?:my|his|her|their) (?:own )?life\b",
    ]),
    _Rule("crisis.self_harm", CRISIS, 92, [
        rf"\b{_SELF_NL} (?:(?:heus|echt|zeker|absoluut|helemaal|zomaar|nu) )?(?:(?P<neg>niets|niet|nooit)(?: iets)? |(?:iets|wat)(?: ergs)? )(?:[a-z]+ ){{0,2}}?(?:aandoen|aandoe|aandoet|aangedaan|aan(?: [a-z]+)? (?:doen|doe|doet|te doen))\b",
        rf"\b(?:snij|snijd|snijdt|snijden|sneed|kras|krast|krassen|kraste|verwond|verwondt|beschadig|beschadigt) {_SELF_NL}\b(?! (?:aan|met|in|bij)\b)",
        r"\b(?:doe|doet|deed|doen) (?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)(?: [a-z]+)? pijn\b",
        r"\b(?:zich|me|mij)(?: [a-z]+){0,2} (?:ophangen|op te hangen|opgehangen|verdrinken|verhangen)\b",
        r"\b(?:mezelf|mijzelf|zichzelf|hemzelf|haarzelf)(?: (?P<neg>geen|niet|nooit)| [a-z]+){0,2} (?:gesneden|gekrast|verwond|snijden|krassen|pijn (?:te )?doen|pijn gedaan|ophangen|op te hangen|opgehangen|verdrinken|beschadigen|vergiftigen)\b",
        r"\b(?:zelfbeschadig|automutilatie|zelfverwond)[a-z]*",
        r"\b(?:snij|snijd|snijdt|snijden|sneed|kras|krast|krassen|kraste)(?: [a-z]+)? (?:in )?(?:zijn|haar|mijn|m|hun) (?:armen|arm|polsen|pols|benen|been|bovenbenen|huid|lichaam)\b",
        r"\b(?:cuts|cut|cutting|scratches|scratching|burns|burning) (?:his|her|my|their) (?:arms|arm|wrists|wrist|legs|thighs|skin)\b",
        rf"\b(?:hurt|hurting|hurts|harm|harming|harms|cut|cuts|cutting|starve|starving|hang|hanging|hanged|hung|shoot|shot|drown|drowning|poison|poisoning|stab|stabbing|strangle) {_SELF_EN}\b(?! (?:on(?! purpose\b)|shaving|while|by accident|accidentally|with the|opening)\b)",
        r"\bself harm[a-z]*",
        r"\bdo (?:something|anything) (?:stupid |bad |drastic )?to (?:myself|himself|herself)\b",
        rf"\b(?:brand|brandt|branden|brandde|brandden) {_SELF_NL_STRICT}\b(?! (?:aan|bij|tijdens|op de|op het)\b)",
        rf"\b{_SELF_NL_STRICT}(?: [a-z]+){{0,3}} (?:te )?(?:branden|brand)\b",
        r"\b(?:begonnen|begint|begon|beginnen|gestart|start) met (?:snijden|krassen|branden|zelfbeschadiging|mezelf snijden)\b|\b(?:cutting|self harming) again\b|\b(?:started|start|starting|begun|began|gone back to|went back to|relapsed into|relapsed|back to) (?:self harm[a-z]*|cutting|snijden|krassen)\b",
        r"\b(?:heb|heeft|hebben|ben|is|was|had)(?: [a-z]+){0,2} (?:weer|opnieuw) (?:gaan |aan het )?(?:gesneden|snijden|gekrast|krassen|gebrand)(?= \.| ,|$)",
        r"\b(?:snij|snijd|snijdt|kras|krast) (?:weer|opnieuw|nog steeds|elke dag|steeds)(?= \.| ,|$)|\bterugval(?: [a-z]+){0,3} (?:snijden|krassen|branden)\b",
        r"\b(?:in|op) (?:mijn|m|zijn|haar|hun) (?:armen|arm|polsen|pols|benen|bovenbenen|dijen|dij|huid|lichaam)(?: [a-z]+){0,2} (?:gesneden|gekrast|gebrand|snijden|krassen|branden|kerven|gekerfd)\b",
        r"\b(?:blade|blades|scheermesje|scheermesjes|mesje|mesjes|knife|mes|glass|glas|razor|scheermes)\b(?: [a-z]+){0,3} (?:on|to|in|op|over|into|langs|across) (?:my|his|her|mijn|zijn|haar) (?:arm|arms|wrist|wrists|pols|polsen|armen)\b",
        r"\b(?:bang|vrees|afraid|scared|worried|fear|terrified)(?: [a-z]+){0,3} (?:dat|that) (?:hij|ze|zij|he|she|they|mijn [a-z]+|my [a-z]+)(?: [a-z]+){0,2} (?:iets (?:stoms|doms|ergs|onherroepelijks)|something (?:stupid|drastic|terrible))\b(?! (?:met|with|aan|to (?:the|his|her) (?:pump|app|account|car))\b)",
    ]),
    # burning / hitting oneself, or a past cut: only with a tool, on purpose or as a habit
    # ("ik heb mezelf verbrand aan de oven", "I hit myself on the door" are accidents)
    _Rule("crisis.self_harm", CRISIS, 92, [
        rf"\b(?:verbrand|verbrandt|verbranden|verbrandde|sla|slaat|slaan|sloeg|bijt|beet|krab|krabde) {_SELF_NL_STRICT}\b",
        rf"\b{_SELF_NL_STRICT}(?: [a-z]+){{0,3}} (?:gebrand|verbrand|geslagen|gebeten|gekrabd|opengekrabd|verbranden|slaan|bijten|krabben|openkrabben)\b",
        rf"\b(?:burn|burns|burned|burnt|burning|hit|hits|hitting|punch|punches|punched|punching|scratch|scratched|scratching|bite|bit|biting|bang|banged|banging|scald|scalded|bruise|bruised) {_SELF_EN}\b",
        r"\b(?:bonk|bonkt|bonken|bonkte|sla|slaat|sloeg|slaan|beuk|beukt|bang|bangs|banged|banging|hit|hits|hitting) (?:met )?(?:mijn|m|zijn|haar|my|his|her) (?:hoofd|kop|head)(?: [a-z]+){0,3} (?:tegen|against|on)\b",
    ], check=_harm_cue),
    _Rule("crisis.kill_self", CRISIS, 95, [
        rf"\b(?:kill|kills|killing|killed) {_SELF_EN}\b",
        # "een plan om mezelf te doden"; not the idioms "ik verveel me dood"
        rf"\b{_SELF_NL} (?:[a-z]+ ){{0,2}}?(?:te )?(?:doden|doodt|gedood|vermoorden|vermoord|ombrengen|om te brengen|omgebracht|om zeep (?:te )?helpen)\b",
    ]),
    _Rule("crisis.method", CRISIS, 98, [
        r"\b(?:springen|springt|spring|gesprongen|sprong)(?: [a-z]+){0,3} (?:van|voor|onder|uit) (?:de|een|het|mijn) (?:brug|flat|dak|toren|trein|metro|raam|balkon|vrachtwagen|flatgebouw)\b",
        r"\bvan (?:de|een|het|zijn|haar|mijn|hun) (?:brug|flat|dak|toren|balkon|flatgebouw) (?:af )?(?:te )?(?:springen|spring|springt|gesprongen|sprong)\b",
        r"\b(?:sta|staat|staan|stond|stand|standing|stands|is|am|zit|zat) (?:nu )?(?:bij|naast|langs|by|at|near|next to) (?:het|de|een|the|a) (?:spoor|spoorlijn|rails|tracks|railway|railway line|train tracks)\b",
        r"\b(?:strop|noose)\b|\b(?:bought|gekocht|kocht|heeft|has|got)(?: [a-z]+){0,2} (?:a |een )?(?:rope|touw) (?:to hang|om (?:zich|me|mezelf|zichzelf) op te hangen)\b",
        r"\bvoor (?:de|een) (?:trein|metro|auto|vrachtwagen|tram)(?: [a-z]+){0,2} (?:springen|spring|gaan liggen|lopen|gesprongen)\b",
        r"\bjump(?:ed|ing|s)? (?:off|from|in front of) (?:a|the|my|that|his|her|their|our) (?:bridge|building|roof|balcony|train|car|cliff|tower|truck|window|bus)\b",
        r"\b(?:touw|strop|rope|noose)\b(?: [a-z]+){0,8} (?:gekocht|klaar|opgehangen|gebruiken|vannacht|vanavond|bought|ready|use it|tonight|hang|ophangen|weet wat ik)\b",
        r"\b(?:sta|staat|zit|ben|stand|standing|am|is) (?:nu )?(?:op|on) (?:het|de|een|the|a) (?:dak|brug|balkon|flat|roof|bridge|ledge|balcony|spoor|tracks|railway)\b",
        r"\b(?:pills|pillen|tabletten|insulin|insuline|rope|touw|mes|knife|gun|pistool)(?: [a-z]+){0,5} (?:ready|klaar|klaarliggen|klaargelegd|klaargezet|klaarstaan|klaar staan|klaar liggen|liggen klaar|staan klaar|lined up)\b",
        r"\b(?:ga|gaan|gaat) (?:nu |zo |straks )?springen\b|\b(?:going|gonna|about) to jump\b",
        r"\bslit (?:my|his|her|their) wrists?\b|\bpolsen (?:door ?snijden|doorgesneden|doorsnijden)\b",
    ]),
    _Rule("crisis.no_point", CRISIS, 85, [
        r"\b(?:het |mijn |dit |m |zo n )?leven (?:heeft|is|lijkt)(?: [a-z]+){0,3} (?:geen zin|zinloos|niets waard|niks waard|nutteloos|de moeite niet|niet (?:meer )?de moeite)\b",
        r"\bgeen zin meer in (?:het |mijn |dit )?(?:leven|bestaan|alles|niets)\b",
        r"\bgeen (?:zin|levenslust|wil|reden) (?:meer )?(?:om )?(?:nog )?(?:te leven|verder te leven|door te gaan|te bestaan|op te staan|in leven te blijven)\b|\bgeen levenslust\b",
        r"\blife has no (?:point|meaning|purpose|sense)\b|\beverything (?:is|feels|seems) (?:so )?(?:pointless|meaningless)\b",
        r"\b(?:heb|heeft|hebben) (?:echt |gewoon |helemaal )?geen zin meer(?= \.| ,|$)",
        r"\bheeft (?:allemaal |het allemaal |alles )?geen zin meer(?= \.| ,|$)",
        r"\bgeen (?:enkele )?reden (?:meer )?(?:om|tot) (?:te )?(?:leven|bestaan|door te gaan|verder te gaan)\b|\bniets? (?:meer )?om voor te leven\b",
        r"\b(?:pain|pijn|suffering|lijden)(?: [a-z]+){0,2} (?:to )?(?:stop|end|ophoudt|stopt|ophouden|stoppen) (?:forever|for good|voorgoed|voor altijd|permanently)\b",
        r"\balles is zinloos\b|\bzinloos (?:bestaan|leven)\b|\bgeen (?:andere |enkele )?uitweg\b",
        r"\b(?:life|living|it) is (?:just |simply )?(?:not|no longer) worth (?:living|it anymore)\b|\bnot worth living\b",
        r"\bno (?:point|reason|use|will|wish|desire)(?: left| anymore)? (?:in |to |of )?(?:living|live|going on|go on|carrying on|keep going|keep living|being alive|being here|anything anymore|life)\b",
        r"\bwhat is the point (?:of|in) (?:living|life|going on|being alive|carrying on|anything|it all|trying)\b",
        r"\bnothing (?:left )?to live for\b|\bno way out\b",
        r"\b(?:do not|cannot) see (?:a|any|the) (?:reason|point) (?:to|in|of) (?:keep |keeping )?(?:living|live|going on|go on|carry on|carrying on)\b",
        r"\b(?:my )?life is (?:meaningless|pointless|worthless|hopeless)\b",
    ]),
    _Rule("crisis.cant_go_on", CRISIS, 80, [
        r"\btrek(?:t)? (?:het|dit|t) (?:echt |gewoon )?niet(?: meer| langer)?\b",
        r"\bhou(?:d|dt)? (?:het|dit|t)(?: [a-z]+)? niet (?:meer |langer )?vol\b(?! met (?:al )?(?:dat |het )?wachten\b| met (?:dat|die|de|het|deze|dit|jullie) (?:pakket|pakketje|levering|bezorging|post|app|website|telefoon|wachtrij|formulier|formulieren|storing|gedoe|papierwerk)\b)",
        r"\b(?:kan|kun|kunt) (?:het|dit|de pijn|dit leven|het leven|alles|t)(?: [a-z]+){0,2} niet (?:meer|langer) aan\b",
        r"\b(?:kan|kun|kunt) (?:dit|het) (?:echt )?niet (?:meer|langer)(?= \.| ,| \?|$)",
        r"\bkan er (?:echt )?niet meer tegen(?= \.| ,|$)",
        r"\bhou(?:d|dt)? (?:het|dit|t)(?: [a-z]+)? niet (?:meer|langer) uit\b|\bhou(?:d|dt)? (?:het|dit|t) geen (?:dag|week|nacht|uur) (?:langer|meer) (?:vol|uit)\b",
        r"\b(?:cannot|can not|could not) (?:face|bear|take|stand|survive|do|go through) (?:another|one more) (?:day|night|week)\b(?! (?:of (?:work|school|this heat|waiting for (?:the|my) (?:parcel|package|delivery)))\b)",
        r"\bhet leven moe\b|\blevensmoe\b|\bklaar met (?:het |mijn |dit )?leven\b|\b(?:mijn )?leven is op\b",
        r"\bcannot (?:go on|carry on|keep going|keep living|cope|bear it|bear this|bear the pain|live like this)\b(?! (?:the|your|to|a|an|that|with|holiday|vacation|trip|line|website|app|site|hold)\b)",
        r"\bcannot (?:take|do|handle|stand|bear) (?:it|this|the pain|life|this life|it all)(?: (?:all|now|really|at all))? (?:anymore|any longer)\b",
        r"\b(?:tired|sick|weary) of (?:living|life|being alive|existing|it all)\b|\bdone with (?:life|living|it all|this life)\b",
        r"\bhad enough of (?:living|life|being alive|it all|everything and everyone)\b|\bfinished with (?:life|living)\b|\bklaar (?:is|ben|zijn|was) met (?:het |mijn |zijn |haar )?leven\b",
        r"\bwant (?:it all|everything) to (?:be over|end|stop)\b",
        r"\b(?:wil|wens|hoop)(?: [a-z]+){0,2} dat (?:het|alles)(?: (?:allemaal|nu|vandaag|gewoon|eindelijk|snel))* (?:ophoudt|stopt|voorbij is|over is|eindigt)\b",
        r"\bnot (?:know|sure)(?: if| whether)? (?:i|he|she) (?:can|want to|should|will|still want to) (?:go on|keep going|carry on|live|keep living|be alive|be here)\b",
        r"\bnot think (?:i|he|she) (?:can|want to|will) (?:go on|keep going|carry on|live|keep living|make it)\b",
    ]),
    _Rule("crisis.sleep_forever", CRISIS, 85, [
        r"\b(?:wil|wilt|hoop|hoopt|wens|liefst|zou|wou|bid|bidt|bidden)(?: [a-z]+){0,6} (?:nooit|niet) meer wakker (?:te )?(?:worden|word|wordt)\b",
        r"\b(?:do|does) not want to wake up\b|\bnever want to wake up\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:[a-z]+ ){0,2}(?:do not|never|will not|would not) wake up\b",
        r"\bsleep and (?:never|not) wake up\b|\bnever wake up again\b|\bgo to sleep forever\b",
        r"\basleep and (?:just |simply )?(?:never|not|not ever) (?:wake|waking) up\b|\b(?:fall|falling) asleep forever\b|\beternal sleep\b|\beeuwige slaap\b",
        r"\b(?:want|wanna|wish|wishing|hope|hoping|wil|wilt|wou|wens|hoop|liefst)(?: [a-z]+){0,3} (?:to )?(?:sleep|slapen|inslapen) (?:forever|for ever|voor altijd|voorgoed|eeuwig)\b",
        r"\b(?:wil|wilt|wou|wens|hoop|liefst)(?: [a-z]+){0,3} (?:voor altijd|voorgoed|eeuwig) (?:gaan )?(?:slapen|inslapen)\b",
        r"\b(?:slapen|in slaap vallen|inslapen|gaan slapen) en (?:nooit|niet) meer wakker (?:worden|word|te worden)\b",
    ]),
    _Rule("crisis.burden", CRISIS, 82, [
        r"\bbeter af (?:zijn |zonder)(?: [a-z]+)? ?(?:zonder )?(?:mij|me)\b",
        r"\b(?:ben|is) (?:een|n) (?:last|blok aan het been) voor (?:iedereen|jullie|mijn|hen|mijn familie)\b",
        r"\bniemand (?:zal|zou|gaat) (?:me|mij) (?:\w+ )?missen\b|\bgeen last meer van (?:mij|me)\b",
        r"\bbeter (?:als|dat|wanneer) (?:ik|hij|zij|ze) (?:er )?niet meer (?:ben|is|zou zijn|leef|leeft|besta)\b",
        r"\bbetter off (?:without me|dead|without him|without her)\b",
        r"\b(?:am|is) (?:a|just a) burden (?:to|for|on)\b(?! (?:my|the|our|your|his|her) (?:wallet|budget|finances|bank|account|purse)\b)",
        r"\b(?:no one|nobody|noone) (?:will|would) (?:even )?(?:miss me|care about me|notice|care if)\b",
        r"\bniemand(?: [a-z]+){0,3} (?:zal|zou|gaat) (?:het )?(?:merken|missen)\b|\bniemand (?:me|mij) (?:zal|zou) missen\b",
        r"\b(?:happier|better|easier)(?: [a-z]+){0,2} if (?:i|he|she)(?: just| simply)? (?:was|were|am|is) (?:not|no longer|gone|dead)\b",
        r"\b(?:makkelijker|fijner|beter) (?:als|dat|wanneer) (?:ik|hij|zij|ze)(?: [a-z]+)? (?:er )?niet meer (?:ben|was|is|zou zijn|leef|leefde)\b",
        r"\bwill not have to deal with me\b",
        # "ik voel me alleen maar een last voor mijn kinderen", "ik ben iedereen tot last"
        rf"\b(?:ben|was|voel (?:me|mij)|voelt (?:zich|ze zich|hij zich)|voel ik me)(?: {_BURDEN_FILL})* (?:een |n )?(?:last|blok aan het been) voor (?:iedereen|jullie|hen|anderen|de mensen|ons|{_OWN_PEOPLE_NL})\b",
        rf"\b(?:ben|was|voel (?:me|mij)|voelt (?:zich|ze zich|hij zich))(?: (?:{_BURDEN_FILL}|iedereen|jullie|hen|anderen|ons|{_OWN_PEOPLE_NL}))+ tot last\b",
        r"\bzonder (?:mij|me) (?:zijn|is|zou|zouden|hebben|heeft|gaat|wordt|zal|zullen)(?: [a-z]+){0,5} (?:beter af|makkelijker|gelukkiger|fijner|lichter|beter)\b",
        rf"\b(?:iedereen|de wereld|ze|zij|jullie|hij|{_OWN_PEOPLE_NL})(?: [a-z]+){{0,2}} (?:is|zijn|zou|zouden|zal|zullen|word|wordt|worden)(?: [a-z]+){{0,2}} beter (?:af )?zonder (?:mij|me)\b",
        r"\bbeter af(?: [a-z]+){0,2} (?:als|wanneer|zodra) ik (?:er )?(?:niet meer (?:ben|zou zijn|was|leef)|weg (?:ben|was)|dood (?:ben|was|ga))\b",
        r"\bals ik (?:er )?(?:niet meer|weg|dood) (?:ben|was|zou zijn)(?: ,)?(?: [a-z]+){0,4} (?:beter af|gelukkiger|opgelucht|makkelijker|minder last|geen last)\b",
        # "I feel like such a burden", "I've become a burden on my family"
        r"\b(?:i am|i feel like|i feel|feel like|i have become|i have been|i became|i am becoming|i am only|i will only be|feel as if i am|i always feel like|i will be)(?: (?:such|just|only|nothing but|a real|a huge|a big|a massive|a total|an absolute|a constant|so much of|always|really|more of|a))* (?:a |an )?burden\b(?! (?:of|about|with|in|regarding|on (?:my|the|our|your) (?:wallet|budget|finances|bank|account|resources))\b)",
        r"\b(?:world|everyone|everybody|they|family|people|kids|children|you all|all of you|everything|things)(?: [a-z]+){0,3} (?:be|is|are|was|were) (?:so |much |a lot |just )?(?:better|happier|easier)(?: off)? without me\b",
        r"\b(?:better|easier|happier|lighter)(?: [a-z]+){0,3} (?:when|once|after) (?:i am|i have|i will be|i will have) (?:gone|dead|not here|no longer here|not around|no longer around|out of the picture)\b(?! (?:on|for|to|from|at|abroad|away)\b)",
        r"\bdrain on (?:everyone|everybody|my family|my kids|my children|them|the people around me|all of you)\b",
        r"\b(?:weight|millstone|albatross) (?:around|round|on) (?:everyone|everybody|my family|their|his|her|our|your|my kids)(?: s)? necks?\b|\bblok aan het been (?:van|voor) (?:iedereen|jullie|ons|hen|mijn [a-z]+)\b",
        r"\b(?:free|freed|relieved|lighter|happier|better off|easier)(?: [a-z]+){0,3} (?:if|when|once) (?:i|he|she) (?:was|were|am|is) (?:not here|no longer here|not around|gone|dead)\b",
        r"\b(?:opgelucht|vrij|gelukkiger|rustiger)(?: [a-z]+){0,3} (?:als|wanneer|zodra) (?:ik|hij|zij|ze) (?:er )?(?:niet meer|weg|dood) (?:ben|was|is|zou zijn)\b",
        r"\b(?:easier|better|happier|lighter) (?:life|lives|time)(?: [a-z]+)? without me\b",
        r"\b(?:burden|burdening|belasten|belast|opzadelen)(?: [a-z]+){0,3} (?:with|met) (?:my|mijn) (?:existence|bestaan|presence|aanwezigheid)\b",
        r"\b(?:niet langer|niet meer|nooit meer) (?:[a-z]+ ){0,2}tot last (?:zijn|wezen|te zijn|is)\b|\b(?:do|does|did) not want to (?:be|remain|keep being) a burden (?:anymore|any longer|any more)\b|\bno longer (?:want|wants) to be a burden\b",
        r"\b(?:is|was|zijn|ben)(?: [a-z]+){0,2} (?:ons|jullie|hen|iedereen|mij|me) (?:alleen maar |maar |enkel )?tot last\b",
        r"\b(?:am|is|are|was) (?:only|such|nothing but|just|always) (?:a )?burden (?:to|for|on)\b(?! (?:my|the|our|your|his|her) (?:wallet|budget|finances|bank|account|purse)\b)",
        r"\b(?:lig|sta|zit|ligt|staat)(?: [a-z]+){0,2} (?:iedereen|mijn gezin|mijn familie|jullie|ons|hen|mijn kinderen)(?: [a-z]+){0,2} in de weg\b|\bi am in (?:everyone|everybody|my family|their)(?: s)? way\b",
        r"\b(?:nobody|no one|noone|niemand)(?: [a-z]+){0,3} (?:has to|have to|will have to|needs to|need to|hoeft|zal)(?: [a-z]+){0,2} (?:look after|care for|take care of|worry about|voor (?:me|mij) (?:te )?zorgen|om (?:me|mij) (?:te )?(?:malen|geven))\b",
        r"\b(?:finally|eindelijk|soon|straks)(?: [a-z]+){0,3} (?:be )?(?:rid of me|van (?:me|mij) af)\b",
    ]),
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\bafscheidsbrie(?:f|ven)\b|\bafscheidsbericht\b|\bvaarwel\b|\bgoodbye forever\b",
        r"\b(?:tell|zeg tegen) (?:my|mijn) (?:kids|children|family|kinderen|familie|vrouw|man|wife|husband) (?:that )?(?:i love them|ik van ze hou|dat ik van ze hou|dat ik van hen hou)\b",
        r"\b(?:note|letter|brief|briefje|message|bericht|text)(?: [a-z]+){0,2} (?:saying|zegt|zei|with|met|waarin hij|waarin ze) (?:goodbye|vaarwel|afscheid)\b",
        r"\b(?:iedereen|mijn (?:kinderen|familie|dierbaren|ouders)) (?:een )?(?:brief|briefje|afscheidsbrief) (?:geschreven|schrijven|gestuurd)\b",
        r"\b(?:morgen|vannacht|straks|binnenkort|vanavond|na vanavond) ben ik er niet meer\b|\bik ben er (?:morgen|vannacht|straks|binnenkort|na vanavond) niet meer\b",
        r"\bnot be here (?:anymore|much longer|by morning|after tonight)\b",
        r"\b(?:suicide|goodbye|farewell) (?:note|letter|letters|notes|message)\b",
        r"\bafscheid (?:[a-z]+ ){0,2}van (?:iedereen|de wereld|het leven|mijn (?:familie|kinderen|vrienden|dierbaren))\b",
        r"\b(?:said|saying|say) goodbye to (?:everyone|everybody|my family|my kids|the world)\b",
        r"\b(?:gave|given|giving) away (?:all )?(?:my|his|her) (?:things|stuff|belongings|possessions)\b|\bspullen (?:weggegeven|weg gegeven)\b",
        r"\b(?:gave|given|giving|give) (?:all )?(?:my|his|her) (?:things|stuff|belongings|possessions)(?: [a-z]+)? away\b",
        r"\b(?:afscheidsbriefje|afscheidsbriefjes)\b|\b(?:note|letter|brief|briefje|voice note|spraakbericht)(?: [a-z]+){0,3} (?:saying|zegt|zei|dat|waarin)(?: [a-z]+){0,3} (?:it has been enough|it is enough|het genoeg is|genoeg geweest|sorry for everything|sorry voor alles|forgive|vergeef)\b",
        r"\b(?:planned|plans|planning|gepland|plant) (?:his|her|my|zijn|haar|mijn) (?:death|dood|suicide|zelfmoord|own death)\b",
        r"\b(?:this is|dit is|that this is|dat dit) (?:my|mijn|his|her|zijn|haar) (?:last|final|laatste) (?:call|message|goodbye|gesprek|bericht|telefoontje|post)\b",
        r"\bafscheids(?:bericht|berichtje|berichten|appje|app|sms|sms je|tekst|tekstje|filmpje|video|voicemail|mail)\b",
        r"\b(?:goodbye|farewell) (?:text|texts|post|sms|whatsapp|voicemail|video|voice message|voice note)\b",
        r"\b(?:sent|send|sends|texted|messaged|posted|wrote|left|stuurde|stuurt|appte|appt|schreef|postte|sprak)(?: [a-z]+){0,4} (?:goodbye|vaarwel)\b(?! (?:card|kaart|party|feestje|receptie|drinks|borrel)\b)",
        r"\b(?:said|say|saying|made|make|making) (?:my|all my|our) (?:last |final )?goodbyes\b|\b(?:saying|said|say) farewell to (?:everyone|everybody|you all|the world)\b",
    ]),
    # not being around much longer -- unless the caller is travelling or moving
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\bby the time (?:you|anyone|someone|they|he|she|this|it)(?: [a-z]+){0,5} i (?:will be|will have|am|would be|will already be) (?:gone|dead|no longer here|not here|long gone|not around|no longer alive)\b",
        r"\bwhen (?:you|someone|anyone) (?:read|reads|get|gets|receive|receives|see|sees|find|finds) this(?: [a-z]+){0,3} i (?:will be|will have|am|will already be) (?:gone|dead|no longer here|no longer alive)\b",
        r"\btegen (?:de|die) tijd(?: dat)?(?: [a-z]+){0,6} ben ik er (?:al |allang |dan )?niet meer\b",
        r"\bals (?:u|jullie|je|iemand|de brief|dit|deze brief|het bericht)(?: [a-z]+){0,4} (?:leest|lezen|krijgt|krijgen|ontvangt|ontvangen|aankomt|komt|vindt|vinden)(?: [a-z]+){0,2} ben ik er (?:al |allang )?niet meer\b",
        r"\b(?:zal|zou|zullen)(?: ik| hij| ze| zij)? er (?:waarschijnlijk |vermoedelijk |toch |ook )?niet (?:lang|zo lang|heel lang) meer zijn\b",
        r"\bben (?:ik )?er (?:straks|binnenkort|weldra|na vandaag|na vanavond|na deze week|dan al|al|toch|over een paar dagen) niet meer\b(?! (?:bereikbaar|aanwezig|op kantoor|thuis|op dit adres|te bereiken|voor|om|tot|op)\b)",
        r"\bwill not (?:need|be needing) (?:it|this|that|them|any of (?:it|this|that)|money|anything)(?: [a-z]+){0,2} where i am going\b|\bwhere i am going i (?:will not|do not) need\b",
        r"\b(?:ben|is|zijn) (?:ik |hij |ze |zij )?er(?: (?:al|dan|toch|straks|binnenkort|weldra|morgen|overmorgen|vannacht|vanavond|volgende|over|na|dit|deze|een|paar|dagen|week|weekend|maand|vandaag|misschien|waarschijnlijk))+ niet meer\b(?! (?:bereikbaar|aanwezig|op kantoor|thuis|op dit adres|te bereiken|voor|om|tot|op|in|bij)\b)",
        r"\b(?:hij|ze|zij|he|she) (?:er )?(?:morgen|vannacht|straks|binnenkort|na vanavond) (?:er )?niet meer (?:is|zal zijn)\b",
        r"\b(?:will not|wont) be (?:here|around|alive|there)(?: [a-z]+)? (?:next month|after (?:this|the) (?:weekend|week|month)|in a (?:few|couple of) days|after tonight|by then|for much longer|for christmas|for my birthday)\b",
        r"\bi will (?:already )?be (?:gone|dead) (?:by the time|before it|by then|when it)\b",
        r"\b(?:going away|leaving|ga (?:binnenkort |straks )?weg|vertrek)(?: [a-z]+){0,3} (?:and|en) (?:i am |ik )?(?:not|never|niet|nooit) (?:coming|come|kom|komen) (?:back|terug|meer terug)\b",
        r"\b(?:this|dit) (?:is|would be|will be|wordt|zou) (?:my|his|her|mijn|zijn|haar) (?:last|laatste) (?:week|day|night|dag|nacht|weekend)\b(?! (?:at|op|on|in|of|van) )|\b(?:it is|het is) (?:my|mijn) (?:last|laatste) (?:day|dag)(?= \.| ,|$)",
        r"\bwaar ik (?:heen|naartoe|naar toe) ga(?: ,)?(?: [a-z]+){0,4} (?:niet|geen|niets)(?: [a-z]+){0,2} (?:meer )?nodig\b|\bnodig waar ik (?:heen|naartoe|naar toe) ga\b",
    ], check=lambda t, m: not _TRAVEL.search(t) and not _WORK.search(t)),
    # a goodbye hinted at, next to thanks, an apology or "bye everyone"
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\b(?:this is goodbye|dit is (?:mijn |het )?afscheid|last time (?:you will|anyone will) (?:hear|speak|talk) (?:from|to|with) me|will not hear from me again|never hear from me again|laatste keer dat (?:u|jullie|je|iemand) (?:mij|me|iets van mij) (?:spreekt|hoort|ziet|spreken)|(?:horen|hoort|hoor) (?:niets|nooit) meer van (?:mij|me)|(?:last|laatste) (?:conversation|gesprek|call|telefoontje) (?:i will have|ik ooit|met iemand|with anyone|ever))\b",
    ], check=lambda t, m: bool(_FAREWELL_COCUE.search(t))),
    # "please send the statement to my son, I won't be needing it": a hint tucked into a
    # routine request; only next to a hand-over to a relative and without a routine reason
    _Rule("crisis.farewell", CRISIS, 85, [
        r"\b(?:will not|will no longer|am not going to|shall not)(?: be)? need(?:ing)? (?:it|this|that|them|those|these|any of (?:it|this|that|them)|the [a-z]+|my [a-z]+)(?: [a-z]+)?(?: anymore| any longer| again| much longer| after (?:today|tonight|this week|this month))?\b",
        r"\b(?:heb|hebben|zal)(?: [a-z]+){0,3} (?:het|hem|die|dat|deze|dit|ze|niets|niks|geld|de [a-z]+|het [a-z]+|mijn [a-z]+)(?: [a-z]+){0,2} (?:niet|nooit) (?:meer|langer) nodig\b",
    ], check=lambda t, m: bool(_HANDOVER.search(t)) and not _TRAVEL.search(t) and not _REASON.search(t)),

    _Rule("crisis.disappear", CRISIS, 75, [
        r"\b(?:voorgoed|voor altijd|voor eeuwig)(?: [a-z]+)? verdwijnen\b|\bverdwijnen voor (?:altijd|eeuwig)\b",
        r"\bverdwijnen en (?:nooit|niet) meer (?:terug )?(?:komen|terugkomen)\b|\bdisappear and never come back\b",
        r"\b(?:better|beter|best) (?:if|als|dat|wanneer) (?:i|ik) (?:just |gewoon |maar )?(?:disappear|disappeared|verdwijn|verdwenen|vanish|vanished)\b",
        r"\b(?:ophouden|stoppen) met bestaan\b|\bstop being (?:here|alive)\b",
        r"\b(?:wish|want|wanted)(?: i could| to)?(?: just)? (?:not exist|stop existing|disappear|vanish|not be alive)\b",
        r"\bdisappear (?:forever|for good|permanently)\b|\bstop existing\b|\bcease to exist\b|\b(?:i|to|he|she)(?: [a-z]+){0,2} not exist anymore\b",
        r"\bnot (?:be )?around (?:much longer|anymore|for (?:much )?longer|for long)\b",
    ]),
    # ---- passive death wishes, done with life as a whole (Columbia Q1) ----
    _Rule("crisis.passive_wish", CRISIS, 84, [
        r"\bwish (?:i|he|she) (?:would|had) (?:never been born|not been born|died)\b|\bwish i (?:did not|do not) exist\b|\bwish i (?:was|were) (?:not|never) (?:alive|born)\b",
        r"\b(?:would be|would just be|is|seems|sounds) (?:(?:so|much|a lot|far|way) )*(?:easier|better|a relief|peaceful|simpler|nicer) (?:to|if i)(?: just| simply)? (?:not be alive|not be here|not exist|die|be dead|was dead|were dead|not wake up|stop living|stopped living|never woke up|did not wake up|was not here|were not here|was not alive|were not alive)\b",
        r"\b(?:would not|do not|would not really|really would not) (?:mind|care) if i (?:just )?(?:died|did not wake up|never woke up|was dead|were dead|got hit|was gone|were gone|did not make it|dropped dead|stopped breathing|never came back)\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:that )?i (?:just )?(?:die|get hit|do not wake up|never wake up|do not make it through|do not survive)\b|\b(?:hope|hoping|wish|pray|praying) (?:that )?(?:a car|a bus|a truck|a train|something|someone|the cancer|this illness|god)(?: [a-z]+){0,2} (?:hits me|kills me|runs me over|takes me|ends it)\b",
        r"\bwant out of (?:this life|life|living|this world|existence|it all|everything)\b",
        r"\bdone with (?:everything|it all|all of it|existing|this world|the world|being alive|being here)(?= \.| ,|$| and i| i )",
        r"\bthinking (?:about|of) not (?:being here|being alive|existing|waking up|living)\b|\b(?:tired|sick|weary|exhausted) of (?:being here|existing|breathing|waking up)\b",
        r"\b(?:death|dying|being dead|not being here|not existing)(?: [a-z]+){0,2} (?:would be|seems like|sounds like|feels like|seems) (?:such |a |like a )*(?:relief|release|blessing|escape)\b",
        # nl
        r"\b(?:zou willen|zou ik willen|wou|wilde|wens|wenste|had liever)(?: [a-z]+)? dat ik (?:nooit|niet) (?:geboren (?:was|ben|zou zijn)|had bestaan|besta|bestond)\b|\b(?:was|ware) ik (?:maar )?nooit geboren\b|\bhad ik (?:maar )?nooit (?:bestaan|geleefd)\b",
        r"\b(?:wou|wilde|wens|wenste|zou willen|zou ik willen)(?: [a-z]+)? dat ik (?:gewoon |soms )?(?:er )?niet (?:meer )?(?:was|bestond|besta|leefde|leef)\b",
        r"\b(?:ben|is|was)(?: [a-z]+){0,3} (?:het|mijn|dit) leven(?: [a-z]+){0,2} (?:zat|beu|spuugzat)\b|\bvan (?:mij|me) hoeft het (?:allemaal )?niet meer\b(?! (?:met|zo|per|elke|via|op papier|op die manier)\b)",
        r"\b(?:heb|heeft|hebben)(?: [a-z]+){0,2} genoeg van (?:het|mijn|dit|zijn|haar) leven\b|\b(?:ben|is)(?: [a-z]+){0,2} (?:het|mijn|dit) leven (?:zat|beu|spuugzat)\b",
        r"\b(?:zou|vind|vond)(?: [a-z]+){0,3} (?:het )?niet (?:erg|zo erg|zo n ramp)(?: [a-z]+){0,2} (?:als|dat|mocht) ik (?:[a-z]+ ){0,2}(?:dood ging|doodging|doodga|dood zou gaan|sterf|stierf|zou sterven|niet meer wakker (?:werd|word|zou worden)|er niet meer (?:was|ben|zou zijn)|verongeluk|verongelukte|zou verongelukken|een ongeluk kreeg|een ongeluk zou krijgen)\b",
        r"\b(?:hoop|hoopte|wens)(?: [a-z]+)? dat ik (?:(?!niet |geen |nooit )[a-z]+ ){0,2}(?P<neg>(?:niet|nooit) )?(?:doodga|dood ga|sterf|verongeluk|een ongeluk krijg|het overleef|het niet overleef|er morgen niet meer ben|niet meer ontwaak)\b",
        r"\b(?:de dood|dood zijn|sterven|doodgaan|er niet meer zijn)(?: (?:zou|lijkt))(?: (?:me|mij|voor mij|echt|gewoon|als|wel))* (?:een )?(?:verlossing|opluchting|uitkomst)\b",
    ], check=_not_generic),
    # ---- hopelessness, worthlessness, pain only the caller could end ----
    _Rule("crisis.hopeless", CRISIS, 82, [
        r"\b(?:feel|feeling|felt)(?: [a-z]+){0,2} (?:hopeless|worthless)\b(?! (?:with|at|about|when|in|on|using|around|regarding)\b)",
        r"\b(?:i am|i have always been|i was always)(?: (?:so|completely|totally|utterly|just|really|absolutely|nothing but|such a|a))* (?:worthless|waste of space|waste of oxygen|failure at life|failure at everything)\b(?! (?:with|at|about|in|on)\b)",
        r"\b(?:everything|it all|all of it) (?:is|feels|seems) (?:so |completely |totally |utterly |just )?hopeless\b(?! (?:with|about|regarding)\b)",
        r"\b(?:nothing|things|life|my life|it all) (?:will|is going to|are going to) (?:never )?(?:ever )?(?:get better|change|improve|be (?:ok|okay|good|alright|better)(?: again)?)(?= \.| ,|$| for me| no matter| whatever| and i| i )",
        r"\b(?:nothing|things|it|life|my life|it all) (?:is|are) (?:never|not ever|ever) (?:going to|gonna) (?:get better|change|improve|be (?:ok|okay|good|alright|better)(?: again)?)(?= \.| ,|$| for me| no matter| whatever| and i| i )",
        r"\b(?:see|have|there is) no (?:hope|future)\b(?! (?:for (?:the|this|that|it|your|our|those|these)|in (?:the|this|that)|of|with|about|on)\b)",
        r"\b(?:cannot|do not) see (?:a|any) (?:future|way out|light at the end|end to this|way forward)\b(?! (?:for (?:the|this|that|it|your|our)|with|in (?:the|this))\b)",
        r"\b(?:only|enige) (?:way out|way|solution|escape|uitweg|manier|oplossing|optie|option)\b(?: [a-z]+){0,8} (?:is|would be|lijkt|zou|seems)(?: [a-z]+){0,3} (?:death|dying|to die|die|dood|de dood|sterven|doodgaan|er niet meer (?:te )?zijn|not being here|not be here|(?:als|dat) ik (?:er niet meer ben|dood ben|doodga|sterf|er niet meer zou zijn)|if i (?:die|am dead|am gone|was gone|was dead|were dead|were gone)|to end it|ending it|end it|mezelf|myself)\b",
        r"\b(?:pain|suffering|it|this)(?: [a-z]+){0,3} (?:will never|is never going to|will not|does not|cannot) (?:stop|end|go away)(?: [a-z]+){0,2} (?:unless|until) i (?:do something|end it|die|am dead|am gone|take action|make it stop|kill myself)\b(?! about\b)",
        r"\b(?:pijn|lijden|het|dit)(?: [a-z]+){0,3} (?:stopt|houdt|gaat|verdwijnt)(?: [a-z]+){0,2} pas (?:op |weg |over )?(?:als|wanneer) ik (?:er niet meer ben|dood ben|doodga|sterf|er (?:zelf )?een eind(?:e)? aan maak|het zelf doe|er zelf iets aan doe)\b",
        r"\bwhat is the point (?:anymore|of it all|of anything|of going on|of trying anymore|of waking up)(?= \.| ,|$)|\bwhy (?:should|would|do) i (?:even )?(?:bother living|keep going|go on|keep living|carry on|stay alive|bother waking up)(?= \.| ,|$| anymore)",
        # nl
        r"\bik (?:ben|voel me|voel mij)(?: (?:echt|gewoon|helemaal|zo|totaal|compleet|volkomen|toch|alleen maar))* (?:waardeloos|niets waard|nergens goed voor|een waardeloos mens)\b(?! (?:met|in|bij|als het gaat om|op|qua|voor)\b)",
        r"\b(?:voel|voelt) (?:me|mij|zich)(?: (?:echt|gewoon|helemaal|zo|totaal|compleet|volkomen|zo ontzettend))* (?:hopeloos|uitzichtloos|overbodig|niets waard|waardeloos)\b(?! (?:met|in|bij|op|qua|over)\b)",
        r"\b(?:het|alles|mijn leven|dit|niets) (?:wordt|zal|gaat)(?: [a-z]+){0,2} (?:nooit|nooit meer|niet meer) (?:meer )?(?:beter|goed)(?: worden| komen)?(?= \.| ,|$| voor mij| met mij)",
        r"\bniets (?:wordt|zal|gaat) (?:ooit )?(?:meer )?beter(?: worden)?(?= \.| ,|$)|\balles is (?:zo )?hopeloos\b(?! (?:met|bij|aan)\b)",
        r"\b(?:zie|heb|zien|ziet)(?: [a-z]+){0,2} geen (?:toekomst|hoop|uitzicht|perspectief|licht)(?: meer)?(?: voor mezelf| voor mij)?(?= \.| ,|$| en )|\b(?:er is|is er) geen (?:hoop|toekomst|uitzicht) meer(?= \.| ,|$)",
        r"\bzie (?:het nut|de zin)(?: er)? niet meer (?:van )?(?:in)?(?= \.| ,|$)|\bzie (?:het nut|de zin) (?:niet meer )?(?:van|in) (?:het leven|leven|mijn leven|doorgaan|verder leven)\b",
        r"\bwaarom zou (?:ik|je) (?:nog )?(?:doorgaan|verder gaan|verdergaan|leven|blijven leven|opstaan|ademen)(?= \.| ,|$| eigenlijk| nog)|\bwat heeft (?:het leven|mijn leven|leven|het allemaal|het) (?:nog )?(?:voor )?(?:zin|nut)(?= \.| ,|$)",
    ], check=_not_generic),
    # ---- an overdose already taken, named by dose or container ----
    _Rule("crisis.overdose_taken", CRISIS, 100, [
        rf"\b(?:took|taken|swallowed|had|ate|eaten|downed|popped|ingenomen|genomen|geslikt|doorgeslikt|opgegeten|gegeten|op)\b(?: [a-z0-9.]+){{0,3}} {_DOSE}",
        rf"\b{_DOSE}(?: [a-z0-9.]+){{0,4}} (?:ingenomen|genomen|geslikt|doorgeslikt|op|opgegeten|gegeten|naar binnen|leeg ?gegeten|leeg ?geslikt|took|taken|swallowed)\b",
        rf"\b(?:took|taken|swallowed|popped|ingenomen|genomen|geslikt|doorgeslikt)(?: [a-z]+){{0,3}} (?:a |the |een |de |mijn |my )?(?:whole|entire|full|hele|volle|complete) (?:pack|packet|box|bottle|strip|strips|blister|sheet|jar|tub|doos|doosje|potje|pot|verpakking|doordrukstrip|flesje|fles|pakje|voorraad|supply|stash)(?= \.| ,|$| (?:of|van|met|aan) (?:my |mijn |the |de )?{_PILLS}\b| (?:pills|pillen|tablets|tabletten)\b)",
        rf"\b(?:whole|entire|full|hele|volle|complete) (?:strip|strips|doos|doosje|potje|pot|verpakking|doordrukstrip|pakje|flesje|blister|pack|packet|bottle|voorraad)(?: (?:met|van|aan))?(?: (?:mijn|de|m|my|the))?(?: {_PILLS})? (?:geslikt|ingenomen|genomen|doorgeslikt|leeggegeten|leeg gegeten|leeggeslikt|leeg geslikt)\b",
        rf"\b(?:[2-9]|[1-9]\d) (?:potjes|doosjes|doosje|potje|strips|stripjes|doordrukstrips|pakjes|verpakkingen|boxes|packs|packets|bottles|blisters|sheets) (?:(?:met|van|of|aan) )?(?:mijn |de |my |the )?(?:{_PILLS} )?(?:leeg ?gegeten|leeg ?geslikt|geslikt|ingenomen|genomen|op|took|taken|swallowed)\b",
        rf"\b(?:took|taken|swallowed|popped|have had|had) (?:[2-9]|[1-9]\d) (?:boxes|packs|packets|bottles|blisters|sheets|strips) (?:of )?(?:my |the )?{_PILLS}\b",
        r"\b(?:i|ik|he|she|hij|ze|zij) (?:just |have |has |net |heb |heeft )?overdosed\b",
        rf"\b(?:heb|heeft|hebben|had) (?:net |zojuist |vannacht |vanavond |allemaal )?(?:[1-9]\d\d?|een hele|de hele|alle|al mijn|al zijn|al haar) {_PILLS}(?: [a-z0-9]+){{0,6}} op(?= \.| ,|$| en )",
    ], check=_dose_is_large),
    _Rule("crisis.overdose", CRISIS, 100, r"\boverdos[a-z]*", check=_not_pump_overdose),
    _Rule("crisis.lethality", CRISIS, 90, [
        r"\b(?:hoeveel|how much|how many)(?: [a-z0-9]+){0,5} (?:dodelijk|fatal|lethal|deadly|genoeg om dood te gaan|enough to die|enough to kill)\b",
        r"\b(?:dodelijke|lethal|fatal|deadly) (?:dosis|dose|hoeveelheid|amount|overdose)\b",
        r"\b(?:genoeg|enough)(?: [a-z]+){0,2} (?:om dood te gaan|om te sterven|to die|to kill (?:myself|me)|to end it)\b",
        r"\b(?:ways|way|manier|manieren|methods|methode|methodes) (?:to|om)(?: [a-z]+)? (?:die|dood te gaan|te sterven|end it|end my life|zelfmoord)\b",
    ], check=lambda t, m: not _PRODUCT_TEXT.search(_clause(t, m))),
]

# ---- pills / insulin taken or saved up ------------------------------------
_TAKE = (r"(?:ingenomen|innemen|inneem|geslikt|doorgeslikt|slikken|slik|slikte|genomen|nemen|neem|nam|took|take|taken|"
         r"taking|swallowed|swallow|popped|downed|spuiten|gespoten|spuit|inject|injected|injecting)")
_LOTS = re.compile(r"\b(?:[1-9]\d\d?(?! ?(?:mg|g|gr|gram|grams|ml|mcg|microgram|milligram|milligrams|mmol|procent|percent|euro|uur|keer|dagen|days|hours|minuten|minutes)\b)|al|alle|allemaal|veel|heel veel|hele|strip|strips|doos|doosje|potje|pot|"
                   r"te veel|too many|all|whole|bottle|handful|handvol|lot|lots|bunch|in een keer|in 1 keer|"
                   r"tegelijk|at once|alles|everything|dozen|dozens|heleboel)\b")
_PILLS_TAKE = re.compile(rf"\b{_PILLS}\b(?: [a-z0-9]+){{0,5}} {_TAKE}\b|\b{_TAKE}\b(?: [a-z0-9]+){{0,5}} {_PILLS}\b")
_PILLS_SAVE = re.compile(rf"\b(?:gespaard|opgespaard|verzameld|spaar|sparen|saving|saved|stockpiling|"
                         rf"hoarding|collecting|collected)(?: [a-z]+){{0,3}} {_PILLS}\b|\b{_PILLS}"
                         rf"(?: [a-z]+){{0,2}} (?:gespaard|opgespaard|verzameld)\b")
_INSULIN_WORD = re.compile(r"\b(?:insuline|insulin)\b")
_INSULIN_INTENT = re.compile(r"\b(?:al|alle|alles|all|in een keer|in 1 keer|tegelijk|at once|whole|hele)\b")


_PILLS_BARE = re.compile(r"\b(?:heeft|heb|hebben|had|has|have) (?:net |vannacht |zojuist |allemaal )?(?:pillen|tabletten|"
                         r"slaappillen|medicijnen|pijnstillers) (?:geslikt|ingenomen)\b")


def _pills_hits(text: str):
    yield from _PILLS_BARE.finditer(text)
    for m in _PILLS_TAKE.finditer(text):
        clause = _clause(text, m)
        lots = _INSULIN_INTENT if _INSULIN_WORD.search(m.group(0)) else _LOTS
        if lots.search(clause):
            yield m
    yield from _PILLS_SAVE.finditer(text)


# ---- "ik wil / kan niet meer" ---------------------------------------------
_NM_MID = r"(?: (?:ik|hij|ze|zij|het|dit|er|echt|gewoon|eigenlijk|nu|ook|dus|zo|nou|toch|gewoonweg|allemaal|helemaal|werkelijk|t))"
_NM_FORWARD = re.compile(rf"\b(?P<verb>wil|wilt|willen|wou|wilde|kan|kun|kunt|kunnen|kon)(?P<mid>{_NM_MID}{{0,3}}) niet (?:meer|langer)\b(?P<rest>[^.,]*)")
_NM_FINAL = re.compile(r"\bniet (?:meer|langer) (?P<verb>wil|wilt|willen|wou|kan|kunt|kunnen)\b(?P<rest>[^.,]*)")
_NM_STOP = frozenset("ik hij ze zij we wij i maar want omdat en dus of sinds toen".split())
_NM_FILLERS = frozenset("echt gewoon zo nou hoor nu eigenlijk ook toch dus alsjeblieft alstublieft please "
                        "help nee ja he jongens man ofzo allemaal helemaal meer mens joh eh euh uh uhm "
                        "ehm zeker langer heus hoe hoor mevrouw meneer pfff pff".split())
_NM_LIVING = frozenset("leven levend bestaan ademen wakker ontwaken doorleven lijden vechten strijden sterven "
                       "dood doodgaan doorgaan verdergaan opstaan overleven volhouden".split())
_NM_ROUTINE = frozenset("de het een die dat deze mijn jullie u uw je jou me mij ons onze hun per met in op "
                        "bij naar voor van aan via over tijdens elke elk iedere ieder zoveel zovaak zolang "
                        "lid vriend vrienden donateur donor klant geld post mail email brieven brief "
                        "nieuwsbrief acceptgiro machtiging incasso pomp pompen patch patches pod pods "
                        "sensor app maandelijks jaarlijks automatisch telefonisch lang vaak iets niets "
                        "alles".split())
_NM_NOT_VERBS = frozenset("alleen even geen een tien zeven negen boven binnen buiten open heen toen kanten "
                          "tegen tussen mensen dingen zeven".split())
_PARTICIPLE = re.compile(r"^(?:ge|be|ver|her|ont|afge|opge|aange|toege|terugge|doorge|uitge|nage|lastigge)"
                         r"[a-z]{2,}[dt]$")


def _niet_meer_is_crisis(verb: str, rest: str) -> bool:
    tokens = []
    for tok in rest.split():
        if tok in _NM_STOP:
            break
        tokens.append(tok)
    can = verb.startswith(("ka", "ku", "ko"))
    # "hij kan niet meer wakker worden" is a medical sign (device.unconscious), not a wish
    if any(t in _NM_LIVING and not (can and t == "wakker") for t in tokens):
        return True
    for a, b in itertools.pairwise(tokens):
        if (a in ("hier", "er") and b == "zijn") or (a == "op" and b in ("aarde", "deze", "wereld")):
            return True
    content = [t for t in tokens if t not in _NM_FILLERS]
    if not content:
        return True
    first = content[0]
    if first in ("verder", "door"):
        return not (len(content) > 1 and content[1] in ("met", "als", "bij", "naar"))
    if first == "zijn":
        return True
    if can and first in ("aan", "tegen") and len(content) == 1:
        return True
    for t in content:
        if t in _NM_ROUTINE or t.isdigit() or _PARTICIPLE.match(t):
            return False
        if len(t) >= 5 and t.endswith("en") and t not in _NM_NOT_VERBS:
            return False   # an infinitive: doneren, betalen, wachten, prikken, ontvangen
    return True            # unknown continuation: when in doubt, flag


# "mijn vader wil niet meer, hij wil zijn gift stoppen": a bare "wil niet meer"
# explained in the next clause by a routine topic is routine.
_NM_NEXT_TOPIC = re.compile(
    r"\b(?:gift|giften|donatie|donaties|doneren|bijdrage|lidmaatschap|machtiging|incasso|nieuwsbrief|"
    r"post|brieven|bellen|gebeld|mail|mailtjes|pomp|pompen|patch|patches|pod|sensor|abonnement|betalen|"
    r"betaling|loterij|app|donateur|vriend|lid|bedrag|kosten|geld|prijs|euro|duur|factuur|rekening|"
    r"afschrijving|contributie)\b")
_NM_NEXT_LIVING = re.compile(r"\b(?:leven|dood|sterven|zelfmoord|moe|kapot|zin|uitzichtloos|pijn|alles)\b"
                             r"|\b(?:ben|is|zijn|voel me) (?:echt |helemaal |gewoon )?op\b")
# "dat wil ik niet meer": a fronted object pronoun points back to something routine
_NM_FRONTED = re.compile(r"\b(?:dat|die|het|dit|zo|zoiets|zulke|zo n)$")
_NM_SUBJECT_MID = re.compile(r"\b(?:ik|hij|ze|zij|we|wij)\b")


def _niet_meer_hits(text: str):
    if "niet meer" not in text and "niet langer" not in text:
        return
    for regex in (_NM_FORWARD, _NM_FINAL):
        for m in regex.finditer(text):
            if not _niet_meer_is_crisis(m.group("verb"), m.group("rest")):
                continue
            if (regex is _NM_FORWARD and _NM_SUBJECT_MID.search(m.group("mid"))
                    and _NM_FRONTED.search(text[:m.start()].rstrip())
                    and not _NM_NEXT_LIVING.search(_sentence(text, m))):
                continue
            if not m.group("rest").strip():
                nxt = text[m.end():].lstrip(" ,")
                stop = nxt.find(" . ")
                nxt = nxt if stop == -1 else nxt[:stop]
                nxt = nxt.split(" , ")[0]
                if _NM_NEXT_TOPIC.search(nxt) and not _NM_NEXT_LIVING.search(nxt):
                    continue
            yield m


_NIET_MEER_WILLEN_EXTRA = re.compile(r"\bwil(?:t|len)? (?:dit|het|mijn|zo n|zo|m) leven niet meer\b")


# ==========================================================================
