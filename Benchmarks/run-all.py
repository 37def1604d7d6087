#!/usr/bin/env python3
"""Every benchmark pair of Sentinel in one run, side by side, and the table of ratios.

    Benchmarks/run-all.py [--runs 5] [--trips 2000] [--skip-build] [--update-thresholds] [--only a,b,c,d,e]
                          [--from-last-run]

Builds what it needs (release), starts `sentinel sim --no-rate-limits` on a free port base, then for each pair runs
its two (or three) sides alternately, `--runs` times, and reports the medians of the figures and of each run's own
ratio (both sides of a run ran back to back):
  a. client overhead per order without a network: Sources/ClientOverhead vs ccxt_overhead.py, each exchange;
  b. place + cancel round trips against the simulator: RoundTrips (also with --on-transport-loop, and with
     --transport async-http-client) vs ccxt_roundtrips.py vs raw_roundtrips.py;
  c. the simulator under wrk: signed GET /api/v3/account vs Sources/BareResponder (latency on one connection,
     throughput on 32);
  d. `sentinel` start-up, cold process (hyperfine);
  e. the order journal per order (Sources/JournalCost), and the disk's floor for a durable write.
Then it compares the ratios and allocation counts with thresholds.json and names every regression beyond its
tolerance (exit status 1). `--update-thresholds` records this run's figures there instead. Every raw figure goes
to Benchmarks/results/last-run.json; `--from-last-run` prints that run's table again (and checks or records it)
without running anything. Needs python3 with ccxt, wrk and hyperfine (apt-get update && apt-get install wrk hyperfine).
"""
import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SENTINEL = os.path.join(ROOT, ".build", "release", "sentinel")
BENCH_BIN = os.path.join(ROOT, ".build", "release")
THRESHOLDS = os.path.join(HERE, "thresholds.json")
EXCHANGES = ["binance", "bybit", "okx", "kucoin", "bitget"]

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--runs", type=int, default=5, help="alternating runs of each pair (default 5)")
parser.add_argument("--trips", type=int, default=2000, help="place+cancel round trips per client run (default 2000)")
parser.add_argument("--port-base", type=int, default=0, help="simulator port base (default: the first free from 29100)")
parser.add_argument("--skip-build", action="store_true", help="use the release builds already there")
parser.add_argument("--update-thresholds", action="store_true", help="record this run's figures in thresholds.json")
parser.add_argument("--only", default="a,b,c,d,e", help="which parts to run, e.g. a,b")
parser.add_argument("--from-last-run", action="store_true",
                    help="run nothing: print the table of results/last-run.json, and check or record its figures")
args = parser.parse_args()
parts = set(args.only.split(","))


def log(text):
    print(text, file=sys.stderr, flush=True)


def run(command, cwd=ROOT, env=None, timeout=900):
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise SystemExit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr[-3000:]}")
    return result.stdout


def json_lines(text):
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def median(values):
    return statistics.median(values) if values else float("nan")


def run_ratio(numerators, denominators):
    """The median of each run's own ratio: the two sides of one run ran back to back, so the machine's drift from
    one minute to the next moves both; a ratio of the two sides' medians could pair figures of different minutes."""
    return median([n / d for n, d in zip(numerators, denominators)])


# --- build -----------------------------------------------------------------------------------------------------

if not args.skip_build and not args.from_last_run:
    # One package graph (this one, which depends on Sentinel) and the root's scratch path: the benchmark executables
    # and `sentinel` itself come from the same build, and a root build made before is reused.
    log("building release: the benchmark executables and sentinel, in ../.build…")
    run(["swift", "build", "-c", "release", "--scratch-path", "../.build"], cwd=HERE, timeout=3600)
    run(["swift", "build", "-c", "release", "--scratch-path", "../.build", "--product", "sentinel"], cwd=HERE,
        timeout=3600)


# --- the simulator -----------------------------------------------------------------------------------------------

def port_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port_base():
    for base in range(29100, 40000, 100):
        if all(port_free(base + offset) for offset in list(range(8)) + [99]):
            return base
    raise SystemExit("no free port base between 29100 and 40000")


