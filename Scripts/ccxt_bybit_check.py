#!/usr/bin/env python3
"""Runs ccxt's own `bybit` class, unchanged, against a running `sentinel sim` (Bybit listens on base+3).

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_bybit_check.py --port-base 8900

Only the REST URLs are redirected (live, and the testnet and demo prefixes for those environments). Every check
prints one line; the exit code is 0 only when all of them pass.
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
    base = f"http://127.0.0.1:{args.port_base + 3}"
    admin = f"http://127.0.0.1:{args.port_base + 99}"

    def post(path, body):
        request = urllib.request.Request(admin + path, data=json.dumps(body).encode(), method="POST")
        return json.loads(urllib.request.urlopen(request, timeout=10).read() or b"{}")

    key = post("/keys", {"exchange": "bybit", "permissions": ["read", "trade", "futures"]})
    post("/markets/bybit/BTCUSDT/price", {"price": "65000"})

    def client(api_key, secret, prefix=""):
        exchange = ccxt.bybit({"apiKey": api_key, "secret": secret, "options": {"adjustForTimeDifference": False}})
        # Every REST host ccxt knows for Bybit goes to the simulator; nothing here may leave the machine.
        for name in list(exchange.urls["api"]):
            exchange.urls["api"][name] = base + prefix
        return exchange

    bybit = client(key["apiKey"], key["secret"])
    markets = bybit.load_markets()
    check("load_markets: spot and linear", "BTC/USDT" in markets and "BTC/USDT:USDT" in markets, f"{len(markets)} markets")
    balance = bybit.fetch_balance()
    check("fetch_balance", balance["USDT"]["total"] > 0, str(balance["USDT"]))
    check("fetch_ticker", bybit.fetch_ticker("BTC/USDT")["last"] > 0)
    withdrawal = post(f"/keys/{key['apiKey']}/withdrawals", {"coin": "USDT", "amount": "25", "address": "0xabc"})
    withdrawn = bybit.fetch_withdrawals("USDT")
    check("fetch_withdrawals", [(w["id"], w["amount"], w["address"] or w["addressTo"]) for w in withdrawn] == [(withdrawal["id"], 25, "0xabc")],
          str([(w["id"], w["amount"]) for w in withdrawn]))
    placed = bybit.create_order("BTC/USDT", "limit", "buy", 0.001, 60000, {"orderLinkId": "ccxt-bybit-1"})
    check("create_order limit", placed["id"] is not None, placed["id"])
    open_orders = bybit.fetch_open_orders("BTC/USDT")
    check("fetch_open_orders", [o["clientOrderId"] for o in open_orders] == ["ccxt-bybit-1"], str(len(open_orders)))
    bybit.cancel_order(placed["id"], "BTC/USDT")
    check("no open orders left", bybit.fetch_open_orders("BTC/USDT") == [])
    opened = bybit.create_order("BTC/USDT:USDT", "market", "buy", 0.002)
    check("create_order linear market", opened["id"] is not None, opened["id"])
    positions = [p for p in bybit.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]]
    check("fetch_positions", len(positions) == 1 and positions[0]["contracts"] == 0.002,
          str(positions[0]["contracts"] if positions else None))
    bybit.create_order("BTC/USDT:USDT", "market", "sell", 0.002, None, {"reduceOnly": True})
    check("position closed with reduceOnly", [p for p in bybit.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]] == [])

    wrong = client(key["apiKey"], "x" * len(key["secret"]))
    wrong.markets = bybit.markets
    expect_error("bad signature -> AuthenticationError", wrong.fetch_balance, ccxt.AuthenticationError)
    stranger = client("A" * len(key["apiKey"]), key["secret"])
    stranger.markets = bybit.markets
    expect_error("unknown key -> AuthenticationError", stranger.fetch_balance, ccxt.AuthenticationError)
    reader_key = post("/keys", {"exchange": "bybit", "permissions": ["read"]})
    reader = client(reader_key["apiKey"], reader_key["secret"])
    reader.markets = bybit.markets
    expect_error("read-only key placing an order -> PermissionDenied",
                 lambda: reader.create_order("BTC/USDT", "limit", "buy", 0.001, 60000), ccxt.PermissionDenied)
    post("/clock", {"skewMs": 20000})
    try:
        expect_error("skewed clock -> InvalidNonce", bybit.fetch_balance, ccxt.InvalidNonce)
    finally:
        post("/clock", {"skewMs": 0})

    demo_key = post("/keys", {"exchange": "bybit", "environment": "demo", "permissions": ["read", "trade", "futures"]})
    demo = client(demo_key["apiKey"], demo_key["secret"], "/demo")
    demo.markets = bybit.markets
    check("demo environment by its own host", demo.fetch_balance()["USDT"]["total"] > 0)
    live_on_demo = client(key["apiKey"], key["secret"], "/demo")
    live_on_demo.markets = bybit.markets
    expect_error("live key on demo -> AuthenticationError", live_on_demo.fetch_balance, ccxt.AuthenticationError)
    finish(f"ccxt {ccxt.__version__}")


if __name__ == "__main__":
    main()
