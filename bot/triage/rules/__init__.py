"""Rules layer of the safety screen: fast, dependency-free pattern rules, one module per part:

* ``base``        the categories, ``RuleHit`` and the shared vocabulary;
* ``negation``    whether a signal sits under a negation;
* ``idioms``      idioms blanked out before the rules run;
* ``machinery``   the rule type, compiled alternatives, key-word gating, shared checks;
* ``crisis``, ``eol``, ``device``  the three rule families (``device`` also holds the
  combination rules);
* ``scanner``     ``scan()``, ``RULE_IDS``.

``bot.triage.rules.scanner.scan(text)`` normalises a message (:func:`bot.triage.normalize.normalize`),
blanks out idioms that merely *sound* alarming ("doodmoe", "I'm dying to
know", "de batterij is dood", "this queue is killing me"), and runs three
families of rules over what is left:

* ``crisis``              suicidal thoughts or plans, self-harm, overdose,
                          also about a third person, also quoted/hypothetical;
* ``end_of_life_request`` a personal (or relative's) request to die / for
                          euthanasia, as opposed to questions *about* euthanasia;
* ``device_safety``       insulin patch-pump emergencies: no insulin delivery or
                          occlusion with high glucose, ketones, severe hypo /
                          unconsciousness / seizure, too much insulin, heat / burn /
                          smoke / fire / sparks / melting, swallowed parts, a broken
                          needle or cannula in the body, an unwell user still on a
                          pump under the stop-use notice.

Besides the single-pattern rules, some signals only count next to a second
one (combination rules): a relative's worrying message or low mood *and* sudden
silence (crisis.third_party_silence), waiting for the clinic *and* "it must end
now" (eol.distress_now), a bolus the user did not give *and* hypo signs
(device.unexplained_bolus), a hypo *and* not being able to take sugar
(device.hypo_other), an interrupted delivery *and* high glucose or ketoacidosis
signs (device.occlusion_dka). Device combinations are dropped when the message
says the episode is over ("... maar het is opgelost") or asks what-if.

For speed every rule alternative gets key words it cannot match without (see
_keys); alternatives whose keys are absent from a message are skipped.

Hits come un-negated first, then by category (crisis, end_of_life_request,
device_safety, as in bot.triage.screen.CATEGORIES) and severity -- except
that when an end-of-life request is present and no crisis rule about a plan,
means or act fires, end_of_life_request comes first ("ik lijd ondraaglijk,
ik wil dood" is a request to die, not a suicide plan).

Each hit says whether its signal sits under a negation ("ik ben niet
suïcidaal", "I'm not going to kill myself", "geen zelfmoordgedachten"); the
caller turns negated-only results into *review* rather than a handoff. A
negated phrase plus an un-negated signal elsewhere in the message gives a
normal (un-negated) hit for that second signal.

The design errs towards flagging: quoted and hypothetical mentions of suicide
are hits, and "ik wil niet meer" is a hit unless what follows is recognisably
a routine object ("ik wil niet meer doneren / gebeld worden / per maand
betalen").
"""
