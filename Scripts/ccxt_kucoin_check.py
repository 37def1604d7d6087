#!/usr/bin/env python3
"""Runs ccxt's own `kucoin` and `kucoinfutures` classes, unchanged, against a running `sentinel sim` (KuCoin spot
listens on base+5, KuCoin futures on base+6).

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_kucoin_check.py --port-base 8900

Only the REST URLs are redirected. Every check prints one line; the exit code is 0 only when all of them pass.
"""
import argparse
import json
import urllib.request

import ccxt
from check_support import check, expect_error, finish







def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port-base", type=int, default=8900)
    args = parser.parse_args()
    base = args.port_base
    admin = f"http://127.0.0.1:{base + 99}"

    def post(path, body):
        request = urllib.request.Request(admin + path, data=json.dumps(body).encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
        text = urllib.request.urlopen(request, timeout=10).read()
        return json.loads(text) if text else None

    def make(cls, key, **overrides):
        exchange = cls({"apiKey": key["apiKey"], "secret": key["secret"], "password": key["passphrase"], **overrides})
        spot, futures = f"http://127.0.0.1:{base + 5}", f"http://127.0.0.1:{base + 6}"
        exchange.urls["api"] = {name: (futures if name.startswith("futures") else spot)
                                for name in exchange.urls["api"]}
        return exchange

    key = post("/keys", {"exchange": "kucoin", "permissions": ["read", "trade", "futures"]})
    spot = make(ccxt.kucoin, key)
    markets = spot.load_markets()
    check("kucoin load_markets", "BTC/USDT" in markets, f"{len(markets)} markets")
    ticker = spot.fetch_ticker("BTC/USDT")
    check("kucoin fetch_ticker", ticker["bid"] is not None and ticker["bid"] < ticker["ask"], f"{ticker['bid']} / {ticker['ask']}")
    book = spot.fetch_order_book("BTC/USDT", 20)
    check("kucoin fetch_order_book", len(book["bids"]) == 20 and book["bids"][0][0] < book["asks"][0][0])
    balance = spot.fetch_balance()
    check("kucoin fetch_balance", balance["USDT"]["free"] > 0, str(balance["USDT"]))
    withdrawal = post(f"/keys/{key['apiKey']}/withdrawals", {"coin": "USDT", "amount": "25", "address": "0xabc"})
    withdrawn = spot.fetch_withdrawals("USDT")
    check("kucoin fetch_withdrawals",
          [(w["id"], w["amount"], w["address"] or w["addressTo"]) for w in withdrawn] == [(withdrawal["id"], 25, "0xabc")],
          str([(w["id"], w["amount"]) for w in withdrawn]))
    placed = spot.create_order("BTC/USDT", "limit", "buy", 0.0001, 60000, {"clientOid": "ccxt-spot-1"})
    check("kucoin create_order", placed["id"] is not None, placed["id"])
    found = spot.fetch_order(None, "BTC/USDT", {"clientOid": "ccxt-spot-1"})
    check("kucoin fetch_order by clientOid", found["id"] == placed["id"] and found["status"] == "open", found["status"])
    check("kucoin fetch_open_orders", len(spot.fetch_open_orders("BTC/USDT")) == 1)
    spot.cancel_order(None, "BTC/USDT", {"clientOid": "ccxt-spot-1"})
    check("kucoin cancel by clientOid", len(spot.fetch_open_orders("BTC/USDT")) == 0)

    futures = make(ccxt.kucoinfutures, key)
    futures_markets = futures.load_markets()
    check("kucoinfutures load_markets", "BTC/USDT:USDT" in futures_markets, f"{len(futures_markets)} markets")
    futures_book = futures.fetch_order_book("BTC/USDT:USDT", 20)
    check("kucoinfutures fetch_order_book", futures_book["bids"][0][0] < futures_book["asks"][0][0])
    futures_ticker = futures.fetch_ticker("BTC/USDT:USDT")
    check("kucoinfutures fetch_ticker", futures_ticker["bid"] is not None, str(futures_ticker["bid"]))
    futures_balance = futures.fetch_balance()
    check("kucoinfutures fetch_balance", futures_balance["USDT"]["free"] > 0, str(futures_balance["USDT"]))
    far = futures.create_order("BTC/USDT:USDT", "limit", "buy", 1, 60000, {"clientOid": "ccxt-fut-1", "leverage": 2})
    check("kucoinfutures create_order", far["id"] is not None, far["id"])
    check("kucoinfutures fetch_open_orders", len(futures.fetch_open_orders("BTC/USDT:USDT")) == 1)
    futures.cancel_order(far["id"], "BTC/USDT:USDT")
    check("kucoinfutures cancel_order", len(futures.fetch_open_orders("BTC/USDT:USDT")) == 0)
    futures.create_order("BTC/USDT:USDT", "market", "buy", 2, None, {"leverage": 2})
    positions = futures.fetch_positions(["BTC/USDT:USDT"])
    check("kucoinfutures position opened", any(p["contracts"] == 2 for p in positions), str([p["contracts"] for p in positions]))

    wrong = dict(key, passphrase=key["passphrase"][:-1])
    expect_error("wrong passphrase", lambda: make(ccxt.kucoin, wrong).fetch_balance(), ccxt.AuthenticationError)
    expect_error("wrong secret", lambda: make(ccxt.kucoin, dict(key, secret=key["secret"][::-1])).fetch_balance(), ccxt.AuthenticationError)
    expect_error("unknown key", lambda: make(ccxt.kucoin, dict(key, apiKey="6705f5c311545b000157d3eb")).fetch_balance(), ccxt.AuthenticationError)
    walled = post("/keys", {"exchange": "kucoin", "permissions": ["read", "trade"], "ipWhitelist": ["203.0.113.7"]})
    # ccxt maps 400006 to AuthenticationError.
    expect_error("IP not whitelisted", lambda: make(ccxt.kucoin, walled).fetch_balance(), ccxt.AuthenticationError)
    post("/clock", {"skewMs": 60000})
    expect_error("skewed clock", lambda: make(ccxt.kucoin, key).fetch_balance(), ccxt.InvalidNonce)
    post("/clock", {"skewMs": 0})

    finish(f"ccxt {ccxt.__version__}")


if __name__ == "__main__":
    main()
