"""ccxt's own cost per order without a network, the pair of Sources/ClientOverhead: for each exchange of
overhead/canned.json, ccxt's create_order (request built and signed, the answer parsed into an order) with the
exchange's `fetch` replaced by one that answers the recorded JSON text of the request's path, parsed by json.loads
as ccxt parses an answer. Nothing leaves the process. One JSON line per exchange on stdout.

    python3 ccxt_overhead.py --root REPOSITORY [--iterations N] [--samples N] [--exchange NAME]
"""
import argparse
import json
import statistics
import sys
import time
from urllib.parse import urlsplit

import ccxt

parser = argparse.ArgumentParser()
parser.add_argument("--root", default="..")
parser.add_argument("--iterations", type=int, default=2000)
parser.add_argument("--samples", type=int, default=5)
parser.add_argument("--exchange")
args = parser.parse_args()

canned = json.load(open(f"{args.root}/Benchmarks/overhead/canned.json"))["exchanges"]

# The same market types Sentinel's spot client loads, and nothing a spot order does not need.
OPTIONS = {
    "binance": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False, "fetchMargins": False},
    "kucoin": {
        "/api/v3/margin/symbols": '{"code":"200000","data":{"timestamp":0,"items":[]}}',
        "/api/v1/isolated/symbols": '{"code":"200000","data":[]}',
        # an HF account, so that ccxt places on /api/v1/hf/orders as Sentinel does
        "/api/v1/hf/accounts/opened": '{"code":"200000","data":true}',
    },
    "bybit": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False},
    # OKX: the single-order endpoint, as Sentinel's placeOrder (ccxt's default sends a batch of one).
    "okx": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False, "createOrder": "privatePostTradeOrder"},
    "kucoin": {"fetchMarkets": {"types": ["spot"], "fetchTickersFees": False}, "fetchCurrencies": False, "uta": False},
    "bitget": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False},
}

# Requests ccxt makes once, while loading markets or before its first order (then cached), that Sentinel's client
# does not make: answered with the recorded key info where there is one, else with an empty success.
LOAD_ONLY = {
    "bitget": {"/api/v2/margin/currencies": '{"code":"00000","msg":"success","requestTime":0,"data":[]}'},
    "kucoin": {
        "/api/v3/margin/symbols": '{"code":"200000","data":{"timestamp":0,"items":[]}}',
        "/api/v1/isolated/symbols": '{"code":"200000","data":[]}',
        # an HF account, so that ccxt places on /api/v1/hf/orders as Sentinel does
        "/api/v1/hf/accounts/opened": '{"code":"200000","data":true}',
    },
    "bybit": {
        "/v5/user/query-api": "@Tests/SentinelExchangesTests/Fixtures/bybit/query-api.json",
        "/v5/account/info": '{"retCode":0,"retMsg":"OK","result":{"unifiedMarginStatus":5},"retExtInfo":{},"time":0}',
    },
}


def canned_fetch(exchange, answers, unexpected, requests):
    def fetch(url, method="GET", headers=None, body=None):
        path = urlsplit(url).path
        text = answers.get(path)
        if text is None:
            unexpected.add(path)
            raise ccxt.ExchangeNotAvailable(f"not canned: {path}")
        exchange.last_http_response = text
        requests.append(path)
        return json.loads(text)
    return fetch


for name in sorted(canned):
    if args.exchange and args.exchange != name:
        continue
    entry = canned[name]
    answers = {path: open(f"{args.root}/{relative}").read() for path, relative in entry["routes"].items()}
    for path, text in LOAD_ONLY.get(name, {}).items():
        answers[path] = open(f"{args.root}/{text[1:]}").read() if text.startswith("@") else text
    exchange = getattr(ccxt, name)({
        "apiKey": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
        "secret": "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
        "password": "Bench-passphrase-1",
        "enableRateLimit": False,
        "options": OPTIONS.get(name, {}),
    })
    exchange.has["fetchCurrencies"] = False  # currencies are not part of placing an order, for Sentinel neither
    unexpected, requests = set(), []
    exchange.fetch = canned_fetch(exchange, answers, unexpected, requests)
    exchange.load_markets()
    symbol, price, amount = entry["symbol"], float(entry["price"]), float(entry["amount"])
    # At least 200 orders and 0.2 s, as Sources/BenchSupport/Measure.swift warms up.
    warmed, warm_up_end = 0, time.perf_counter_ns() + 200_000_000
    while warmed < 200 or time.perf_counter_ns() < warm_up_end:
        exchange.create_order(symbol, "limit", "buy", amount, price)
        warmed += 1
    unexpected.clear()  # what ccxt tried once while loading and did without
    samples = []
    for _ in range(args.samples):
        started = time.perf_counter_ns()
        for _ in range(args.iterations):
            exchange.create_order(symbol, "limit", "buy", amount, price)
        samples.append((time.perf_counter_ns() - started) / args.iterations)
    requests.clear()
    exchange.create_order(symbol, "limit", "buy", amount, price)
    print(json.dumps({"name": f"ccxt.{name}", "median_ns": round(statistics.median(samples)),
                      "samples_ns": [round(s) for s in samples], "requests_per_order": requests}), flush=True)
    if unexpected:
        print(f"{name}: not canned: {sorted(unexpected)}", file=sys.stderr)
