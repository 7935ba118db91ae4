"""`make bench`: how much the gateway adds to bare Rasa, and what one machine carries.

Everything compared comes from one run on one machine: the same trained model, the
same action server and the same messages go once through bare Rasa's REST webhook
and once through the gateway (`/api/messages` and the voice webhook), at 1, 10 and
50 concurrent conversations. Also: a whole turn against NLU alone, py-spy profiles of Rasa
and the action server (bench/profile-*.txt), 50 paced phone callers (locust), and throughput
against today's setup kept in bench/baseline/. Prints a table and writes bench/results.json.

    make bench                   # everything (about 15 minutes on 2 cores)
    make bench ARGS="--quick"    # fewer turns
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from twilio.request_validator import RequestValidator

from bot.road.rasa_client import CHANNEL_HEADER, CHANNEL_PATH
from bot.triage import classifier as risk_classifier
from bot.triage.rules.scanner import scan
from tools import profile
from tools.stack import RASA, RASA_TOKEN, ROOT, VENV_BIN, Stack, free_port

OUT = ROOT / "bench" / "results.json"
# Today's setup before the turn was made cheaper (issue #16): its config.yml and endpoints.yml,
# trained from the same data and run beside the current one in the same bench run.
BASELINE = ROOT / "bench" / "baseline"
FALLBACKS: list[str] = []  # system handoffs seen during the routine load
TWILIO_TOKEN = "bench-twilio-token"
TARGETS = {"gateway_vs_rasa_p95_ratio": ("<=", 1.10), "crisis_turn_p95_ms": ("<=", 20),
           "screen_p95_us": ("<=", 1000), "classifier_p95_us": ("<=", 2000),
           "two_worker_speedup": (">=", 1.7),
           "turn_vs_parse_p50_ratio": ("<=", 3), "speedup_vs_baseline": (">=", 3),
           "capacity_50_callers_p95_ms": ("<=", 1000),
           "import_15k_s": ("<=", 10)}
# Routine turns, Dutch and English; every conversation sends them in order.
ROUTINE = ["hallo", "ik wil mijn adres wijzigen", "hoe kan ik vriend worden",
           "waar is mijn bestelling", "I would like my annual statement",
           "wat doet de stichting eigenlijk", "bedankt"]
ROUNDS = {1: 2, 10: 3, 50: 1}  # rounds per concurrency level
CRISIS = ["ik wil niet meer leven", "ik zie het niet meer zitten", "I want to end my life",
          "mijn pomp geeft geen insuline meer en ik moet overgeven"]


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def summary(values: list[float]) -> dict:
    return {"p50": round(pct(values, 50), 2), "p95": round(pct(values, 95), 2),
            "p99": round(pct(values, 99), 2), "n": len(values)}


def _timed(texts: list[str], rounds: int, measure) -> dict:
    for text in texts:  # warm up regex caches and the model
        measure(text)
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter_ns()
            measure(text)
            timings.append((time.perf_counter_ns() - start) / 1000)
    return summary(timings)


def _screen_texts() -> list[str]:
    with open(ROOT / "tests" / "triage_cases.tsv", encoding="utf-8") as handle:
        return [row["text"] for row in csv.DictReader(handle, delimiter="\t")]


def bench_screen(rounds: int) -> dict:
    """The rules layer (normalise, idioms, negation, rule families) per utterance, in µs."""
    return _timed(_screen_texts(), rounds, scan)


def bench_classifier(rounds: int) -> dict:
    """The gateway's risk classifier per utterance, in µs (the model make train saved)."""
    model = risk_classifier.shared()
    if model is None:
        raise SystemExit("no trained safety classifier: run make train")
    return _timed(_screen_texts(), rounds, model.verdict)


class Load:
    """N conversations at once, each sending its turns in order; latency per turn, in ms."""

    def __init__(self, concurrency: int, turns: list[str]):
        self.concurrency, self.turns = concurrency, turns

    def run(self, start_conversation, send_turn) -> tuple[list[float], float]:
        def conversation(_):
            http = requests.Session()
            state = start_conversation(http)
            latencies = []
            for text in self.turns:
                began = time.perf_counter()
                send_turn(http, state, text)
                latencies.append((time.perf_counter() - began) * 1000)
            return latencies

        began = time.perf_counter()
        with ThreadPoolExecutor(self.concurrency) as pool:
            results = list(pool.map(conversation, range(self.concurrency)))
        wall = time.perf_counter() - began
        return [ms for latencies in results for ms in latencies], wall


