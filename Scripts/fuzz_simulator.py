#!/usr/bin/env python3
"""Fuzzes a local `sentinel sim` as a hostile client would, then checks it is still up and bounded in memory.

    swift build
    python3 Scripts/fuzz_simulator.py --seconds 180          # starts .build/debug/sentinel sim itself

Mixes, until the time or the request budget runs out: random bytes to every listener, random JSON to every
admin endpoint (huge, negative and non-numeric numbers included), oversized bodies (3 MB, with and without a
Content-Length), and slow clients (a header or a body that drips, connections opened and left half-sent), and
well-formed admin requests with hostile numbers followed by a venue request. Only 127.0.0.1 is ever contacted;
the run is bounded by --seconds (at most 600) and --max-requests (at most 100000). Prints one JSON summary with
an RSS timeline; exits non-zero if the simulator died, stopped answering, its resident memory still grew by more
than --max-growth-mib over the second half of the run, or exceeded --max-rss-mib.
"""
import argparse
import json
import os
import random
import socket
import subprocess
import sys
import time

HOST = "127.0.0.1"
ADMIN_PATHS = ["/keys", "/clock", "/faults", "/markets/binance/BTC%2FUSDT/price", "/markets/okx/BTC-USDT/price"]
KEYS = ["exchange", "skewMs", "price", "kind", "count", "probability", "expiresAt", "permissions", "latencyMs",
        "environment", "keyType", "publicKey", "ipWhitelist", "path"]
SCALARS = [9223372036854775807, -9223372036854775808, 86400001, -1, 0, 1, 1e308, -1e308, 0.5, "binance", "okx",
           "kucoin", "error5xx", "latency", "reset", "9" * 60, "-1", "1e30", "0.000000001", None, True, [], {},
           "\u0000", "../../etc", "\u202e"]


