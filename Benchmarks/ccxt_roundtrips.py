"""Place + cancel round trips with ccxt against the simulator's Binance port, the same loop as RoundTrips.

    python3 ccxt_roundtrips.py --endpoint http://127.0.0.1:8900 --credentials key.json [--count 2000]
"""
import argparse
import math
import json
import time

import ccxt

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
parser.add_argument("--credentials", required=True)
parser.add_argument("--count", type=int, default=2000)
parser.add_argument("--symbol", default="BTC/USDT")
args = parser.parse_args()

keys = json.load(open(args.credentials))
exchange = ccxt.binance({
    "apiKey": keys["apiKey"],
    "secret": keys["secret"],
    "enableRateLimit": False,  # the simulator runs with --no-rate-limits for benchmarks
    "options": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False, "fetchMargins": False},
})
base = args.endpoint.rstrip("/")
for name, url in list(exchange.urls["api"].items()):
    if isinstance(url, str) and url.startswith("https://api.binance.com/"):
        exchange.urls["api"][name] = base + url[len("https://api.binance.com"):]

exchange.load_markets()
ticker = exchange.fetch_ticker(args.symbol)
price = float(exchange.price_to_precision(args.symbol, ticker["last"] * 0.8))
market = exchange.market(args.symbol)
min_cost = market["limits"]["cost"]["min"] or 5
step = market["precision"]["amount"]  # ccxt gives Binance's step size here (tick-size precision mode)
# The smallest amount that reaches the minimum order value, rounded up to the step (as Sentinel's smallestQuantity).
amount = float(exchange.amount_to_precision(args.symbol, math.ceil(min_cost / price / step) * step))

started = time.perf_counter()
for _ in range(args.count):
    order = exchange.create_order(args.symbol, "limit", "buy", amount, price)
    exchange.cancel_order(order["id"], args.symbol)
seconds = time.perf_counter() - started
print(json.dumps({"client": "ccxt", "trips": args.count, "seconds": round(seconds, 4),
                  "trips_per_s": round(args.count / seconds, 1)}))