def rasa_rest(rasa_url: str):
    def start(_http):
        return {"id": uuid.uuid4().hex}

    def send(http, state, text):
        # the same metadata the gateway sends, so Rasa does the same work
        r = http.post(f"{rasa_url}{CHANNEL_PATH}", timeout=60,
                      headers={CHANNEL_HEADER: RASA_TOKEN}, json={
            "sender": state["id"], "message": text,
            "metadata": {"channel": "api", "language": "nl", "line": "vrienden"}})
        r.raise_for_status()
    return start, send


def gateway_api(gateway_url: str):
    def start(_http):
        return {"id": uuid.uuid4().hex}

    def send(http, state, text):
        r = http.post(f"{gateway_url}/api/messages", timeout=60,
                      json={"text": text, "conversation_id": state["id"], "line": "vrienden"})
        r.raise_for_status()
        if r.json().get("handoff"):  # e.g. Rasa slower than RASA_TIMEOUT: counted, not hidden
            FALLBACKS.append(r.json()["handoff"]["reason"])
    return start, send


def gateway_voice(gateway_url: str):
    validator = RequestValidator(TWILIO_TOKEN)

    def post(http, path, params):
        signature = validator.compute_signature(gateway_url + path, params)
        r = http.post(gateway_url + path, data=params, timeout=60,
                      headers={"X-Twilio-Signature": signature})
        r.raise_for_status()

    def start(http):
        state = {"CallSid": "CA" + uuid.uuid4().hex, "From": "+31612345678", "To": "+3197000000001"}
        post(http, "/twilio/voice", state)  # the greeting: not a timed turn
        return state

    def send(http, state, text):
        post(http, "/twilio/voice/gather", {**state, "SpeechResult": text, "Confidence": "0.93"})
    return start, send


def parse_ms(rasa_url: str, texts: list[str], rounds: int) -> dict:
    """Rasa's NLU alone (/model/parse) on the same messages, one at a time, in ms."""
    http = requests.Session()
    for text in texts:  # warm up
        http.post(f"{rasa_url}/model/parse", params={"token": RASA_TOKEN}, json={"text": text})
    timings = []
    for _ in range(rounds):
        for text in texts:
            began = time.perf_counter()
            r = http.post(f"{rasa_url}/model/parse", params={"token": RASA_TOKEN},
                          json={"text": text}, timeout=60)
            r.raise_for_status()
            timings.append((time.perf_counter() - began) * 1000)
    return summary(timings)


def turn_vs_parse(rasa_url: str, turns: list[str], rounds: int) -> dict:
    """What a turn costs beyond understanding it: the same messages, one at a time, through
    /model/parse and through the REST channel (a whole turn); p50 of each and their ratio."""
    parse = parse_ms(rasa_url, turns, rounds)
    values = []
    for _ in range(rounds):
        values += Load(1, turns).run(*rasa_rest(rasa_url))[0]
    turn = summary(values)
    return {"parse_ms": parse, "turn_ms": turn, "ratio": round(turn["p50"] / parse["p50"], 2)}


def turns_per_s(rasa_url: str, turns: list[str], conversations: int = 20) -> float:
    """Routine turns per second through Rasa's REST channel, `conversations` at once."""
    _, wall = Load(conversations, turns).run(*rasa_rest(rasa_url))
    return round(len(turns) * conversations / wall, 1)


def profile_turns(stack: Stack, turns: list[str], seconds: int) -> dict:
    """py-spy on Rasa and the action server while 10 conversations send routine turns."""
    notes = {}
    running = {}
    for name in ("rasa", "actions"):
        raw = Path(tempfile.mkdtemp()) / f"profile-{name}.raw"
        running[name] = (profile.start(stack.pid(name), seconds, raw), raw)
    began = time.monotonic()
    while time.monotonic() - began < seconds + 1:
        Load(10, turns).run(*rasa_rest(stack.rasa_url))
    for name, (proc, raw) in running.items():
        out = ROOT / "bench" / f"profile-{name}.txt"
        error = profile.finish(proc, raw, out,
                               f"{name}: routine turns through Rasa's REST channel, "
                               f"10 conversations at once, {seconds} s")
        notes[name] = error or str(out.relative_to(ROOT))
    return notes


