"""The floor of the round-trip pair: the same place + cancel loop as RoundTrips and ccxt_roundtrips.py, written as
the least a client can do — one keep-alive connection (http.client), the query HMAC-SHA256-signed by hand, the answer
read with json.loads for the order id. No rule checks, no journal, no retries.

    python3 raw_roundtrips.py --endpoint http://127.0.0.1:8900 --credentials key.json [--count 2000]
"""
import argparse
import decimal
import hashlib
import hmac
import http.client
import json
import time
from urllib.parse import urlencode, urlsplit

parser = argparse.ArgumentParser()
parser.add_argument("--endpoint", required=True)
parser.add_argument("--credentials", required=True)
parser.add_argument("--count", type=int, default=2000)
parser.add_argument("--symbol", default="BTCUSDT")
args = parser.parse_args()

keys = json.load(open(args.credentials))
secret = keys["secret"].encode()
headers = {"X-MBX-APIKEY": keys["apiKey"], "Content-Type": "application/x-www-form-urlencoded"}
endpoint = urlsplit(args.endpoint)
connection = http.client.HTTPConnection(endpoint.hostname, endpoint.port)


def call(method, path, params=None, signed=False):
    query = urlencode(params or {})
    if signed:
        query += ("&" if query else "") + f"timestamp={int(time.time() * 1000)}"
        query += "&signature=" + hmac.new(secret, query.encode(), hashlib.sha256).hexdigest()
    if method == "POST":
        connection.request(method, path, body=query, headers=headers)
    else:
        connection.request(method, f"{path}?{query}" if query else path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"{method} {path}: {response.status} {body[:200]!r}")
    return json.loads(body)


# The same order as the other two clients: 80 % of the last price, the smallest quantity worth the minimum notional.
info = call("GET", "/api/v3/exchangeInfo", {"symbol": args.symbol})["symbols"][0]
filters = {f["filterType"]: f for f in info["filters"]}
tick = decimal.Decimal(filters["PRICE_FILTER"]["tickSize"]).normalize()
step = decimal.Decimal(filters["LOT_SIZE"]["stepSize"]).normalize()
minimum = decimal.Decimal((filters.get("NOTIONAL") or filters["MIN_NOTIONAL"])["minNotional"])
last = decimal.Decimal(call("GET", "/api/v3/ticker/price", {"symbol": args.symbol})["price"])
price = (last * decimal.Decimal("0.8") / tick).to_integral_value(decimal.ROUND_UP) * tick
quantity = (minimum / price / step).to_integral_value(decimal.ROUND_UP) * step
order = {"symbol": args.symbol, "side": "BUY", "type": "LIMIT", "timeInForce": "GTC",
         "quantity": format(quantity, "f"), "price": format(price, "f")}

started = time.perf_counter()
for _ in range(args.count):
    placed = call("POST", "/api/v3/order", order, signed=True)
    call("DELETE", "/api/v3/order", {"symbol": args.symbol, "orderId": placed["orderId"]}, signed=True)
seconds = time.perf_counter() - started
print(json.dumps({"client": "raw", "trips": args.count, "seconds": round(seconds, 4),
                  "trips_per_s": round(args.count / seconds, 1)}))
