"""Device safety (insulin patch-pump emergencies), and the combination rules: a signal that
is only unambiguous next to a second one (device, but also crisis.third_party_silence and
eol.distress_now, which run with the device combinations)."""
from __future__ import annotations

import re

from bot.triage.rules.base import _DEV, _PERSON, DEVICE
from bot.triage.rules.machinery import _QUESTION_START, _clause, _Rule, _sentence
from bot.triage.rules.negation import _is_negated

# DEVICE SAFETY
# ==========================================================================
_GLU_CTX = (r"(?:bloedsuiker[a-z]*|suiker[a-z]*|glucose[a-z]*|bg|bs|sugar|sugars|levels?|hypo|waarde|cgm|sensor|"
            r"meter|reading|mmol|i am at|i am on|ik zit op|ik sta op|ik zit nu op|im at|zit ik op|sta ik op|"
            r"zit ik nu op|sta ik nu op|down to|dropped to|gezakt naar|gedaald naar|zakt naar)")
_NO_VALUE_AFTER = (r"(?! ?(?:eenheden|eenheid|units?|uur|uren|hours?|minuten|minutes?|min|jaar|years?|dagen|days?|"
                   r"keer|times|procent|percent|euro|weken|weeks|maanden|months|e\b|u\b))")
_GLU_VALUE = re.compile(
    rf"\b(?P<ctx>{_GLU_CTX})\b(?P<gap>(?: (?!keton)[a-z]+){{0,4}}?) (?P<val>\d{{1,3}}(?:\.\d{{1,2}})?)\b{_NO_VALUE_AFTER}"
    rf"|\b(?P<val2>\d{{1,3}}(?:\.\d{{1,2}})?) ?(?:mmol|mg)\b")
_KETONE_BEFORE = re.compile(r"\bketon[a-z]*(?: [a-z]+)?$")
_HIGH_WORDS = re.compile(
    rf"\b{_GLU_CTX}\b(?: [a-z]+){{0,4}} (?:hi|(?:erg|heel|te|extreem|super|veel te|gevaarlijk|echt|zo|enorm) hoog|"
    rf"torenhoog|sky high|through the roof|(?:very|really|extremely|dangerously|way too|too|so|super) high|"
    rf"wil niet zakken|zakt niet|gaat niet omlaag|blijft stijgen|will not come down|not coming down|keeps rising|"
    rf"keeps going up|rising fast|stijgt (?:heel |erg |zo )?snel|skyrocketing|shooting up|schiet omhoog|blijft maar stijgen)\b"
    rf"|\b(?:meter|sensor|cgm|reading) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?hi\b|\bhyper\b")
_LOW_WORDS = re.compile(r"\b(?:meter|sensor|cgm|reading|sugar|suiker|glucose) (?:zegt|says|shows|geeft|gives|staat op|reads) (?:[a-z]+ )?(?:lo|low|laag)\b")
_KETONE = r"(?:ketonen|ketones|keton[a-z]*|ketone[a-z]*)"
_KETONE_VALUE = re.compile(rf"\b{_KETONE}\b(?: [a-z]+){{0,3}} (?P<val>\d{{1,2}}(?:\.\d{{1,2}})?)\b")
_KETONE_QUAL = re.compile(
    rf"\b(?:heb|hebben|heeft|have|has|got|positive|positief|positieve|hoge|high|large|moderate|veel|verhoogde|"
    rf"raised|elevated|sterk|small|trace|with|met|en|and)(?: [a-z]+)? {_KETONE}\b(?! (?:[a-z]+ )?(?:gemeten|getest|gecontroleerd|"
    rf"measured|tested|checked|meten|testen|strips|strip|meter|negative|negatief|negatieve|normal|normaal|fine|ok|okay|goed|weg|gone|zero|nul)\b)"
    rf"|\b{_KETONE} (?:[a-z]+ ){{0,2}}(?:hoog|verhoogd|positief|high|positive|elevated|raised|up)\b"
    rf"|\b(?:heb|have|has|in|denk dat ik|think i have)(?: [a-z]+){{0,2}} (?:dka|ketoacidose|ketoacidosis)\b")
_VOMIT = re.compile(r"\b(?:overgeven|overgegeven|geef over|gaf over|braken|braak|braakt|gebraakt|spugen|spuug|"
                    r"gespuugd|kotsen|kots|vomit[a-z]*|throwing up|threw up|throw up|being sick|been sick)\b")
_UNWELL = re.compile(
    r"\b(?:misselijk|beroerd|ziek|duizelig|onwel|ellendig|slap|suf|verward|wazig|raar|benauwd|"
    r"voel me (?:niet goed|slecht|rot|vreselijk|heel slecht|helemaal niet goed|niet lekker|ziek)|"
    r"sick|dizzy|unwell|nauseous|nauseated|nausea|confused|drowsy|faint|lightheaded|shaky|"
    r"(?:feel|feeling|felt) (?:[a-z]+ )?(?:awful|terrible|bad|ill|weird|off|horrible|rough|not well|not good))\b")
_OCCLUSION = re.compile(r"\b(?:occlusie[a-z]*|occlusion[a-z]*|occlud[a-z]*|verstop[a-z]*|blokkade|geblokkeerd|blocked|"
                        r"blockage|occluded)\b")
_PUMP_FAIL = re.compile(
    r"\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,3} (?:gestopt|stopte|stopt|stopped|died|kapot|werkt niet|"
    r"doet het niet|doet niets|failed|is not working|not working|broke|broken|uitgevallen|error|alarm)\b")
_NOT_DELIVERING = re.compile(
    r"\b(?:geeft|gaf|levert|leverde|komt|kwam|gaat|ging|krijg|krijgt|kreeg)(?: [a-z]+){0,5} geen insuline\b"
    r"|\bgeen insuline (?:meer )?(?:uit|door) (?:de|mijn|m) pomp\b|\bgeen (?:insuline ?)?afgifte\b|\bno (?:insulin )?delivery\b"
    r"|\binsuline (?:komt|kwam|gaat|ging) (?:[a-z]+ )?niet (?:meer )?(?:door|in|uit|naar binnen)\b"
    r"|\bkrijg (?:[a-z]+ )?geen insuline\b"
    r"|\b(?:is|was|are) not (?:delivering|giving|pumping|releasing) (?:any )?insulin\b"
    r"|\bnot (?:delivering|giving|pumping) (?:any |me )?insulin\b"
    r"|\bstopped (?:delivering|giving|pumping) (?:any )?insulin\b"
    r"|\bno insulin (?:is |has |has been |was )?(?:coming|going|gone|getting|got|delivered|being delivered)\b"
    r"|\bnot getting (?:any )?insulin\b"
    # "mijn pomp geeft al uren niets af"
    r"|\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,4} (?:geeft|gaf|levert|leverde)(?: [a-z]+){0,3} (?:niets|niks|geen insuline|niet(?:s)? meer) (?:af|door)\b"
    r"|\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,4} (?:is not|isn t|has not been|has not|hasn t|was not) (?:delivering|giving|pumping) (?:anything|any insulin)\b")
_NOT_DELIVERING_GENERIC = re.compile(r"^(?: [a-z0-9]+){0,5} (?:als|wanneer|if|when|unless|tenzij|tijdens|during|while|bij het)\b")
_SENTENCE_QUESTION = re.compile(r"\b(?:klopt dat|is dat normaal|is dat zo|is that normal|is that right|is that correct|"
                                r"is that true)\b|\b(?:toch|right|correct|klopt het)(?: \.)?\s*$")
