"""Rule machinery: the rule type, compiled alternatives, key-word gating, shared checks."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from bot.triage.rules.base import _PERSON

# ==========================================================================
# Rule machinery
# ==========================================================================
# A regex rule: id, category, severity (higher = more urgent), pattern, optional
# check(text, match) -> bool that can veto a match.
Check = Callable[[str, re.Match], bool]


def _split_top_level(source: str) -> list[str]:
    """Split a regex source on its top-level '|' (outside groups and classes)."""
    parts, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts


def _word_start_alternatives(sources) -> list[str]:
    """The alternatives of a rule (top-level '|'), each starting with \\b, with the \\b dropped.

    The leading \\b is dropped (it stops the regex engine from skipping ahead to
    possible first characters) and checked by :func:`_finditer_words` instead,
    which makes a rule several times faster.
    """
    alternatives = []
    for source in sources:
        for alt in _split_top_level(source):
            if not alt.startswith(r"\b"):
                raise ValueError(f"rule alternative must start with \\b: {alt!r}")
            alternatives.append(alt[2:])
    return alternatives


def _compile_alternatives(alternatives, first: int = 0) -> re.Pattern | None:
    """One regex for some alternatives of a rule; named groups ``neg`` are numbered."""
    if not alternatives:
        return None
    numbered = ["(?:" + alt.replace("(?P<neg>", f"(?P<neg{first + n}>") + ")" for n, alt in enumerate(alternatives)]
    return re.compile("|".join(numbered))


# ---- gating: an alternative only runs when one of its key words occurs ------
# For every alternative the compiler looks for a part that any match must
# contain and that starts a word: a literal word ("\bverdwijnen en ...") or a
# group of literal words that is not optional ("(?:hopeless|worthless)"). The
# first letters of those words (at most _KEY_LEN) are the alternative's keys; a
# message whose words start with none of them cannot match, so the alternative
# is skipped. Alternatives without such a part always run. This is a necessary
# condition only, so gating never changes what matches, only how fast.
_KEY_LEN = 6
_COMMON = frozenset("het een the and niet not mijn is are was de dat that met with van for voor you heb have ben "
                    "am te in op er al me mij maar but wil want aan om ook dit this zijn his her haar hij she "
                    "ze zij they he it its nu now of als if to so zo ik".split())


def _group_end(src: str, i: int) -> int:
    """Index just past the ')' closing the group that opens at src[i]."""
    depth, in_class = 0, False
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {src!r}")


def _quantifier_at(src: str, i: int) -> tuple[bool, int]:
    """(may repeat zero times, index after the quantifier) for a quantifier starting at src[i]."""
    if i < len(src) and src[i] in "?*+":
        optional = src[i] != "+"
        i += 1
    elif i < len(src) and src[i] == "{":
        close = src.index("}", i)
        optional = src[i + 1:close].split(",")[0].strip() in ("", "0")
        i = close + 1
    else:
        return False, i
    if i < len(src) and src[i] == "?":            # lazy
        i += 1
    return optional, i


_LITERAL = re.compile(r"[a-z0-9 ]*")


def _branch_prefix(branch: str) -> str | None:
    """The letters every match of a group branch starts with, or None."""
    lead = _LITERAL.match(branch).group(0)
    rest = branch[len(lead):]
    if rest[:1] in ("?", "*", "{") and lead:
        lead = lead[:-1]                            # the last letter is optional
    word = lead.strip().split(" ")[0] if lead.strip() else ""
    if lead.startswith(" ") or len(word) < 3:
        return None
    return word


def _keys(alt: str) -> frozenset | None:
    """Keys (word prefixes) of which a match of ``alt`` must contain one, or None."""
    candidates, i, word_start = [], 0, True     # the alternative itself starts at a word start
    while i < len(alt):
        ch = alt[i]
        if ch == "\\":
            word_start = alt[i + 1] == "b"
            i += 2
            continue
        if ch == "[":
            i = alt.index("]", i + 1) + 1
            word_start = False
            continue
        if ch == "(":
            end = _group_end(alt, i)
            inner = alt[i + 1:end - 1]
            optional, after = _quantifier_at(alt, end)
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                i = after                            # lookaround: zero width
                continue
            if inner.startswith("?:"):
                inner = inner[2:]
            elif inner.startswith("?P<"):
                inner = inner[inner.index(">") + 1:]
            if not optional and word_start:
                prefixes = [_branch_prefix(b) for b in _split_top_level(inner)]
                if all(prefixes):
                    candidates.append(frozenset(p[:_KEY_LEN] for p in prefixes))
            i, word_start = after, False
            continue
        if ch in "?*+{":
            _optional, i = _quantifier_at(alt, i)
            word_start = False
            continue
        run = _LITERAL.match(alt, i).group(0)
        if not run:
            i += 1
            word_start = False
            continue
        nxt = alt[i + len(run):i + len(run) + 1]
        mandatory = run[:-1] if nxt in ("?", "*", "{") else run
        words = mandatory.split(" ")
        for n, w in enumerate(words):
            if len(w) >= 3 and (n > 0 or word_start):
                candidates.append(frozenset([w[:_KEY_LEN]]))
        word_start = run.endswith(" ") and len(mandatory) == len(run)
        i += len(run)
    if not candidates:
        return None

    def score(keys: frozenset) -> tuple:
        common = sum(k in _COMMON for k in keys)
        return (common, len(keys), -min(len(k) for k in keys))
    best = min(candidates, key=score)
    return None if any(k in _COMMON for k in best) else best


def _message_keys(text: str) -> set:
    """All word prefixes (3 to _KEY_LEN letters) of a normalised message."""
    keys = set()
    for token in text.split():
        for n in range(3, min(len(token), _KEY_LEN) + 1):
            keys.add(token[:n])
    return keys


def _finditer_words(regex: re.Pattern, text: str) -> Iterator[re.Match]:
    """Like regex.finditer, for matches that start at a word start."""
    pos, end = 0, len(text)
    while pos <= end:
        m = regex.search(text, pos)
        if m is None:
            return
        start = m.start()
        if start > 0 and text[start - 1].isalnum():
            pos = start + 1
            continue
        yield m
        pos = m.end() if m.end() > start else start + 1


class _Rule:
    __slots__ = ("rule_id", "category", "severity", "always", "gated", "check")

    def __init__(self, rule_id: str, category: str, severity: int, sources, check: Check | None = None):
        if isinstance(sources, str):
            sources = [sources]
        self.rule_id, self.category, self.severity, self.check = rule_id, category, severity, check
        always, self.gated = [], []          # gated: (keys, regex) per alternative
        for n, alt in enumerate(_word_start_alternatives(sources)):
            keys = _keys(alt)
            if keys is None:
                always.append(alt)
            else:
                self.gated.append((keys, _compile_alternatives([alt], n)))
        self.always = _compile_alternatives(always, len(self.gated) + 1000)

    def matches(self, text: str, keys: set | None = None) -> Iterator[re.Match]:
        """Matches in ``text``; ``keys`` (from :func:`_message_keys`) skips alternatives that cannot match."""
        regexes = [self.always] if self.always is not None else []
        regexes += [regex for alt_keys, regex in self.gated if keys is None or not alt_keys.isdisjoint(keys)]
        for regex in regexes:
            for m in _finditer_words(regex, text):
                if self.check is None or self.check(text, m):
                    yield m


def _clause(text: str, m: re.Match) -> str:
    """The clause around a match (between '.' / ',' separators)."""
    left = max(text.rfind(" . ", 0, m.start()), text.rfind(" , ", 0, m.start()))
    right_candidates = [i for i in (text.find(" . ", m.end()), text.find(" , ", m.end())) if i != -1]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 if left != -1 else 0:right]


def _sentence(text: str, m: re.Match) -> str:
    left = text.rfind(" . ", 0, m.start())
    right = text.find(" . ", m.end())
    return text[left + 1 if left != -1 else 0:right if right != -1 else len(text)]


_INFO_WORDS = re.compile(
    r"\b(?:informatie|info|information|folder|brochure|leaflet|uitleg|lezen|read|weten|know|learn|"
    r"vraag over|vragen over|question about|questions about|scriptie|werkstuk|thesis|onderzoek|"
    r"research|school project|spreekbeurt|hoe werkt|hoe gaat|how does|how do|what is|wat is|"
    r"wat betekent|what does|criteria|voorwaarden|wachtlijst|waiting list|wachttijd)\b")


# planning ahead ("my grandad wants euthanasia in a few months") is not a request now
_LATER = re.compile(r"\b(?:in a few|in een paar|over een paar|over een aantal|in (?:a|one|two|some) (?:months?|years?)|"
                    r"later|ooit|someday|some day|eventually|te zijner tijd|when the time comes|als het zover is|"
                    r"in de toekomst|in the future|op termijn|one day)\b")


def _not_informational(text: str, m: re.Match) -> bool:
    return not _INFO_WORDS.search(_clause(text, m))


def _request_now(text: str, m: re.Match) -> bool:
    clause = _clause(text, m)
    return not _INFO_WORDS.search(clause) and not _LATER.search(clause) and not _QUESTION_START.search(clause)


_QUESTION_START = re.compile(r"^\s*(?:wat|hoe|welke|wanneer|waarom|what|how|which|when|why|is|does|do|"
                             r"can|kan|mag|wordt|klopt)\b")
_FIRST_OR_THIRD = re.compile(
    rf"\b(?:ik|mijn|me|mij|i|my|me|lijd|lijdt|suffering|suffer|the pain|de pijn|het lijden|{_PERSON})\b")


def _personal_statement(text: str, m: re.Match) -> bool:
    clause = _clause(text, m)
    return bool(_FIRST_OR_THIRD.search(clause)) and not _QUESTION_START.search(clause)