def capacity(gateway_url: str, tmp: Path, callers: int = 50, seconds: int = 60) -> dict:
    """`callers` simulated phone callers (locust), each speaking every 8 s through the voice
    webhook; p50/p95 of the spoken turns, in ms, and any failure."""
    prefix = tmp / "capacity"
    env = {**os.environ, "LOAD_TWILIO_TOKEN": TWILIO_TOKEN,
           "LOAD_CRISIS_FILE": str(tmp / "capacity_crisis.txt")}
    locust = [str(VENV_BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
              "PacedCaller", "--headless", "-u", str(callers), "-r", "10", "-t", f"{seconds}s",
              "--host", gateway_url, "--csv", str(prefix), "--only-summary"]
    run = subprocess.run(locust, env=env, cwd=ROOT, check=False, stdout=subprocess.DEVNULL,
                         stderr=subprocess.PIPE, text=True)
    if not Path(f"{prefix}_stats.csv").exists():
        raise RuntimeError(f"locust wrote no figures:\n{run.stderr[-2000:]}")
    with open(f"{prefix}_stats.csv") as handle:
        rows = {row["Name"]: row for row in csv.DictReader(handle)}
    turn = rows.get("voice: spoken turn") or {}
    return {"p50": float(turn.get("50%") or 0), "p95": float(turn.get("95%") or 0),
            "n": int(turn.get("Request Count") or 0),
            "failures": int(turn.get("Failure Count") or 0)}


def train_baseline() -> Path:
    """Today's setup (bench/baseline/config.yml) trained from the current data; Rasa restores
    the components whose settings and data did not change from its cache (.rasa/cache)."""
    out = BASELINE / "models"
    subprocess.run([str(RASA), "train", "--data", "data", "--domain", "domain",
                    "--config", str(BASELINE / "config.yml"), "--out", str(out),
                    "--fixed-model-name", "baseline", "--quiet", "--skip-validation"],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return out / "baseline.tar.gz"


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of a process and its children (gunicorn/Sanic workers), in MB."""
    if not pid:
        return None
    out = subprocess.run(["ps", "-o", "rss=", "-p", str(pid), "--ppid", str(pid)],
                         capture_output=True, text=True).stdout.split()
    return round(sum(int(kb) for kb in out) / 1024, 1)


def start_redis() -> tuple[subprocess.Popen | None, int | None]:
    server = shutil.which("redis-server")
    if not server:
        return None, None
    port = free_port()
    proc = subprocess.Popen([server, "--port", str(port), "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    return proc, port


def measure_import() -> float | None:
    try:
        from bot.migrate import upgrade
        from bot.services import Services
        from core import demo_data  # the back-office import, if present
        from core.config import Config
        from core.importer import import_donors
    except ImportError:
        return None
    tmp = Path(tempfile.mkdtemp())
    url = f"sqlite:///{tmp / 'import.db'}"
    upgrade(url)
    services = Services.build(Config.from_mapping({"database_url": url}))
    donors_csv = demo_data.write_donors_csv(tmp / "donors.csv", 15000)
    began = time.perf_counter()
    import_donors(services, donors_csv)
    return round(time.perf_counter() - began, 2)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer turns (a smoke run)")
    parser.add_argument("--no-baseline", action="store_true",
                        help="skip training and running today's setup (bench/baseline/)")
    args = parser.parse_args(argv)
    levels = (1, 10, 50)
    turns = ROUTINE[:3] if args.quick else ROUTINE
    results: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform()},
                     "started": time.strftime("%Y-%m-%dT%H:%M:%S%z")}

    print("safety screen (rules layer) ...", file=sys.stderr)
    results["screen_us"] = bench_screen(3 if args.quick else 20)
    results["screen_p95_us"] = results["screen_us"]["p95"]
    results["classifier_us"] = bench_classifier(2 if args.quick else 5)
    results["classifier_p95_us"] = results["classifier_us"]["p95"]

    tmp = Path(tempfile.mkdtemp(prefix="bench-"))
    stack = Stack(tmp)
    redis = None
    try:
        print("starting the action server, Rasa and the gateway ...", file=sys.stderr)
        stack.start_actions()
        stack.start_rasa()
        # RASA_TIMEOUT is 3 s in production (a caller gets a person rather than wait); here it
        # is raised so both paths do the same work and the figures compare overhead.
        gateway = stack.start_gateway(TWILIO_AUTH_TOKEN=TWILIO_TOKEN, RASA_TIMEOUT="30")
        warm = Load(2, ROUTINE)
        for start, send in (rasa_rest(stack.rasa_url), gateway_api(gateway)):
            warm.run(start, send)

        # The paths take turns round by round, so a slow spell of the machine falls on all
        # of them; at 10 conversations (the compared level) three rounds give 210 turns each.
        latency = {}
        paths = (("rasa_rest", rasa_rest(stack.rasa_url)), ("gateway_api", gateway_api(gateway)),
                 ("gateway_voice", gateway_voice(gateway)))
        for level in levels:
            load = Load(level, turns)
            rounds = ROUNDS.get(level, 1) if not args.quick else 1
            samples = {name: ([], 0.0) for name, _ in paths}
            for round_ in range(rounds):
                for name, (start, send) in paths:
                    print(f"  {level:>2} conversations via {name} "
                          f"(round {round_ + 1}/{rounds}) ...", file=sys.stderr)
                    values, wall = load.run(start, send)
                    samples[name] = (samples[name][0] + values, samples[name][1] + wall)
            for name, (values, wall) in samples.items():
                latency[f"{name}@{level}"] = {**summary(values),
                                              "turns_per_s": round(len(values) / wall, 1)}
        results["turn_latency_ms"] = latency
        results["routine_fallback_handoffs"] = len(FALLBACKS)
        results["gateway_vs_rasa_p95_ratio"] = round(
            latency["gateway_api@10"]["p95"] / latency["rasa_rest@10"]["p95"], 3)
        results["voice_vs_rasa_p95_ratio"] = round(
            latency["gateway_voice@10"]["p95"] / latency["rasa_rest@10"]["p95"], 3)

        compared = turn_vs_parse(stack.rasa_url, turns, 3 if args.quick else 10)
        results["parse_ms"], results["turn_one_at_a_time_ms"] = (compared["parse_ms"],
                                                                 compared["turn_ms"])
        results["turn_vs_parse_p50_ratio"] = compared["ratio"]
        print("profiling Rasa and the action server under a routine load ...", file=sys.stderr)
        results["profile"] = profile_turns(stack, turns, 10 if args.quick else 30)

        # A crisis on a busy day: crisis messages, one at a time and each in a new conversation,
        # while 10 routine conversations keep the gateway and Rasa busy. The path to the
        # handoff reply never waits for Rasa, but it shares the CPUs with it.
        def crisis_turn(http, text):
            began = time.perf_counter()
            r = http.post(f"{gateway}/api/messages", timeout=60,
                          json={"text": text, "conversation_id": uuid.uuid4().hex})
            if not r.json().get("handoff"):
                raise RuntimeError(f"no handoff for {text!r}")
            return (time.perf_counter() - began) * 1000

        background = threading.Thread(target=Load(10, turns * 3).run, args=gateway_api(gateway))
        background.start()
        http, values = requests.Session(), []
        time.sleep(1.0)
        while background.is_alive() and len(values) < (20 if args.quick else 60):
            values.append(crisis_turn(http, CRISIS[len(values) % len(CRISIS)]))
            time.sleep(0.2)
        background.join()
        results["crisis_turn_ms"] = summary(values)
        results["crisis_turn_p95_ms"] = results["crisis_turn_ms"]["p95"]
        # And a burst: 10 crisis conversations at the same moment (one gateway process).
        values, _ = Load(10, CRISIS).run(lambda _http: {}, lambda h, _s, text: crisis_turn(h, text))
        results["crisis_burst_10_ms"] = summary(values)

        results["memory_mb"] = {name: rss_mb(stack.pid(name))
                                for name in ("rasa", "actions", "gateway")}

        print("50 phone callers, each speaking every 8 s (locust) ...", file=sys.stderr)
        results["capacity_50_callers_ms"] = capacity(gateway, tmp, 50, 30 if args.quick else 60)
        results["capacity_50_callers_p95_ms"] = results["capacity_50_callers_ms"]["p95"]

        # throughput with one Rasa worker, then two (Sanic workers need a Redis lock store)
        one = turns_per_s(stack.rasa_url, turns)
        results["throughput_turns_per_s"] = {"rasa_1_worker": one}
        results["turns_per_s_one_worker"] = one
        redis, redis_port = start_redis()
        if redis is None:
            results["two_worker_speedup"] = None
            results["two_worker_note"] = ("redis-server not installed: "
                                          "two Rasa workers need a Redis lock store")
        else:
            endpoints = tmp / "endpoints-redis.yml"
            endpoints.write_text(
                (ROOT / "endpoints.yml").read_text()
                + "\nlock_store:\n  type: redis\n  url: 127.0.0.1\n"
                + f"  port: {redis_port}\n  db: 1\n")
            stack.stop("rasa")
            two_url = stack.start_rasa(name="rasa2", workers=2, endpoints=endpoints)
            Load(4, ROUTINE).run(*rasa_rest(two_url))  # warm both workers
            two = turns_per_s(two_url, turns)
            results["throughput_turns_per_s"]["rasa_2_workers"] = two
            results["two_worker_speedup"] = round(two / one, 2)
            results["memory_mb"]["rasa_2_workers"] = rss_mb(stack.pid("rasa2"))
            stack.stop("rasa2")

        if not args.no_baseline:
            # Today's setup beside the current one: same data, same action server, same turns.
            print("training and starting the baseline (bench/baseline/) ...", file=sys.stderr)
            base_url = stack.start_rasa(name="baseline", model=train_baseline(),
                                        endpoints=BASELINE / "endpoints.yml",
                                        RASA_ACTION_CALLS="stock")  # Rasa's own action calls
            Load(2, ROUTINE).run(*rasa_rest(base_url))  # warm up
            base = turns_per_s(base_url, turns)
            results["throughput_turns_per_s"]["baseline_1_worker"] = base
            results["speedup_vs_baseline"] = round(one / base, 2)
            results["baseline_turn_vs_parse_p50_ratio"] = turn_vs_parse(
                base_url, turns, 3 if args.quick else 10)["ratio"]
    finally:
        stack.stop_all()
        if redis:
            redis.terminate()

    train_file = ROOT / "models" / "train_seconds"
    results["training_s"] = float(train_file.read_text()) if train_file.exists() else None
    try:
        results["import_15k_s"] = measure_import()
    except Exception as exc:  # the back office may not be there yet: say so, do not hide it
        results["import_15k_s"], results["import_note"] = None, f"{type(exc).__name__}: {exc}"

    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps(results, indent=2))
    print_table(results)
    print(f"\nwritten to {OUT.relative_to(ROOT)}")
    return 0


def print_table(r: dict) -> None:
    print(f"\n{'figure':<34}{'p50':>9}{'p95':>9}{'p99':>9}{'turns/s':>9}")
    print(f"{'screen per utterance (us)':<34}{r['screen_us']['p50']:>9}{r['screen_us']['p95']:>9}"
          f"{r['screen_us']['p99']:>9}")
    for key, v in r.get("turn_latency_ms", {}).items():
        print(f"{key + ' (ms)':<34}{v['p50']:>9}{v['p95']:>9}{v['p99']:>9}{v['turns_per_s']:>9}")
    for key, label in (("crisis_turn_ms", "crisis turn, busy gateway (ms)"),
                       ("crisis_burst_10_ms", "10 crisis turns at once (ms)")):
        if key in r:
            c = r[key]
            print(f"{label:<34}{c['p50']:>9}{c['p95']:>9}{c['p99']:>9}")
    print(f"\nthroughput: {r.get('throughput_turns_per_s')}  memory (MB): {r.get('memory_mb')}")
    print(f"parse alone (ms): {r.get('parse_ms')}  a whole turn, one at a time (ms): "
          f"{r.get('turn_one_at_a_time_ms')}")
    print(f"50 callers every 8 s (ms): {r.get('capacity_50_callers_ms')}  "
          f"profiles: {r.get('profile')}")
    print(f"training: {r.get('training_s')} s  import 15k donors: {r.get('import_15k_s')} s")
    print("\ntargets:")
    for key, (op, target) in TARGETS.items():
        value = r.get(key)
        ok = None if value is None else (value <= target if op == "<=" else value >= target)
        verdict = "n/a" if ok is None else ("met" if ok else "MISSED")
        print(f"  {key:<28}{str(value):>10}  {op} {target:<6} {verdict}")


if __name__ == "__main__":
    sys.exit(main())