_DEVICE_FAQ = re.compile(
    r"\b(?:wat|hoe) (?:moet|doe|kan|kun|moeten|doen) (?:ik|je|we|u|men)(?: [a-z]+){0,2} (?:als|wanneer|bij)\b"
    r"|\bwhat (?:should|do|can|must|would) (?:i|you|we|one) do (?:if|when)\b|\bwhat happens (?:if|when)\b"
    r"|\b(?:does|do|can|will|could|kan|gaat|zal) (?:the|de|my|mijn) (?:pump|pomp|pod|patch)\b")


def _glucose_values(text: str):
    for m in _GLU_VALUE.finditer(text):
        if m.group("val2") is not None:
            raw = m.group("val2")
        else:
            if _KETONE_BEFORE.search(text[:m.start("ctx")].rstrip()):
                continue
            raw = m.group("val")
        value = float(raw)
        if value > 40:
            value = value / 18.0          # mg/dl -> mmol/l
        if value < 1.0:
            continue                      # not a glucose value (ketones, 0.5 units, ...)
        yield value, m


def _first(text: str, matches) -> tuple | None:
    """(negated, start, end) of the best match: an un-negated one if any."""
    best = None
    for m in matches:
        neg = _is_negated(text, m.start(), m.end(), m)
        if not neg:
            return (False, m.start(), m.end())
        if best is None:
            best = (True, m.start(), m.end())
    return best


_SOMEONE = re.compile(rf"\b(?:i|ik|my|mijn|me|mij|m|he|she|hij|zij|ze|his|her|zijn|haar|{_PERSON})\b")


def _device_state(text: str) -> dict:
    state = {}
    high = [m for v, m in _glucose_values(text) if v >= 14.0] + list(_HIGH_WORDS.finditer(text))
    low = [m for v, m in _glucose_values(text) if v < 3.0] + list(_LOW_WORDS.finditer(text))
    ketones = [m for m in _KETONE_VALUE.finditer(text) if float(m.group("val")) >= 1.0]
    ketone_value_spans = {m.start() for m in _KETONE_VALUE.finditer(text)}
    ketones += [m for m in _KETONE_QUAL.finditer(text)
                if not any(abs(m.end() - s) < 40 and s >= m.start() - 5 for s in ketone_value_spans)]
    # a general question ("how high is too high for ketones") is not a reading
    ketones = [m for m in ketones if not (_QUESTION_START.search(_sentence(text, m))
                                          and not _SOMEONE.search(_sentence(text, m)))]
    # a signal that the message itself says is over ("... ketones but it's all normal again")
    high = [m for m in high if not _RESOLVED.search(text, m.end())]
    ketones = [m for m in ketones if not _RESOLVED.search(text, m.end())]
    state["high"] = _first(text, high)
    state["low"] = _first(text, low)
    state["ketones"] = _first(text, ketones)
    state["vomit"] = _first(text, _VOMIT.finditer(text))
    state["unwell"] = _first(text, _UNWELL.finditer(text))
    state["occlusion"] = _first(text, _OCCLUSION.finditer(text))
    state["pump_fail"] = _first(text, _PUMP_FAIL.finditer(text))
    faq = _DEVICE_FAQ.search(text)
    nd = [m for m in _NOT_DELIVERING.finditer(text)
          if not (faq and faq.start() < m.start())
          and not _NOT_DELIVERING_GENERIC.match(text[m.end():])
          and not _SENTENCE_QUESTION.search(_sentence(text, m))]
    state["not_delivering"] = _first(text, [m for m in nd if not _RESOLVED.search(text, m.end())])
    return state


def _combine(*parts) -> tuple | None:
    """All parts present: negated if the first (primary) part is negated."""
    if any(p is None for p in parts):
        return None
    return (parts[0][0], parts[0][1], parts[0][2])


_PERSON_BEFORE = re.compile(rf"\b{_PERSON}\b(?: [a-z]+){{0,5}} $")
_CONFUSED = (r"(?:verward|confused|praat (?:heel |erg )?(?:raar|vreemd|onduidelijk)|raar praten|suf|drowsy|slurring|"
             r"sluggish|zweterig|kan (?:niet|nauwelijks) (?:meer )?(?:nadenken|praten|lopen|staan)|"
             r"cannot (?:think|talk|stand|walk)|can barely (?:stand|talk|walk|think)|not making sense)")
_HW = (r"(?:handheld|controller|pdm|laadpoort|laadpoortje|oplaadpoort|charging port|pomp|pump|pod|patch|batterij|battery|accu|lader|oplader|charger|behuizing|housing|case|"
       r"casing|omhulsel|kastje|apparaatje|apparaat|device|reservoir|insulinepomp|oplaadkabel|adapter)")
