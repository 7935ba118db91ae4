"""The layers (issue 15), read from the source with `ast`, nothing imported:

* core:    configuration, database, models, vocabulary, importer. No bot, ivr or actions,
           and no Flask, Twilio or rasa_sdk: every layer may use it.
* actions: the Rasa action server. core and libraries only, never bot, ivr or tools (importing
           `bot` would run the gateway's package, Flask and all, inside the action server).
* bot:     the gateway. It may send through ivr.outbound (outbound SMS and page calls, which
           imports only core and Twilio); the rest of ivr (the webhooks, which call into
           bot.road) is wired in only by the app factory, bot/__init__.py.
* ivr:     the Twilio adapters around bot.road (with bot.services, bot.coverage and the
           safety screen bot.triage); never bot's web channels, console or commands.
* No cycles between modules, counting imports inside functions too (a late import that
  dodges a circle is still a circle).

Each check names the offending file, line and import, so a failure says what to move.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("core", "actions", "bot", "ivr")
FRAMEWORKS = ("flask", "flask_login", "flask_wtf", "flask_talisman", "twilio", "rasa_sdk",
              "rasa")
APP_FACTORY = "bot"  # bot/__init__.py: create_app wires the channels together
# ivr's outbound sender: imports only core and Twilio, so bot may use it.
IVR_FOR_BOT = ("ivr.outbound",)


@dataclass(frozen=True)
class Import:
    source: str  # the importing module, 'bot.road.handoff'
    target: str  # what it imports, 'core.models' or 'flask'
    line: int
    local: bool  # inside a function

    def __str__(self) -> str:
        where = "inside a function" if self.local else "at the top"
        path = MODULES[self.source].relative_to(ROOT) if self.source in MODULES \
            else self.source.replace(".", "/") + ".py"
        return f"{path}:{self.line}: imports {self.target} ({where})"


def module_files() -> dict[str, Path]:
    modules = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


MODULES = module_files()


def _is_package(module: str) -> bool:
    return MODULES.get(module, Path()).name == "__init__.py"


def _imports_of(module: str, path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: list[Import] = []

    def visit(node: ast.AST, local: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = local or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef,
                                                ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    found.append(Import(module, alias.name, child.lineno, local))
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: from the importing module's package
                    package = module if _is_package(module) else module.rpartition(".")[0]
                    for _ in range(child.level - 1):
                        package = package.rpartition(".")[0]
                    base = f"{package}.{base}".strip(".")
                for alias in child.names:
                    # `from bot import handoff` imports the module bot.road.handoff
                    sub = f"{base}.{alias.name}"
                    found.append(Import(module, sub if sub in MODULES else base,
                                        child.lineno, local))
            visit(child, inner)

    visit(tree, False)
    return found


IMPORTS = [imp for module, path in MODULES.items() for imp in _imports_of(module, path)]


def _top(name: str) -> str:
    return name.split(".")[0]


def _ours(target: str) -> str | None:
    """The module of ours that `target` names (or the nearest package of ours), else None."""
    while target:
        if target in MODULES:
            return target
        target = target.rpartition(".")[0]
    return None


def graph(imports) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {module: set() for module in MODULES}
    for imp in imports:
        target = _ours(imp.target)
        if target and target != imp.source:
            edges[imp.source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            strong(v)
    return found


def _report(offending) -> str:
    return "\n".join(dict.fromkeys(str(imp) for imp in offending))  # one line per import


# --- the checker itself can fail -------------------------------------------------------------

def test_the_checker_sees_a_cycle_and_a_late_import(tmp_path):
    fake = [Import("bot.a", "bot.b", 1, False), Import("bot.b", "bot.c", 1, True),
            Import("bot.c", "bot.a", 3, False), Import("bot.d", "bot.a", 1, False)]
    edges = {"bot.a": set(), "bot.b": set(), "bot.c": set(), "bot.d": set()}
    for imp in fake:
        edges[imp.source].add(imp.target)
    assert cycles(edges) == [["bot.a", "bot.b", "bot.c"]]
    assert str(fake[1]) == "bot/b.py:1: imports bot.c (inside a function)"


def test_every_package_is_read():
    assert {_top(module) for module in MODULES} == set(PACKAGES)
    assert "core.models" in MODULES and "bot.triage.screen" in MODULES
    # `from core import vocabulary` is an import of the module core.vocabulary
    assert any(imp.source == "actions.digress" and imp.target == "core.vocabulary"
               for imp in IMPORTS)


# --- the layers ------------------------------------------------------------------------------

def test_no_cycles_between_modules():
    found = cycles(graph(IMPORTS))
    lines = []
    for component in found:
        members = set(component)
        lines.append(" <-> ".join(component))
        lines += dict.fromkeys("    " + str(imp) for imp in IMPORTS
                               if imp.source in members and _ours(imp.target) in members
                               and _ours(imp.target) != imp.source)
    assert not found, "import cycles:\n" + "\n".join(lines)


def test_core_needs_no_other_layer_and_no_framework():
    offending = [imp for imp in IMPORTS if _top(imp.source) == "core"
                 and _top(imp.target) in ("bot", "ivr", "actions", "rasa_channels", "tools",
                                          *FRAMEWORKS)]
    assert not offending, "core must stay below every layer:\n" + _report(offending)


def test_actions_import_no_gateway_and_no_phone():
    offending = [imp for imp in IMPORTS if _top(imp.source) == "actions"
                 and _top(imp.target) in ("bot", "ivr", "tools", "flask", "twilio")]
    assert not offending, "the action server imports core, not bot or ivr:\n" \
        + _report(offending)


def test_only_the_app_factory_wires_the_phone_channels_into_bot():
    offending = [imp for imp in IMPORTS if _top(imp.source) == "bot"
                 and imp.source != APP_FACTORY and _top(imp.target) == "ivr"
                 and _ours(imp.target) not in IVR_FOR_BOT]
    assert not offending, "bot reaches ivr only through the app factory:\n" \
        + _report(offending)


def test_the_outbound_sender_stands_on_core_only():
    offending = [imp for imp in IMPORTS if _ours(imp.source) in IVR_FOR_BOT
                 and _top(imp.target) in ("bot", "ivr", "actions")
                 and _ours(imp.target) != imp.source]
    assert not offending, "ivr.outbound is used by bot, so it may not import bot:\n" \
        + _report(offending)


# What the Twilio adapters take from the gateway: the road, the services of a request, who
# can come (coverage) and the safety screen; never the web channels, the console, the
# commands or the app factory.
BOT_FOR_IVR = ("bot.road", "bot.services", "bot.coverage", "bot.triage")


def test_ivr_uses_only_the_road_side_of_bot():
    offending = [imp for imp in IMPORTS if _top(imp.source) == "ivr"
                 and _top(imp.target) == "bot"
                 and not any(_ours(imp.target) == allowed
                             or (_ours(imp.target) or "").startswith(allowed + ".")
                             for allowed in BOT_FOR_IVR)]
    assert not offending, "ivr is an adapter around bot's road:\n" + _report(offending)
