#!/usr/bin/env python3
"""Runs ccxt's own `okx` class, unchanged, against a running `sentinel sim` (OKX listens on base+4).

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_okx_check.py --port-base 8900

Only the REST URL is redirected. Every check prints one line; the exit code is 0 only when all of them pass.
"""
import argparse
import json
import sys
import urllib.request

import ccxt

failures = []


def check(name, condition, detail=""):
    print(("pass  " if condition else "FAIL  ") + name + (f"  ({detail})" if detail else ""))
    if not condition:
        failures.append(name)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-base", type=int, default=8900)
    args = parser.parse_args()
    admin = f"http://127.0.0.1:{args.port_base + 99}/keys"
    request = urllib.request.Request(admin, data=json.dumps({"exchange": "okx"}).encode(), method="POST")
    key = json.loads(urllib.request.urlopen(request, timeout=10).read())

    def client(passphrase):
        exchange = ccxt.okx({"apiKey": key["apiKey"], "secret": key["secret"], "password": passphrase})
        exchange.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
        return exchange

    okx = client(key["passphrase"])
    markets = okx.load_markets()
    check("load_markets: spot and swap", "BTC/USDT" in markets and "BTC/USDT:USDT" in markets, f"{len(markets)} markets")
    balance = okx.fetch_balance()
    check("fetch_balance", balance["USDT"]["free"] > 0, str(balance["USDT"]))
    placed = okx.create_order("BTC/USDT", "limit", "buy", 0.001, 20000, {"clOrdId": "ccxtcheck1"})
    check("create_order limit", placed["id"] is not None, placed["id"])
    seen = okx.fetch_order(placed["id"], "BTC/USDT")
    check("fetch_order", seen["status"] == "open" and seen["clientOrderId"] == "ccxtcheck1", seen["status"])
    check("fetch_open_orders", len(okx.fetch_open_orders("BTC/USDT")) == 1)
    okx.cancel_order(placed["id"], "BTC/USDT")
    check("no open orders left", len(okx.fetch_open_orders("BTC/USDT")) == 0)
    opened = okx.create_order("BTC/USDT:USDT", "market", "buy", 1, None, {"tdMode": "cross"})
    check("create_order swap market", opened["id"] is not None, opened["id"])
    positions = [p for p in okx.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]]
    check("fetch_positions", len(positions) == 1, str(positions[0]["contracts"] if positions else None))
    try:
        client("Wrong-passphrase-1").fetch_balance()
        check("wrong passphrase -> AuthenticationError", False)
    except ccxt.AuthenticationError as error:
        check("wrong passphrase -> AuthenticationError", True, str(error)[:90])
    print("\n" + ("all checks passed" if not failures else f"{len(failures)} failed: {', '.join(failures)}")
          + f" (ccxt {ccxt.__version__})")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