_DEVICE_RULES = [
    _Rule("device.unconscious", DEVICE, 96, [
        r"\bbewusteloos\b|\bbuiten bewustzijn\b|\bniet (?:meer )?aanspreekbaar\b",
        r"\bin elkaar (?:gezakt|gestort|zakt)\b|\bcollapsed\b|\b(?:zakt|zakte|zakken) in elkaar\b",
        r"\b(?:ligt|lag|zit|zat|is) te (?:stuiptrekken|schuimbekken|schokken|trillen en schokken)\b|\bstuiptrek[a-z]*|\bschuimbek[a-z]*",
        r"\b(?:jerking|twitching) (?:and|en) (?:jerking|twitching|shaking|convulsing)\b|\b(?:shaking|trembling) and jerking\b|\bjerking (?:uncontrollably|all over)\b|\bclench(?:ing|es|ed)? (?:his|her|their) jaw\b",
        r"\b(?:cannot|can not|could not) wake (?:him|her|them|my [a-z]+)(?: up)?\b",
        r"\b(?:kan|kon|krijg|kunnen|kreeg|krijgen|lukt)(?: [a-z]+){0,3} niet (?:meer )?wakker (?:worden|krijgen|gemaakt|maken|te krijgen|word)\b",
        r"\bniet (?:meer )?wakker te (?:krijgen|maken)\b",
        r"\b(?:krijg|krijgt|kreeg|krijgen)(?: [a-z]+){0,3} niet (?:meer )?wakker\b|\bniet (?:meer )?wakker (?:wordt|werd)\b",
        r"\b(?:ligt|lag|zit|zat) te schokken\b|\bschokt (?:over|met) (?:zijn|haar|heel)\b",
        r"\b(?:is|was|are) not waking up\b|\bnot waking up\b",
        r"\bflauw ?gevallen\b|\bvalt flauw\b|\bflauwvalt\b",
        r"\b(?:heeft|had|krijgt|kreeg|heb) een toeval\b|\bschuim (?:op|om) (?:zijn|haar|de) mond\b|\bfoaming at the mouth\b",
        r"\bepileptische aanval\b|\b(?:een|epileptisch) insult\b|\bstuip(?:en)?\b|\bconvulsie[a-z]*|\btrekkingen\b",
        r"\bunconscious\b|\bpassed out\b|\bfainted\b|\bunresponsive\b",
        r"\bcannot (?:wake|rouse)(?: [a-z]+){0,3} up\b|\bcannot be (?:woken|waked|roused)\b|\bwill not wake up\b",
        r"\bseizures?\b|\bseizing\b|\bconvulsing\b|\bconvulsions?\b|\bhaving a fit\b",
    ]),
    # a person (not the app) who does not respond; anchored on the verb for speed
    _Rule("device.unconscious", DEVICE, 96, [
        r"\b(?:reageert|reageerde)(?: [a-z]+)? (?:niet|nergens (?:meer )?op)\b",
        r"\b(?:will not|does not|did not|is not|cannot|was not) (?:respond|responding|answer me|react|reacting)\b",
        r"\bnot responding\b|\b(?:is not|was not|are not) answering (?:anymore|any more|me)(?= \.| ,|$)|\bgeeft geen antwoord meer\b|\bzegt (?:niets|niks) meer\b",
    ], check=lambda t, m: bool(_PERSON_BEFORE.search(t[max(0, m.start() - 60):m.start()]))),
    _Rule("device.severe_hypo", DEVICE, 94, [
        rf"\b(?:hypo|low|laag)\b(?: [a-z0-9.]+){{0,8}} {_CONFUSED}\b|\b{_CONFUSED}\b(?: [a-z0-9.]+){{0,8}} (?:hypo|low|laag)\b",
        r"\b(?:zware|ernstige|heftige|hele erge|erge|severe|bad|really bad|serious|extreme|massive) (?:hypo|low|hypoglyc[a-z]*)\b",
        r"\b(?:dangerously|extremely|critically|gevaarlijk|extreem|kritiek) (?:low|laag)\b",
        r"\b(?:cannot|can not|could not|kan|krijg|kreeg|lukt)(?: [a-z]+){0,2} (?:get )?(?:my|mijn|his|her|zijn|haar) (?:sugar|suiker|glucose|bloedsuiker|levels|waarde)(?: [a-z]+)? (?:niet )?(?:up|omhoog)\b",
        r"\bglucagon\b(?: [a-z]+){0,2} (?:gegeven|gespoten|nodig|geven|spuiten)\b|\b(?:gave|give|given|need|needs|needed|injected|used) (?:[a-z]+ )?glucagon\b",
        r"\b(?:hypo|low|suiker|sugar)(?: [a-z]+){0,3} (?:wil niet omhoog|gaat niet omhoog|blijft laag|will not come up|not coming up|keeps dropping|keeps falling|blijft (?:maar |steeds )?(?:zakken|dalen)|(?:zakt|daalt) (?:heel |erg |te |zo )?snel|(?:dropping|falling) (?:really |very |so )?fast)\b",
    ]),
    _Rule("device.too_much_insulin", DEVICE, 91, [
        r"\b(?:te ?veel|too much|way too much|veel te veel|overdose of|overdosis) (?:[a-z]+ )?(?:insuline|insulin)\b",
        r"\b(?:insuline|insulin) overdos[a-z]*",
        r"\b(?:dubbele|dubbel|double|twee keer|twice|2 keer) (?:een )?bolus\b|\bbolus(?: [a-z]+){0,2} (?:twee keer|twice|dubbel|double)\b",
        r"\b(?:zomaar|vanzelf|ongevraagd|uit zichzelf|randomly|unexpectedly)(?: [a-z]+){0,3} (?:een )?bolus\b",
        r"\bbolus(?: [a-z0-9]+){0,5} (?:zomaar|vanzelf|ongevraagd|uit zichzelf|on its own|by itself|randomly|i did not ask for|i never asked for|i did not give|terwijl ik niets deed|terwijl ik niks deed|zonder dat ik|without me|without asking)\b",
        r"\b\d+ (?:eenheden|units|e|u) (?:in plaats van|instead of) \d+\b",
        r"\b(?:per ongeluk|per vergissing|accidentally|by accident|by mistake)(?: [a-z0-9]+){0,5} (?:bolus|insuline|insulin|eenheden|units|gebolust|bolused|injected|gespoten)\b",
        r"\b(?:gaf|gave|delivered|gegeven|geeft|gives|pumped|injected)(?: [a-z]+){0,3} (?:te veel|too much|way too much|veel te veel|extra insulin on its own)\b",
        r"\b(?:pomp|pump|pod)(?: [a-z]+){0,3} overdos[a-z]*",
        r"\b(?:pomp|pump|pod|patch)(?: [a-z]+){0,2} (?:blijft|keeps|kept|bleef)(?: maar)?(?: [a-z]+ (?:and|en))? (?:insuline |insulin )?(?:geven|giving|delivering|pumping|bolussen|bolusing|injecting|afgeven)\b(?! (?:me |mij )?(?:a|an|the|een|de|het|this|that|these|weird|strange|rare|vreemde|error|errors|foutmelding|foutmeldingen|alarm|alarms|alarmen|reminders?|meldingen?|warnings?|notifications?|messages?|beeps?|signals?)\b)",
        r"\b(?:will not|would not|does not|won t) stop (?:giving|delivering|pumping|injecting)(?: [a-z]+)? (?:insulin|insuline)\b|\bstopt niet met (?:insuline )?(?:geven|toedienen|afgeven|pompen)\b",
        r"\b(?:insulin|insuline|bolus)(?: [a-z]+){0,3} (?:on its own|by itself|vanzelf|uit zichzelf|zomaar)\b",
        # the whole reservoir at once: "heeft in een keer alle insuline gegeven"
        r"\b(?:alle|al de|de hele|het hele|heel de|all the|all of the|all (?:my|its)|the whole|the entire|entire) (?:insuline|insulin|reservoir|cartridge|voorraad)(?: [a-z]+){0,3} (?:gegeven|afgegeven|geleegd|leeggepompt|geleverd|ingespoten|toegediend|gepompt|delivered|given|dumped|emptied|pumped|injected|released|gave)\b",
        r"\b(?:gaf|gave|dumped|emptied|delivered|pumped|pushed|released|leegde|spoot|injected)(?: [a-z]+){0,3} (?:alle|all|all of|the whole|the entire|de hele|heel de) (?:[a-z]+ )?(?:insuline|insulin|reservoir|cartridge)\b",
    ]),
    # a whole dose at once, not as a question ("kan ik mijn insuline in een keer geven?")
    _Rule("device.too_much_insulin", DEVICE, 91, [
        r"\b(?:insuline|insulin|dosis|dose|reservoir|eenheden|units)(?: [a-z0-9]+){0,4} (?:in een keer|in 1 keer|in one go|all at once|at once)\b(?: [a-z]+){0,2} (?:gegeven|afgegeven|geleverd|delivered|given|gave|pushed|gepompt|leeggepompt|pumped|in)\b",
        r"\b(?:in een keer|in 1 keer|in one go|all at once|at once)(?: [a-z]+){0,3} (?:insuline|insulin|reservoir)(?: [a-z]+){0,2} (?:gegeven|afgegeven|geleverd|delivered|given|gepompt|leeggepompt|pumped)\b",
    ], check=lambda t, m: not _QUESTION_START.search(_clause(t, m)) and not _routine_device_talk(_sentence(t, m))),
    _Rule("device.heat_fire", DEVICE, 92, [
        rf"\b{_DEV}(?: [a-z]+){{0,2}}? (?:is|was|werd|wordt|word|voelt|voelde|raakte|got|gets|getting|became|becomes|felt|feels|went|turned|gotten|become|running|sits|sat|zit|zat|ligt|lag)(?: [a-z]+){{0,2}}? (?:heet|hot|gloeiend|kokend|bloedheet|burning|scorching|scalding|searing|boiling|(?:heel|erg|echt|super|te|gloeiend|ontzettend|extreem|really|very|extremely|too|so) warm)\b",
        r"\b(?:voelt|brandt|feels|felt|voelde) (?:als|like) (?:vuur|fire|it is burning|it is on fire)\b",
        r"\b(?:gloeiend|kokend|bloed) ?heet\b|\bburning hot\b|\bred hot\b|\btoo hot to (?:touch|hold|wear)\b|\bheet (?:geworden|werd|worden)\b|\b(?:overheat|oververhit)[a-z]*",
        r"\b(?:verbrand|brandwond|brandplek|brandblaar|brandlucht)[a-z]*",
        r"\bbrandt (?:op|in|aan) (?:mijn|de|m|zijn|haar) (?:huid|buik|arm|been)\b|\bbrandende? (?:plek|plekken|huid|wond)\b",
        r"\bburn(?:s|ed|t)? (?:on |to )?(?:my|his|her|the) (?:skin|stomach|belly|arm|leg|tummy|side|hand|finger|thigh)\b",
        r"\b(?:a|the|got a|have a|has a|left a) burn\b|\bburn (?:mark|marks|blister|blisters|wound)\b|\bburn(?:ed|t) (?:myself|himself|herself|me)\b",
        r"\bburning (?:smell|plastic|rubber)\b|\bsmell(?:s|ed|ing)? (?:of |like )?burn[a-z]*|\bskin is burn[a-z]*",
        r"\brook (?:kwam|komt|uit)\b|\b(?:komt|kwam) (?:er )?(?:een beetje |wat |veel |nog )?rook\b|\b(?:is|was) aan het (?:roken|branden|smeulen)\b|\bsmeul[a-z]*|\bsmou?lder[a-z]*|\b(?:pomp|lader|oplader|batterij|accu|patch|pod|apparaat|kabel|ding|hij|ie) (?:[a-z]+ ){0,2}(?:rookt|rookte)\b",
        r"\bsmoke (?:came|comes|coming|is coming|was coming|out)\b|\b(?:pump|charger|battery|pod|it|patch|cable|device) (?:[a-z]+ )?(?:is |was |started )?smoking\b",
        rf"\b{_DEV} (?:brandt|vat vlam)(?= \.| ,|$)|\b(?:vuur|fire|flames|vlammen) (?:uit|from|out of|coming (?:from|out of)) (?:de|het|mijn|the|my) {_DEV}\b|\b(?:burst|bursts|opengebarsten|gebarsten|opengebroken) (?:door|by|because of) (?:een |a )?(?:dikke|bolle|opgezwollen|swollen) (?:batterij|battery|accu)\b|\b{_DEV}(?: [a-z]+){{0,2}}? (?:burst|opengebarsten)\b",
        r"\bsmell (?:something|iets) (?:burnt|burning|hot|chemical|like burning|electrical)\b|\bruik (?:iets )?(?:chemisch|verbrand|brand|schroei|smeul)[a-z]*",
        r"\bin brand\b|\bvlam (?:gevat|vatte)\b|\bvlammen\b|\bcaught fire\b|\bcatch(?:es|ing)? fire\b|\bon fire\b|\bin flames\b|\bflames\b",
        r"\bspark(?:s|ed|ing)?\b|\bvonk(?:en|t|te|ten|je|jes)?\b",
        r"\b(?:gesmolten|smolt|smelt|smelten|smeltend|smeltende|melted|melting|melts)\b",
        r"\b(?:ontplof[a-z]*|exploded|exploding|explosion|swollen battery|bolle batterij|opgezwollen)\b",
    ]),
    _Rule("device.hardware_heat", DEVICE, 92, [
        rf"\b{_HW}\b(?: [a-z]+){{0,5}}? (?:swollen|swelling|swells|swelled|zwelt|zwol|zwellen|bulging|bulges|bulged|puffed up|dikke batterij|puffy|bloated|expanded|gezwollen|opgezwollen|opgeblazen|opgezet|uitgezet|bol|bolle|opgebold|bolt op|puilt uit|uitgepuild|opbollen)\b(?! (?:plek|huid|skin|site|area)\b)",
        rf"\b{_HW}\b(?: [a-z]+){{0,4}}? (?:ruikt|rook|stinkt|stonk|smells|smelled|smelling|stinks|stank|gives off|geeft)(?: [a-z]+){{0,3}}? (?:chemisch[a-z]*|chemical[a-z]*|elektrisch[a-z]*|electrical|electric|schroei[a-z]*|verschroeid|scorched|smeul[a-z]*|smoke|smoky|smokey|fumes|dampen|hot plastic|warm plastic|heet plastic|melting plastic|gesmolten plastic|smeltend plastic)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,4}}? (?:warm|warmer|heet|hot)\b(?: [a-z]+){{0,6}}? (?:ruikt|smells|smell|stinkt|rook|rood|red|pijn|hurts|brandt|burns|blaar|blister|prikt|stings|vervormd|deformed|misvormd|zwart|black|bruin|brown|verkleurd|discolou?red)\b",
        r"\b(?:schroeiplek[a-z]*|verschroeid|geschroeid|schroeilucht|scorch mark|scorch marks|scorched)\b",
        r"\b(?:geeft|gaf|straalt|straalde) (?:veel |echt |zoveel |zo veel )?(?:hitte|warmte) af\b|\b(?:giving off|gives off|gave off|radiating|radiates) (?:a lot of |so much |real )?heat\b|\bheat (?:coming|radiating) (?:off|from|out of)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,3}}? (?:sist|siste|knettert|knetterde|hisses|hissing|hissed|crackles|crackling|crackled|fizzing|fizzes)\b|\b(?:batterij|battery|accu)(?: [a-z]+){{0,3}}? (?:lekt|leaks|leaking|leaked|gelekt|lekte)\b",
        rf"\b{_HW}\b(?: [a-z]+){{0,3}}? (?:sist|siste|sissend|sissen|knettert|knetterde|hisses|hissing|hissed|crackles|crackling|crackled|fizzing|fizzes)\b|\b(?:batterij|battery|accu)(?: [a-z]+){{0,3}}? (?:lekt|leaks|leaking|leaked|gelekt|lekte)\b",
    ]),
    _Rule("device.swallowed", DEVICE, 93, [
        r"\b(?:ingeslikt|doorgeslikt|inslikken|inslikt|slikte|opgegeten|swallowed|swallowing|swallow|swallows|"
        r"choked on|choking on|chokes on|stikt in|verslikt)\b(?: [a-z0-9]+){0,5} (?:dopje|dop|kapje|cap|patch|pod|"
        r"stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|batterijtje|battery|knoopcel|knoopbatterij|button battery|"
        r"naald|needle|magneet|magnet|sensor|canule|cannula|plug|lid|deksel|clip|tip|sticker|pleister)\b",
        r"\b(?:dopje|dop|kapje|cap|patch|pod|stukje|stuk|piece|part|onderdeel|onderdeeltje|batterij|batterijtje|battery|"
        r"knoopcel|knoopbatterij|naald|needle|magneet|magnet|sensor|canule|cannula|plug|lid|deksel|clip|tip|"
        r"sticker)\b(?: [a-z0-9]+){0,6} (?:ingeslikt|doorgeslikt|inslikken|inslikt|slikte|opgegeten|swallowed|"
        r"swallow|swallowing|gegeten|ate|eaten|in (?:zijn|haar|z n) mond)\b",
    ]),
    _Rule("device.broken_needle", DEVICE, 80, [
        r"\b(?:naald|canule|cannula|needle|katheter|catheter|inbrengnaald|naaldje)[a-z]*(?: [a-z]+){0,4} "
        r"(?:afgebroken|gebroken|afgeknapt|geknapt|brak|broke|broken|snapped|snap|achtergebleven|left behind|"
        r"left in|still in|nog in|zit nog|stuck in|vast in|vastgezeten)\b",
        r"\b(?:afgebroken|gebroken|afgeknapte?|broken|snapped)(?: [a-z]+){0,2} (?:naald|canule|cannula|needle|katheter|catheter)\b",
        r"\b(?:stukje|stuk|piece|part|bit|deel|restje|fragment|tip|puntje)(?: [a-z]+){0,3} (?:naald|canule|cannula|needle)"
        r"(?: [a-z]+){0,4} (?:in|onder|under|inside) (?:mijn|my|de|the|zijn|haar|his|her) (?:huid|skin|lichaam|body|"
        r"buik|stomach|arm|been|leg|belly)\b",
    ]),
    _Rule("device.feels_dying", DEVICE, 90, [
        r"\b(?:think|feel like|feel as if|feel|afraid|scared) (?:that )?i am dying\b|\bi am dying\b",
        r"\bik denk dat ik (?:doodga|dood ga|doodgaan|sterf|dood)\b|\bik ga(?: [a-z]+)? (?P<neg>niet )?dood\b",
    ], check=lambda t, m: not _LAUGH.match(t, m.end())),
]
_LAUGH = re.compile(r"(?: [a-z]+)? (?:haha[a-z]*|hihi[a-z]*|lol|lmao|xd|hah|grapje|just kidding|jk)\b")
_BLISTER = re.compile(r"\b(?:blaar|blaren|blister|blisters|blaasjes)\b")
_HEAT_CONTEXT = re.compile(r"\b(?:heet|hot|warm|vuur|fire|brand[a-z]*|burn[a-z]*|gloeiend|scorching|verbrand[a-z]*|hitte|heat)\b")
_FSN = re.compile(r"\b(?:fsn|field safety notice|field safety|safety notice|veiligheidsmelding[a-z]*|"
                  r"veiligheidswaarschuwing[a-z]*|veiligheidsbericht|terugroep[a-z]*|teruggeroepen|recall[a-z]*|"
                  r"stop ?gebruik|stop using|stopgebruik|stop use|stopmelding|stop melding)\b")