def rss_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def random_json(rng, depth=0):
    if depth > 2 or rng.random() < 0.35:
        return rng.choice(SCALARS)
    if rng.random() < 0.2:
        return [random_json(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(KEYS): random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}


def exchange(port, payload, timeout=5.0, read=True):
    """Sends raw bytes, reads what comes back until close or timeout. Returns the status code or None."""
    with socket.create_connection((HOST, port), timeout=timeout) as connection:
        try:
            connection.sendall(payload)
            # Half-close: the server sees the end of the request stream at once instead of waiting for more.
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            return "reset"
        if not read:
            return None
        data = b""
        try:
            while len(data) < 1 << 20:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                data += chunk
                if b"\r\n\r\n" in data:
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = 0
                    for line in head.split(b"\r\n")[1:]:
                        name, _, value = line.partition(b":")
                        if name.strip().lower() == b"content-length":
                            length = int(value.strip() or 0)
                    if len(body) >= length:
                        break
        except socket.timeout:
            return "timeout"
        except OSError:
            return "reset"
        if data.startswith(b"HTTP/1.1 "):
            return int(data[9:12])
        return "closed" if not data else "garbage"


def request(port, method, path, body=b"", headers=None):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {HOST}:{port}", "Connection: close"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    if body is not None:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + (body or b"")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=180, help="run time, at most 600")
    parser.add_argument("--max-requests", type=int, default=20000, help="request budget, at most 100000")
    parser.add_argument("--port-base", type=int, default=18900)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--binary", default=".build/debug/sentinel")
    parser.add_argument("--max-growth-mib", type=float, default=48, help="allowed growth over the second half")
    parser.add_argument("--max-rss-mib", type=float, default=512)
    arguments = parser.parse_args()
    seconds = min(max(arguments.seconds, 1), 600)
    budget = min(max(arguments.max_requests, 1), 100000)
    rng = random.Random(arguments.seed)

    simulator = subprocess.Popen(
        [arguments.binary, "sim", "--host", HOST, "--port-base", str(arguments.port_base)],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    ready = json.loads(simulator.stdout.readline())
    ports = [int(url.rsplit(":", 1)[1]) for url in ready["venues"].values()]
    admin_port = int(ready["admin"].rsplit(":", 1)[1])
    all_ports = ports + [admin_port]
    counts = {}
    statuses = {}

    def tally(kind, status):
        counts[kind] = counts.get(kind, 0) + 1
        key = f"{kind}:{status}"
        statuses[key] = statuses.get(key, 0) + 1

    # Warm-up: a few ordinary requests so that the baseline includes the steady-state allocations.
    for _ in range(50):
        exchange(admin_port, request(admin_port, "POST", "/keys", json.dumps({"exchange": "binance"}).encode()))
    time.sleep(1)
    rss_start = rss_kib(simulator.pid)
    rss_max = rss_start
    timeline = []
    next_sample = 0.0
    started = time.monotonic()
    sent = 0
    held = []
    big = b"x" * (3 << 20)
    while time.monotonic() - started < seconds and sent < budget:
        if simulator.poll() is not None:
            break
        choice = rng.random()
        try:
            if choice < 0.30:
                port = rng.choice(all_ports)
                payload = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 4096)))
                if rng.random() < 0.5:
                    payload = request(port, rng.choice(["GET", "POST", "DELETE", "PUT"]), "/api/v3/order", payload)
                tally("random-bytes", exchange(port, payload, timeout=3))
            elif choice < 0.65:
                body = json.dumps(random_json(rng)).encode()
                tally("admin-json", exchange(admin_port, request(admin_port, "POST", rng.choice(ADMIN_PATHS), body)))
            elif choice < 0.75:
                # Well-formed admin requests carrying hostile numbers, then a venue request that uses the clock.
                number = rng.choice([9223372036854775807, -9223372036854775808, 86400001, -86400000, 3000, 0])
                path, body = rng.choice([
                    ("/clock", {"skewMs": number}),
                    ("/keys", {"exchange": "binance", "expiresAt": number}),
                    ("/markets/binance/BTC%2FUSDT/price", {"price": rng.choice(["1e30", "9" * 40, "0.001", "65000"])}),
                    ("/faults", {"exchange": "bybit", "kind": "error5xx", "count": number}),
                ])
                body = json.dumps(body).encode()
                tally("admin-hostile", exchange(admin_port, request(admin_port, "POST", path, body)))
                port = rng.choice(ports)
                tally("venue-after", exchange(port, request(port, "GET", "/api/v3/time", None)))
            elif choice < 0.85:
                port = rng.choice(all_ports)
                if rng.random() < 0.5:
                    payload = request(port, "POST", "/keys", big)
                else:  # chunked, no Content-Length
                    head = f"POST /keys HTTP/1.1\r\nHost: {HOST}\r\nTransfer-Encoding: chunked\r\n\r\n".encode()
                    payload = head + b"".join(b"%x\r\n" % (1 << 16) + b"y" * (1 << 16) + b"\r\n" for _ in range(48))
                tally("oversized", exchange(port, payload, timeout=10))
            elif choice < 0.95:
                # Slow clients: half a head, or a body that never completes, left open (bounded number at once).
                port = rng.choice(all_ports)
                connection = socket.create_connection((HOST, port), timeout=3)
                if rng.random() < 0.5:
                    connection.sendall(b"GET /api/v3/time HTTP/1.1\r\nHost: x\r\nX-Slow: ")
                else:
                    connection.sendall(b"POST /keys HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{")
                held.append(connection)
                if len(held) > 400:
                    for old in held[:200]:
                        old.close()
                    held = held[200:]
                tally("slow-client", "held")
            else:
                status = exchange(admin_port, request(admin_port, "GET", "/health", None))
                tally("health", status)
        except OSError as error:
            tally("client-error", type(error).__name__)
        sent += 1
        if time.monotonic() - started >= next_sample:
            next_sample += max(seconds / 12, 1)
            rss = rss_kib(simulator.pid)
            if rss is not None:
                rss_max = max(rss_max, rss)
                timeline.append(round(rss / 1024))
    for connection in held:
        connection.close()
    # Clear what the fuzzing set, then the final checks.
    alive = simulator.poll() is None
    health = exchange(admin_port, request(admin_port, "GET", "/health", None)) if alive else None
    exchange(admin_port, request(admin_port, "DELETE", "/faults", None)) if alive else None
    venue = exchange(ports[0], request(ports[0], "GET", "/api/v3/time", None)) if alive else None
    time.sleep(1)
    rss_end = rss_kib(simulator.pid)
    summary = {
        "seconds": round(time.monotonic() - started, 1), "requests": sent, "counts": counts,
        "statuses": dict(sorted(statuses.items())), "alive": alive, "health": health, "venue": venue,
        "rssStartMiB": round((rss_start or 0) / 1024, 1), "rssMaxMiB": round((rss_max or 0) / 1024, 1),
        "rssEndMiB": round((rss_end or 0) / 1024, 1), "rssTimelineMiB": timeline,
    }
    print(json.dumps(summary, indent=1))
    simulator.terminate()
    try:
        simulator.wait(timeout=10)
    except subprocess.TimeoutExpired:
        simulator.kill()
    # Bounded means: after the allocator's working set has formed (the first half of the run), memory stops
    # growing, however many oversized bodies and slow clients follow; and it never exceeds --max-rss-mib.
    middle = timeline[len(timeline) // 2] if timeline else (rss_start or 0) // 1024
    late_growth = (rss_end or 0) / 1024 - middle
    ok = (alive and health == 200 and venue == 200 and late_growth <= arguments.max_growth_mib
          and (rss_max or 0) / 1024 <= arguments.max_rss_mib)
    if not ok:
        print(f"FAIL: alive={alive} health={health} venue={venue} growth in the second half={late_growth:.1f} MiB "
              f"max={(rss_max or 0) / 1024:.1f} MiB", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