class Simulator:
    def __init__(self, base):
        self.base = base
        self.process = subprocess.Popen(
            [SENTINEL, "sim", "--no-rate-limits", "--port-base", str(base)],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        ready = self.process.stdout.readline()
        if '"ready": true' not in ready:
            self.process.kill()
            raise SystemExit(f"the simulator did not start: {ready!r}")
        self.binance = f"http://127.0.0.1:{base}"
        self.admin = f"http://127.0.0.1:{base + 99}"

    def new_key(self, folder, name):
        """A fresh funded Binance key, written to FOLDER/NAME.json."""
        request = urllib.request.Request(f"{self.admin}/keys", data=b'{"exchange":"binance"}', method="POST")
        key = urllib.request.urlopen(request).read()
        path = os.path.join(folder, name + ".json")
        with open(path, "wb") as file:
            file.write(key)
        os.chmod(path, 0o600)
        return path

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


results = {"machine": {}, "runs": args.runs}


# --- a. client overhead ----------------------------------------------------------------------------------------

def overhead():
    sentinel = {name: [] for name in EXCHANGES}
    ccxt = {name: [] for name in EXCHANGES}
    allocations = {}
    for index in range(args.runs):
        sides = [("sentinel", [os.path.join(BENCH_BIN, "ClientOverhead"), "--root", ROOT,
                               "--iterations", "5000", "--samples", "3"]),
                 ("ccxt", [sys.executable, os.path.join(HERE, "ccxt_overhead.py"), "--root", ROOT,
                           "--iterations", "300", "--samples", "3"])]
        for side, command in sides if index % 2 == 0 else reversed(sides):
            for line in json_lines(run(command)):
                exchange = line["name"].split(".", 1)[1]
                (sentinel if side == "sentinel" else ccxt)[exchange].append(line["median_ns"] / 1000)
                if side == "sentinel":
                    allocations[exchange] = line["allocations"]
        log(f"  a. overhead run {index + 1}/{args.runs} done")
    return {name: {"sentinel_us": median(sentinel[name]), "ccxt_us": median(ccxt[name]),
                   "sentinel_runs_us": sentinel[name], "ccxt_runs_us": ccxt[name],
                   "ratio": run_ratio(ccxt[name], sentinel[name]),
                   "allocations": allocations.get(name)} for name in EXCHANGES}


# --- b. round trips ----------------------------------------------------------------------------------------------

def round_trips():
    figures = {"sentinel": [], "sentinel-loop": [], "sentinel-ahc": [], "ccxt": [], "raw": []}
    commands = {
        "sentinel": lambda key: [os.path.join(BENCH_BIN, "RoundTrips")],
        "sentinel-loop": lambda key: [os.path.join(BENCH_BIN, "RoundTrips"), "--on-transport-loop"],
        "sentinel-ahc": lambda key: [os.path.join(BENCH_BIN, "RoundTrips"), "--transport", "async-http-client"],
        "ccxt": lambda key: [sys.executable, os.path.join(HERE, "ccxt_roundtrips.py")],
        "raw": lambda key: [sys.executable, os.path.join(HERE, "raw_roundtrips.py")],
    }
    order = ["sentinel", "sentinel-loop", "sentinel-ahc", "ccxt", "raw"]
    for index in range(args.runs):
        for client in order[index % len(order):] + order[:index % len(order)]:
            key = simulator.new_key(scratch, f"{client}-{index}")
            command = commands[client](key) + ["--endpoint", simulator.binance, "--credentials", key,
                                               "--count", str(args.trips)]
            figures[client].append(json_lines(run(command))[-1]["trips_per_s"])
        log(f"  b. round-trip run {index + 1}/{args.runs}: " + ", ".join(f"{c} {figures[c][-1]:.0f}/s" for c in order))
    medians = {client: median(values) for client, values in figures.items()}
    return {"trips": args.trips, "per_s": medians, "runs_per_s": figures,
            "sentinel_vs_ccxt": run_ratio(figures["sentinel"], figures["ccxt"]),
            "raw_vs_sentinel": run_ratio(figures["raw"], figures["sentinel"]),
            "loop_vs_ccxt": run_ratio(figures["sentinel-loop"], figures["ccxt"]),
            "raw_vs_loop": run_ratio(figures["raw"], figures["sentinel-loop"]),
            "sentinel_vs_ahc": run_ratio(figures["sentinel"], figures["sentinel-ahc"])}


# --- c. the simulator under load -----------------------------------------------------------------------------------

def signed_account_path(key_path):
    import hashlib
    import hmac
    key = json.load(open(key_path))
    query = f"recvWindow=60000&timestamp={int(time.time() * 1000)}"
    signature = hmac.new(key["secret"].encode(), query.encode(), hashlib.sha256).hexdigest()
    return key["apiKey"], f"/api/v3/account?{query}&signature={signature}"


def wrk(url, path, api_key, connections, threads, seconds):
    env = dict(os.environ, SIGNED_PATH=path, API_KEY=api_key)
    output = run(["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "-s",
                  os.path.join(HERE, "load", "signed_account.lua"), url], env=env)
    figures = {}
    for line in output.splitlines():
        if line.startswith("requests/s:"):
            figures["per_s"] = float(line.split(":")[1])
        elif line.startswith("latency p50"):
            parts_ = line.replace(",", "").split()
            figures["p50_ms"], figures["p99_ms"] = float(parts_[2]), float(parts_[5])
        elif line.startswith("non-2xx/3xx:"):
            figures["errors"] = sum(int(word) for word in line.replace(",", " ").split() if word.isdigit())
    return figures


def simulator_load():
    bare_port = base + 50
    bare = subprocess.Popen([os.path.join(BENCH_BIN, "BareResponder"), "--port", str(bare_port)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    bare.stdout.readline()
    samples = {"sim": {"seq": [], "load": []}, "bare": {"seq": [], "load": []}}
    try:
        for index in range(args.runs):
            key = simulator.new_key(scratch, f"load-{index}")
            api_key, path = signed_account_path(key)
            targets = [("sim", simulator.binance), ("bare", f"http://127.0.0.1:{bare_port}")]
            for name, url in targets if index % 2 == 0 else reversed(targets):
                samples[name]["seq"].append(wrk(url, path, api_key, connections=1, threads=1, seconds=4))
                samples[name]["load"].append(wrk(url, path, api_key, connections=32, threads=2, seconds=4))
            log(f"  c. load run {index + 1}/{args.runs}: sim {samples['sim']['load'][-1]['per_s']:.0f}/s, "
                f"bare {samples['bare']['load'][-1]['per_s']:.0f}/s")
    finally:
        bare.terminate()
        bare.wait(timeout=10)
    summary = {}
    for name, figures in samples.items():
        summary[name] = {
            "seq_p50_ms": median([f["p50_ms"] for f in figures["seq"]]),
            "seq_p99_ms": median([f["p99_ms"] for f in figures["seq"]]),
            "seq_per_s": median([f["per_s"] for f in figures["seq"]]),
            "load_per_s": median([f["per_s"] for f in figures["load"]]),
            "load_p50_ms": median([f["p50_ms"] for f in figures["load"]]),
            "load_p99_ms": median([f["p99_ms"] for f in figures["load"]]),
            "errors": sum(f.get("errors", 0) for f in figures["seq"] + figures["load"]),
        }
    summary["p50_vs_bare"] = run_ratio([f["p50_ms"] for f in samples["sim"]["seq"]],
                                       [f["p50_ms"] for f in samples["bare"]["seq"]])
    summary["throughput_vs_bare"] = run_ratio([f["per_s"] for f in samples["sim"]["load"]],
                                              [f["per_s"] for f in samples["bare"]["load"]])
    summary["raw"] = samples
    return summary


# --- d. start-up ---------------------------------------------------------------------------------------------------

def startup():
    key = simulator.new_key(scratch, "startup")
    home = os.path.join(scratch, "home")
    os.makedirs(home, mode=0o700, exist_ok=True)
    commands = {
        "--help": f"{SENTINEL} --help",
        "sign": f"{SENTINEL} sign binance --method POST --path /api/v3/order "
                f"--body symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.0001&price=60000 "
                f"--credentials {key} --timestamp 1700000000000",
        "markets": f"{SENTINEL} markets --exchange binance --endpoint {simulator.binance} --filter BTC",
    }
    export = os.path.join(scratch, "hyperfine.json")
    run(["hyperfine", "-N", "--warmup", "3", "--runs", str(max(20, 6 * args.runs)), "--export-json", export]
        + [f"--command-name={name}" for name in commands] + list(commands.values()),
        env=dict(os.environ, SENTINEL_HOME=home))
    timings = json.load(open(export))["results"]
    return {result["command"]: {"median_ms": result["median"] * 1000, "min_ms": result["min"] * 1000,
                                "max_ms": result["max"] * 1000} for result in timings}


# --- e. the journal ------------------------------------------------------------------------------------------------

def journal():
    folder = os.path.join(scratch, "journal")
    lines = json_lines(run([os.path.join(BENCH_BIN, "JournalCost"), "--folder", folder], timeout=1800))
    return {line["name"].split(".", 1)[1]: {"median_us": line["median_ns"] / 1000,
                                            "allocations": line["allocations"]} for line in lines}


# --- run -----------------------------------------------------------------------------------------------------------

LAST_RUN = os.path.join(HERE, "results", "last-run.json")
if args.from_last_run:
    if not os.path.exists(LAST_RUN):
        raise SystemExit(f"no {LAST_RUN}: run the benchmarks first")
    results = json.load(open(LAST_RUN))
    args.runs = results.get("runs", args.runs)
else:
    base = args.port_base or free_port_base()
    simulator = Simulator(base)
    scratch = tempfile.mkdtemp(prefix="sentinel-bench-")
    log(f"simulator on 127.0.0.1:{base}… (admin {base + 99}); scratch {scratch}")
    try:
        results["machine"] = {
            "cpus": os.cpu_count(), "kernel": platform.release(),
            "cpu": next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                        "?"),
            "swift": run(["swift", "--version"]).splitlines()[0],
            "python": platform.python_version(),
            "ccxt": subprocess.run([sys.executable, "-c", "import ccxt; print(ccxt.__version__)"],
                                   capture_output=True, text=True).stdout.strip(),
        }
        if "a" in parts:
            log("a. client overhead per order (no network)…")
            results["overhead"] = overhead()
        if "b" in parts:
            log(f"b. place+cancel round trips against the simulator, {args.trips} per run…")
            results["roundtrips"] = round_trips()
        if "c" in parts:
            log("c. the simulator under wrk…")
            results["simulator"] = simulator_load()
        if "d" in parts:
            log("d. start-up (hyperfine)…")
            results["startup"] = startup()
        if "e" in parts:
            log("e. the order journal…")
            results["journal"] = journal()
    finally:
        simulator.stop()

    os.makedirs(os.path.join(HERE, "results"), exist_ok=True)
    with open(LAST_RUN, "w") as file:
        json.dump(results, file, indent=1)


# --- the table -----------------------------------------------------------------------------------------------------

def row(cells):
    print("| " + " | ".join(cells) + " |")


machine = results["machine"]
print(f"\nMachine: {machine['cpus']} cores, {machine['cpu']}, Linux {machine['kernel']}; {machine['swift']}; "
      f"Python {machine['python']}, ccxt {machine['ccxt']}. Medians of {args.runs} alternating runs.\n")
row(["figure", "Sentinel", "peer", "ratio", "target"])
row(["---"] * 5)
checked = {}  # metric name -> (value, better: "higher" | "lower", kind: "ratio" | "allocations")
if "overhead" in results:
    for name, figure in results["overhead"].items():
        row([f"a. {name}: one order, no network (sign, build, parse)", f"{figure['sentinel_us']:.1f} µs, "
             f"{figure['allocations']:.0f} allocations", f"ccxt {figure['ccxt_us']:.0f} µs",
             f"{figure['ratio']:.1f}× lower", "≥ 20× lower; ≤ 20 µs, ≤ 60 allocations"])
        checked[f"overhead.{name}.ratio"] = (figure["ratio"], "higher", "ratio")
        checked[f"overhead.{name}.allocations"] = (figure["allocations"], "lower", "allocations")
if "roundtrips" in results:
    trips = results["roundtrips"]
    row([f"b. place+cancel round trips/s ({trips['trips']} per run)", f"{trips['per_s']['sentinel']:.0f}",
         f"ccxt {trips['per_s']['ccxt']:.0f}", f"{trips['sentinel_vs_ccxt']:.2f}×", "≥ 3×"])
    row(["b. … against the raw-HTTP floor", f"{trips['per_s']['sentinel']:.0f}", f"raw {trips['per_s']['raw']:.0f}",
         f"floor {trips['raw_vs_sentinel']:.2f}× Sentinel", "≤ 1.5×"])
    row(["b. … the bot's loop on the transport's executor", f"{trips['per_s']['sentinel-loop']:.0f}",
         f"ccxt {trips['per_s']['ccxt']:.0f}; raw {trips['per_s']['raw']:.0f}",
         f"{trips['loop_vs_ccxt']:.2f}×; floor {trips['raw_vs_loop']:.2f}×", "≥ 3×; ≤ 1.5×"])
    if "sentinel_vs_ahc" in trips:
        row(["b. … Sentinel on AsyncHTTPClient (AsyncHTTPTransport)", f"{trips['per_s']['sentinel-ahc']:.0f}",
             f"ccxt {trips['per_s']['ccxt']:.0f}",
             f"default transport {trips['sentinel_vs_ahc']:.2f}× this", ""])
        checked["roundtrips.sentinel_vs_ahc"] = (trips["sentinel_vs_ahc"], "higher", "ratio")
    checked["roundtrips.sentinel_vs_ccxt"] = (trips["sentinel_vs_ccxt"], "higher", "ratio")
    checked["roundtrips.raw_vs_sentinel"] = (trips["raw_vs_sentinel"], "lower", "ratio")
    checked["roundtrips.loop_vs_ccxt"] = (trips["loop_vs_ccxt"], "higher", "ratio")
    checked["roundtrips.raw_vs_loop"] = (trips["raw_vs_loop"], "lower", "ratio")
if "simulator" in results:
    load = results["simulator"]
    row(["c. simulator, one connection: p50 / p99 ms (signed GET /api/v3/account)",
         f"{load['sim']['seq_p50_ms']:.3f} / {load['sim']['seq_p99_ms']:.3f}",
         f"bare Hummingbird {load['bare']['seq_p50_ms']:.3f} / {load['bare']['seq_p99_ms']:.3f}",
         f"p50 {load['p50_vs_bare']:.2f}×", "≤ 2×"])
    row(["c. simulator, 32 connections (wrk, 2 threads): requests/s", f"{load['sim']['load_per_s']:.0f}",
         f"bare Hummingbird {load['bare']['load_per_s']:.0f}", f"{load['throughput_vs_bare']:.2f}×",
         "≥ 20,000 signed/s"])
    checked["simulator.p50_vs_bare"] = (load["p50_vs_bare"], "lower", "ratio")
    checked["simulator.throughput_vs_bare"] = (load["throughput_vs_bare"], "higher", "ratio")
if "startup" in results:
    for name, figure in results["startup"].items():
        row([f"d. `sentinel {name}`, cold process", f"{figure['median_ms']:.1f} ms "
             f"({figure['min_ms']:.1f}–{figure['max_ms']:.1f})", "", "", "--help ≤ 30 ms"])
if "journal" in results:
    # A journal that flushes before each order leaves costs at least one durable write of the disk: its floor.
    floor = results["journal"].get("diskFloor")
    for name, figure in results["journal"].items():
        if name == "diskFloor":
            row(["e. disk floor: 512 B over existing blocks + fdatasync (no journal)", f"{figure['median_us']:.1f} µs", "", "",
                 ""])
            continue
        versus_floor = ["", ""]
        if floor and name.startswith("machineCrash"):
            versus_floor = [f"disk floor {floor['median_us']:.1f} µs", f"{figure['median_us'] / floor['median_us']:.2f}×"]
        row([f"e. journal, record + update per order: {name}", f"{figure['median_us']:.1f} µs, "
             f"{figure['allocations']:.0f} allocations", *versus_floor, "≤ 30 µs amortised"])
        checked[f"journal.{name}.allocations"] = (figure["allocations"], "lower", "allocations")


# --- thresholds ----------------------------------------------------------------------------------------------------

recorded = json.load(open(THRESHOLDS)) if os.path.exists(THRESHOLDS) else {"tolerance": {}, "metrics": {}}
tolerance = {"ratio": 0.25, "allocations": 0.10, **recorded.get("tolerance", {})}
if args.update_thresholds:
    metrics = dict(recorded.get("metrics", {}))
    for name, (value, better, kind) in checked.items():
        metrics[name] = {"value": round(value, 3), "better": better, "kind": kind}
    with open(THRESHOLDS, "w") as file:
        json.dump({"about": "Figures of the last recorded run of run-all.py; a run whose figure is worse by more "
                            "than the tolerance of its kind (a fraction of the recorded value) is a regression.",
                   "tolerance": tolerance, "metrics": dict(sorted(metrics.items()))}, file, indent=1)
        file.write("\n")
    print(f"\nthresholds.json updated with {len(checked)} figures.")
    sys.exit(0)

regressions = []
for name, (value, better, kind) in checked.items():
    entry = recorded.get("metrics", {}).get(name)
    if entry is None:
        continue
    limit = entry["value"] * (1 - tolerance[kind]) if better == "higher" else entry["value"] * (1 + tolerance[kind])
    if (better == "higher" and value < limit) or (better == "lower" and value > limit):
        regressions.append(f"REGRESSION {name}: {value:.3f}, recorded {entry['value']} "
                           f"({'higher' if better == 'higher' else 'lower'} is better, tolerance {tolerance[kind]:.0%})")
print()
if regressions:
    print("\n".join(regressions))
    sys.exit(1)
print(f"No regression against thresholds.json ({len(checked)} figures checked).")