_CONDITIONAL = re.compile(r"\b(?:als|wanneer|indien|if|when|in de|in the|op de|on the|bij)\b")


def _what_if(text: str, m: re.Match) -> bool:
    """'Kan de pomp smelten als ik hem op de verwarming leg?': a question about what could happen."""
    sentence = _sentence(text, m)
    offset = text.find(sentence)
    faq = _DEVICE_FAQ.search(sentence)
    return bool(faq and faq.start() + offset < m.start()
                and _CONDITIONAL.search(text, m.end(), offset + len(sentence)))


_INVERTED_VERB = re.compile(r"(?:smelt|smelten|wordt|worden|raakt|gaat|kan|kunnen|is|melts|melt|does|can|will|could)\b")


_GENERIC_IT = re.compile(r"^(?:it|het|hij|ie|ding|thing|er)\b")
_WEATHER = re.compile(r"\b(?:weather|weer|today|vandaag|outside|buiten|zomer|summer|temperatuur|temperature|graden|degrees|"
                      r"hittegolf|heatwave|heat wave|tropisch|tropical|scorcher)\b")
_REAL_DEVICE = re.compile(r"\b(?:handheld|controller|pdm|pomp|pump|patch|pod|lader|oplader|charger|batterij|battery|accu|"
                          r"kabel|cable|adapter|insulinepomp|reservoir|apparaat|device|toestel)\b")
_QUESTION_COND = re.compile(r"\b(?:als|wanneer|indien|if|when|in (?:de|het|een|the|a)|op (?:de|het|een)|on the|bij|tijdens|during)\b")


def _weather(text: str, m: re.Match) -> bool:
    """'It's boiling hot today': the weather, not the device."""
    sentence = _sentence(text, m)
    return bool(_GENERIC_IT.match(m.group(0)) and (_WEATHER.search(sentence) or not _REAL_DEVICE.search(sentence)))


def _yes_no_question(text: str, m: re.Match) -> bool:
    """'Smelt de lijm van de patch in een heet bad?': a question starting with the verb."""
    sentence = _sentence(text, m).lstrip()
    offset = text.find(sentence)
    return bool(offset == m.start() and _INVERTED_VERB.match(sentence)
                and _QUESTION_COND.search(sentence))


def _device_combos(text: str):
    """Yield (rule_id, severity, (negated, start, end)) for the combination rules."""
    if _BLISTER.search(text) and _HEAT_CONTEXT.search(text):
        yield "device.heat_fire", 92, _first(text, _BLISTER.finditer(text))
    s = _device_state(text)
    if s["low"]:
        yield "device.severe_hypo", 94, s["low"]
    if s["ketones"]:
        yield "device.ketones", 88, s["ketones"]
    for other in ("vomit", "occlusion", "pump_fail", "not_delivering", "unwell"):
        hit = _combine(s["high"], s[other])
        if hit:
            yield "device.hyperglycaemia", 88, hit
            break
    hit = _combine(s["vomit"], s["pump_fail"] or s["occlusion"] or s["not_delivering"])
    if hit:
        yield "device.hyperglycaemia", 88, hit
    if s["not_delivering"]:
        yield "device.not_delivering", 82, s["not_delivering"]
    hit = _combine(s["occlusion"], s["high"] or s["ketones"] or s["vomit"] or s["unwell"])
    if hit:
        yield "device.occlusion", 84, hit
    fsn = _first(text, _FSN.finditer(text))
    if fsn:
        hit = _combine(fsn, s["unwell"] or s["vomit"] or s["high"] or s["low"] or s["ketones"])
        if hit:
            yield "device.fsn_unwell", 76, hit
    yield from _issue11_combos(text, s)


# ==========================================================================
# Combination rules: a signal that is only unambiguous next to a second one
# ==========================================================================
def _combine_all(*parts) -> tuple | None:
    """All parts present; negated if any part is ("geen ketonen, de pod viel eraf")."""
    if any(p is None for p in parts):
        return None
    return (any(p[0] for p in parts), parts[0][1], parts[0][2])


def _any_of(*parts) -> tuple | None:
    """The first present part, preferring an un-negated one."""
    present = [p for p in parts if p is not None]
    if not present:
        return None
    live = [p for p in present if not p[0]]
    return (live or present)[0]


# ---- a third person: a worrying message or talk, then silence --------------
_TP_WHO = re.compile(
    rf"\b(?:{_PERSON}|neef|nicht|oom|tante|buurman|buurvrouw|schoonzoon|schoondochter|kleinzoon|kleindochter|"
    r"zwager|schoonzus|ex|stiefzoon|stiefdochter|cousin|niece|nephew|uncle|aunt|neighbour|neighbor|roommate|"
    r"flatmate|housemate|fiance|fiancee|stepson|stepdaughter|grandson|granddaughter|best friend|bestie|"
    r"huisgenoot|zwager)\b")
_TP_MESSAGE = re.compile(
    r"\b(?:afscheid[a-z]*|vaarwel|goodbye|farewell|sorry voor alles|sorry for everything|spijt (?:me |haar |hem |ons )?(?:van|voor) alles|"
    r"vergeef me|forgive me|zorg goed voor|take (?:good )?care of (?:the kids|mum|mom|dad|the children|everyone|the dog|the cat)|"
    r"(?:dat|that) (?:hij|ze|zij|he|she|they) (?:van (?:me|mij|ons|jullie) (?:houdt|hield|hielden)|lov(?:es|ed) (?:me|us|you))|"
    r"(?:rare?|raar|vreemd|vreemde|enge?|zorgwekkende?|verontrustende?|onheilspellende?|weird|strange|scary|worrying|worrisome|alarming|"
    r"disturbing|cryptic|dark|odd) (?:bericht|berichtje|berichten|appje|appjes|sms|sms je|message|messages|text|texts|post|"
    r"mail|voicemail|tweet|status)|laatste (?:bericht|appje|sms)|last (?:message|text)|"
    r"(?:bericht|berichtje|appje|message|text|post)(?: [a-z]+){0,3} (?:alsof|as if|like) (?:het|it was|it is|she was|he was) "
    r"(?:een )?(?:afscheid|the end|goodbye|saying goodbye)|"
    r"(?:wat|what) (?:ze|hij|zij|he|she|they) (?:schreef|wrote|posted|postte|stuurde|sent) (?:klonk|sounded) (?:als|like) (?:een )?(?:afscheid|goodbye))\b")
_TP_WORRY = re.compile(
    r"\b(?:depressief|depressed|suicidaal|suicidal|somber|zwaarmoedig|het niet meer zag zitten|het niet meer ziet zitten|"
    r"niet meer wilde leven|niet meer wil leven|dood wilde|dood wil|wanted to die|wants to die|talked about dying|"
    r"talking about dying|talked about ending|sprak over (?:dood|doodgaan|zelfmoord|er niet meer zijn|sterven)|"
    r"had het over (?:doodgaan|de dood|dood|er niet meer zijn|sterven|zelfmoord)|dreigde|dreigt|threatened|threatening|"
    r"zelfmoord|zelfdoding|suicide|in de war|psychisch|crisis|zorgen (?:om|over|voor)|worried|ongerust|bezorgd|"
    r"bang dat|afraid|scared|pillen|pills|overdosis|overdose|alcohol|drunk|dronken)\b")
_TP_SILENCE = re.compile(
    r"\b(?:neemt|nam|namen) (?:ze |hij |zij )?(?:de telefoon |zijn telefoon |haar telefoon |zijn mobiel |haar mobiel |haar gsm |zijn gsm )?"
    r"(?:niet|nooit) (?:meer )?op\b"
    r"|\bonbereikbaar\b|\bniet (?:meer )?(?:bereikbaar|te bereiken|"
    r"te pakken te krijgen)\b"
    r"|\b(?:telefoon|mobiel|mobieltje|gsm|phone|cell|cellphone|mobile)(?: [a-z]+){0,2} (?:staat |is |ligt |gaat |lijkt |"
    r"has been |goes |went )?(?:uit|uitgeschakeld|off|switched off|turned off|straight to voicemail|to voicemail|"
    r"naar de voicemail|direct naar voicemail)\b"
    r"|\b(?:reageert|reageerde|antwoordt|antwoordde|belt|belde|appt|appte)(?: (?:al|sindsdien|nu|meer))*(?: [a-z0-9]+){0,3}"
    r" (?:niet|nergens (?:meer )?op|niet meer|niet terug)\b"
    r"|\bgeen (?:reactie|antwoord|gehoor|teken van leven)\b|\bkrijg (?:hem|haar|ze|hen) niet (?:te pakken|te spreken|"
    r"aan de lijn|meer te pakken)\b|\b(?:is|was) (?:vermist|spoorloos|verdwenen|weg en niemand)\b|\bniemand weet waar\b"
    r"|\b(?:kwam|komt|is) niet (?:thuis|thuisgekomen|opgedaagd|komen opdagen)\b"
    r"|\bnot (?:answering|picking up|responding|replying|reachable|home)\b|\b(?:will not|would not|does not|did not|"
    r"has not|have not|is not|cannot|can not) (?:pick up|picking up|answer|answering|respond|responding|reply|replying|"
    r"come home|came home|answered|replied|responded|be reached|been reached|been seen|been heard)\b"
    r"|\bno (?:answer|reply|response|sign of (?:him|her|them)|one has heard)\b|\b(?:cannot|can not|could not|nobody can|"
    r"no one can|noone can|nobody could|no one could) (?:reach|get hold of|get through to|contact|find|get in touch with)"
    r" (?:him|her|them)\b|\bunreachable\b|\b(?:gone|went) (?:missing|silent|quiet|dark|offline)\b|\bis missing\b|"
    r"\bnobody knows where\b|\bheard nothing\b|\bniets meer (?:van (?:hem|haar) )?gehoord\b")


def _third_party_silence(text: str):
    silence = _first(text, _TP_SILENCE.finditer(text))
    if silence is None or not _TP_WHO.search(text):
        return None
    cue = _any_of(_first(text, _TP_MESSAGE.finditer(text)), _first(text, _TP_WORRY.finditer(text)))
    return _combine_all(cue, silence)


# ---- waiting for the clinic and in distress now -----------------------------
_EOL_CLINIC = re.compile(
    r"\b(?:kliniek|clinic|expertisecentrum|expertise centrum|levenseindekliniek|wachtlijst|waiting list|wachttijd|"
    r"wait time|waiting time|euthanasie[a-z]*|euthanasia|levenseinde|end of life|aanvraag|application|intake|"
    r"euthanasieverzoek|verzoek|request|scen arts|consulent|beoordeling|assessment|procedure|process|proces|traject|"
    r"the doctor|de arts|de dokter|a doctor)\b")
_EOL_STRONG = re.compile(
    r"\b(?:euthanasie[a-z]*|euthanasia|levenseinde|end of life|wachtlijst|waiting list|expertisecentrum|expertise centre|"
    r"expertise center|levenseindekliniek|wilsverklaring|advance directive|living will|uitbehandeld|terminaal|"
    r"terminally ill|ongeneeslijk|uitgezaaid|has spread|palliatie[a-z]*|palliative|pain relief|pijnstilling|"
    r"no treatment left|geen behandeling meer|psychisch lijden|psychiatric suffering|zieke lichaam|sick body)\b")
_EOL_END_NOW = re.compile(
    r"\bwants? (?:it|this|everything|this suffering) to (?:stop|end|be over|happen)\b|\bwil dat het(?: [a-z]+){0,2} "
    r"(?:ophoudt|stopt|eindigt|voorbij is|gebeurt|afgelopen is)\b|\b(?:make|maken|let) it (?:stop|end)\b|\blet me go\b|"
    r"\blaat (?:me|mij) (?:nu |toch |alsjeblieft )?gaan\b|\b(?:do|doing) it (?:myself|herself|himself)\b|"
    r"\b(?:doe|doet|doen|deed) (?:ik |hij |ze |zij )?het (?:[a-z]+ ){0,2}zelf\b|\bmaak ik er (?:zelf )?een eind\b|"
    r"\b(?:dat )?het (?:nu|vandaag)(?: [a-z]+)? (?:ophoudt|stopt|eindigt)\b|\b(?:cannot|can not) hold on\b|"
    r"\b(?:overleef|overleeft) (?:ik|hij|ze|zij) niet\b|\b(?:cannot|can not|could not|will not) survive\b|"
    r"\b(?:cannot|can not|could not) last (?:another|one more|much longer)\b")
_EOL_URGENT = re.compile(
    r"\b(?:kan|kun|kunt|kon)(?: [a-z]+){0,2} niet (?:meer|langer) wachten\b|\b(?:cannot|can not|could not) wait (?:any longer|"
    r"anymore|much longer|another (?:day|week|month)|no longer)\b|\b(?:geen|not) (?:dag|week|maand|nacht|another day|"
    r"one more day|a single day|another week) (?:langer|meer)\b|\b(?:wil|wilt|willen)(?: (?:het|ik|hij|ze|zij))? (?:nu|vandaag|"
    r"vanavond|meteen|direct|nu meteen)(?: [a-z]+){0,2} (?:dood|sterven|voorbij|over|gedaan|doodgaan|overlijden)\b"
    r"|\bwants? (?:to die|it (?:over|to end|to stop|done)) (?:now|today|tonight|right now)\b|\b(?:make|maken|let) it (?:stop|end)\b"
    r"|\blaat het (?:nu )?(?:stoppen|ophouden)\b|\bmoet (?:nu|vandaag|nu meteen) (?:stoppen|ophouden|gebeuren|voorbij)\b"
    r"|\b(?:has|have|needs|need) to (?:stop|end|happen|be over) (?:now|today|right now|tonight)\b"
    r"|\b(?:cannot|can not) (?:go on|bear|take|do|face|survive) (?:another|one more) (?:day|night|week)\b"
    r"|\b(?:houd|hou|houdt) (?:het|dit)? ?geen (?:dag|week|nacht) (?:langer|meer) vol\b"
    r"|\b(?:kan|wil|kunnen|willen) (?:echt |gewoon )?niet meer(?= \.| ,|$)|\bcannot (?:do this|take this|go on) anymore\b"
    r"|\b(?:too long|te lang|veel te lang|way too long)\b|\b(?:cannot|can not) (?:wait|do this|go on)\b")
_EOL_SUFFER = re.compile(
    r"\b(?:lijden|lijd|lijdt|leed|pijn|ellende|dood|sterven|doodgaan|suffering|suffer|suffers|pain|agony|misery|die|dying|"
    r"ondraaglijk|unbearable|uitzichtloos|hopeless|kapot|broken|op|uitgeput|exhausted|end it|einde)\b")


def _eol_distress(text: str):
    strong = _EOL_STRONG.search(text)
    if not strong and not _EOL_CLINIC.search(text):
        return None
    end_now = _first(text, _EOL_END_NOW.finditer(text))
    if end_now is not None:
        return end_now
    urgent = _first(text, _EOL_URGENT.finditer(text))
    if urgent is None:
        return None
    if strong:
        return urgent
    return _combine_all(urgent, _first(text, _EOL_SUFFER.finditer(text)))


# ---- device: unexplained delivery, a hypo in someone who cannot take sugar, DKA ----
_RESOLVED = re.compile(
    r"\b(?:opgelost|verholpen|weer goed|gaat (?:nu |inmiddels )?(?:weer )?goed|ging (?:daarna |toen )?(?:weer )?goed|"
    r"weer normaal|alles (?:is )?(?:weer )?(?:goed|in orde)|is voorbij|hersteld|resolved|fixed|sorted|fine now|ok now|"
    r"okay now|all good|better now|back to normal|back in range|came back up|went back up|came back down|is over now|"
    r"recovered|gelukkig (?:weer|goed)|weer in orde|normal again|weer normaal|everything is running|everything works|"
    r"works again|working again|running again|werkt (?:alles )?weer|loopt (?:alles )?weer|alles loopt weer|"
    r"(?:were|was|waren|was) (?:negative|negatief|normaal|normal|fine|ok|goed))\b"
    r"|\b(?:weer|back to|back at|now at|nu weer|inmiddels|is weer|zit weer|staat weer|back up to|back down to)(?: op)? "
    r"(?:[4-9]|1[0-2])(?:\.\d)?\b")
_HYPOTHETICAL = re.compile(
    r"\b(?:wat als|what if|stel dat|suppose|supposing|in case|voor het geval|hoe herken|how do i (?:know|tell|recognise|recognize)|"
    r"how can i tell|what are the (?:signs|symptoms)|wat zijn de (?:signalen|symptomen|tekenen|verschijnselen)|"
    r"any tips|tips|advice|advies|kan dat|can that happen|could that happen|kan het gebeuren|is it possible|is het mogelijk)\b")


def _routine_device_talk(text: str, after: int = 0) -> bool:
    """A resolved episode (resolution after ``after``), a what-if or a how-to question."""
    return bool(_RESOLVED.search(text, after) or _HYPOTHETICAL.search(text) or _DEVICE_FAQ.search(text))


_UNEXPLAINED = re.compile(
    r"\b(?:onverklaarbare?|onverklaarde|onbekende|vreemde|rare|mysterieuze|spook|ongewenste|ongevraagde|unexplained|"
    r"unexpected|unknown|mystery|mysterious|strange|weird|phantom|ghost|random|unrequested|uncommanded|unsolicited|"
    r"unintended|unintentional) (?:bolus|bolussen|boluses|dosis|dose|doses|insulin delivery|delivery|insulin dose|"
    r"insulineafgifte|insuline afgifte|afgifte|injection|insulin)\b"
    r"|\b(?:bolus|insuline|insulin|eenheden|units|dosis|dose|afgifte)(?: [a-z0-9.]+){0,6} (?:die|dat|that|which)? ?(?:ik|i) "
    r"(?:zelf )?(?:niet|nooit|never|did not|have not|had not) (?:heb |had |zelf )?(?:gegeven|gedaan|ingesteld|ingegeven|"
    r"aangevraagd|gestart|ingetoetst|give|gave|given|programmed|program|ask for|asked for|enter|entered|start|started|"
    r"bolus|bolused|request|requested|approve|approved|confirm|confirmed)\b"
    r"|\b(?:bolus|insuline|insulin|eenheden|units|dosis|dose)(?: [a-z0-9.]+){0,6} (?:i do not|i cannot|i can not) "
    r"(?:remember|recall) (?:giving|doing|entering|programming|asking for|approving)\b"
    r"|\b(?:delivered|gegeven|afgegeven|geleverd|toegediend|ingespoten|gave|given)\b(?: [a-z0-9.]+){0,5} (?:but|maar) "
    r"(?:i|ik) (?:did not|never|have not|had not|heb (?:niet|geen|nooit|niets)|had (?:niet|geen)|heb zelf (?:geen|niets)) "
    r"(?:bolus|bolused|give|gave|do|did|anything|touch|touched|press|pressed|gedaan|gegeven|gebolust|iets|aangeraakt|"
    r"ingesteld|ingedrukt|bolussen)\b"
    r"|\b(?:zonder dat ik|without me)(?: [a-z]+){0,4} (?:bolus|bolusde|bolussed|iets deed|iets gedaan|doing anything|"
    r"touching|pressing|asking|aanraakte|drukte|ingaf)\b")
_HYPO_SIGN = re.compile(
    r"\b(?:hypo|hypos|hypoglyc[a-z]*|laag|te laag|low|going low|gone low|dropping|crashing|zakt|zakken|zakte|daalt|dalen|"
    r"daalde|keldert|tril|trillen|trillerig|trilde|beef|beven|bibber[a-z]*|zweet|zweten|zweterig|klam|shaky|shaking|"
    r"sweaty|sweating|sweats|clammy|trembling|dizzy|duizelig|confused|verward|wazig|blurry|hartkloppingen|palpitations|"
    r"light ?headed|faint|flauw|slap|misselijk|suf|drowsy)\b")


def _unexplained_bolus(text: str):
    unexplained = _first(text, _UNEXPLAINED.finditer(text))
    if unexplained is None:
        return None
    lows = [m for v, m in _glucose_values(text) if v < 4.0]
    hypo = _first(text, lows + list(_HYPO_SIGN.finditer(text)))
    hit = _combine_all(unexplained, hypo)
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


_HYPO_CUE = re.compile(
    r"\b(?:hypo|hypos|hypoglyc[a-z]*|heel laag|erg laag|te laag|zo laag|laag|low|very low|really low|so low|going low|"
    r"crashing|keldert|lo)\b")
_CANNOT_TAKE_SUGAR = re.compile(
    r"\b(?:kan|kon|kunnen)(?: [a-z]+){0,2} niet (?:meer |goed )?(?:slikken|eten of drinken|drinken of eten)\b|\bslikt niet\b"
    r"|\b(?:krijg|krijgen|kreeg|kregen|krijgt)(?: [a-z]+){0,2} (?:geen|niets|niks)(?: [a-z]+){0,3} (?:in (?:hem|haar)|"
    r"bij (?:hem|haar)|naar binnen|erin|binnen)\b"
    r"|\bwil (?:niets|niks|helemaal niets) (?:meer )?(?:eten|drinken|slikken|innemen|aannemen)\b|\bwil niet eten of drinken\b"
    r"|\bweigert(?: [a-z]+){0,2} (?:te eten|te drinken|suiker|sap|limonade|dextro|druivensuiker|glucose|eten|drinken)\b"
    r"|\bspuugt (?:het|alles|de suiker|het sap|de dextro) (?:weer )?uit\b|\b(?:kan|kon) (?:de |het )?(?:suiker|sap|dextro|"
    r"limonade|glucose) niet (?:binnenhouden|doorslikken|inslikken|op)\b"
    r"|\b(?:cannot|can not|could not|unable to|is not able to) (?:swallow|eat or drink|drink or eat|keep (?:anything|it|sugar|juice) down)\b"
    r"|\b(?:will not|would not|does not|refuses to|refused to) (?:eat or drink|drink or eat|drink anything|eat anything|"
    r"swallow|take (?:any )?(?:sugar|juice|glucose|dextrose|sweets|gel|tablets))\b|\brefus(?:es|ed|ing) (?:sugar|juice|glucose|food|to eat|to drink)\b"
    r"|\bnot swallowing\b|\btoo (?:confused|drowsy|out of it|sleepy|weak|groggy|far gone) to (?:eat|drink|swallow|chew|take)\b"
    r"|\bbarely (?:responding|responsive|conscious|awake)\b|\bnauwelijks (?:aanspreekbaar|wakker|bij kennis|bij bewustzijn)\b"
    r"|\breageert (?:bijna niet|nauwelijks|amper|haast niet|bijna nergens (?:meer )?op)\b|\bhalf (?:bewusteloos|unconscious|conscious)\b|\bout of it\b"
    r"|\bniet (?:goed |meer )?aanspreekbaar\b|\bpraat onsamenhangend\b|\bkeeps passing out\b|\b(?:cannot|can not) keep "
    r"(?:his|her|their) eyes open\b|\bogen (?:vallen|draaien) (?:steeds )?(?:dicht|weg)\b"
    r"|\b(?:agressief|aggressive|combative|fighting me|vecht tegen|slaat om zich heen|lashing out)\b")


def _hypo_other(text: str):
    cannot = _first(text, _CANNOT_TAKE_SUGAR.finditer(text))
    if cannot is None:
        return None
    lows = [m for v, m in _glucose_values(text) if v < 4.0]
    hit = _combine_all(cannot, _first(text, lows + list(_HYPO_CUE.finditer(text))))
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


_DKA_PART = r"(?:pod|pods|patch|pomp|pump|canule|cannula|canula|infuusset|infusieset|infusion set|set|naald|needle|slangetje|tubing|katheter|catheter|pleister)"
_INTERRUPTED = re.compile(
    rf"\b{_DKA_PART}\b(?: [a-z]+){{0,4}}? (?:eraf gevallen|er af gevallen|afgevallen|eraf gegaan|er af gegaan|eraf getrokken|"
    r"afgetrokken|losgeraakt|los geraakt|losgekomen|los gekomen|losgelaten|los gelaten|liet los|laat los|zat los|zit los|"
    r"ligt los|is los|was los|half los|half off|half out|half loose|liet vannacht los|liet gisteren los|liet ineens los|zat half los|los zit|los zat|los ligt|los te zitten|eruit getrokken|er uit getrokken|uitgetrokken|eruit gegaan|eruit gevallen|"
    r"eruit geschoten|geknikt|geknakt|gebogen|eraf|eruit|er uit|fell off|falls off|came off|come off|coming off|came loose|"
    r"come loose|came out|come out|pulled out|got pulled out|ripped off|ripped out|torn off|knocked off|peeled off|"
    r"fallen off|detached|was out|is out|was loose|is loose|bent|kinked|dislodged|popped off|popped out|not in)\b"
    rf"|\b(?:losgeraakte|losgelaten|losse|afgevallen|geknikte|geknakte|loose|detached|kinked|bent|dislodged) {_DKA_PART}\b"
    r"|\b(?:geen insuline|no insulin|zonder insuline|without insulin)(?: [a-z]+){0,3} (?:gekregen|gehad|binnen|for|voor|"
    r"sinds|since|in)\b")
_ABDO = re.compile(
    r"\b(?:buikpijn|maagpijn|buikkramp[a-z]*|pijn in (?:mijn|m|de|zijn|haar) (?:buik|maag)|(?:buik|maag) doet (?:zo |erg |heel )?"
    r"(?:pijn|zeer)|stomach ?ache|stomach pain|stomach hurts|stomach is hurting|belly ?ache|belly pain|belly hurts|tummy ?ache|"
    r"tummy hurts|abdominal pain|pain in (?:my|his|her|the) (?:stomach|belly|tummy|abdomen)|stomach cramps|buik ?krampen)\b")
_BREATH = re.compile(
    r"\b(?:adem(?:t|en|ing|haling)? (?:zo |heel |erg |raar |vreemd |ontzettend )?(?:zwaar|diep|snel|moeilijk|moeizaam|raar|"
    r"vreemd|gejaagd)|zwaar (?:adem|ademen)|diep (?:adem|ademen)|snel (?:adem|ademen)|kortademig|hijg[a-z]*|"
    r"breath(?:ing)? (?:is )?(?:so |really |very )?(?:heavy|heavily|hard|fast|deep|deeply|weird|strange|laboured|labored|"
    r"rapid)|(?:heavy|deep|rapid|fast|laboured|labored) breath(?:ing|s)?|short of breath|shortness of breath|"
    r"cannot catch (?:my|his|her) breath|out of breath|kussmaul|gasping)\b")
_FRUITY = re.compile(
    r"\b(?:adem|breath|mond|mouth)(?: [a-z]+){0,3} (?:ruikt|rook|smells|smelled|smelling|stinkt|tastes|smaakt)(?: [a-z]+){0,2} "
    r"(?:naar |like |of )?(?:fruit[a-z]*|aceton|acetone|nagellak|nail polish|zoet|sweet|rotte appels|appels|apples|peer|pear|"
    r"pear drops)\b|\b(?:fruity|fruitige|zoete|acetone|aceton) (?:breath|adem|geur|smell|lucht)\b|\bacetonlucht\b")
_NAUSEA = re.compile(r"\b(?:misselijk|kotsmisselijk|nauseous|nauseated|nausea|queasy)\b")


def _occlusion_dka(text: str, s: dict):
    interrupted = _first(text, _INTERRUPTED.finditer(text))
    abdo = _first(text, _ABDO.finditer(text))
    breath = _first(text, _BREATH.finditer(text))
    fruity = _first(text, _FRUITY.finditer(text))
    dka = _any_of(fruity, breath, abdo, _first(text, _NAUSEA.finditer(text)))
    signs = _any_of(s["ketones"], s["vomit"], s["high"], dka)
    hit = (_combine_all(interrupted, signs) if interrupted else None) \
        or _combine_all(_any_of(s["occlusion"], s["not_delivering"], s["pump_fail"]), dka) \
        or _combine_all(_any_of(s["high"], s["ketones"]), _any_of(fruity, breath))
    if hit is None or _routine_device_talk(text, hit[1]):
        return None
    return hit


def _issue11_combos(text: str, device_state: dict):
    """Yield (rule_id, severity, (negated, start, end)) for the combination rules above."""
    for rule_id, severity, hit in (
            ("crisis.third_party_silence", 90, _third_party_silence(text)),
            ("eol.distress_now", 76, _eol_distress(text)),
            ("device.unexplained_bolus", 91, _unexplained_bolus(text)),
            ("device.hypo_other", 95, _hypo_other(text)),
            ("device.occlusion_dka", 88, _occlusion_dka(text, device_state))):
        if hit is not None:
            yield rule_id, severity, hit
