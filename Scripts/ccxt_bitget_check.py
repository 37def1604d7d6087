#!/usr/bin/env python3
"""Runs ccxt's own `bitget` class, unchanged, against a running `sentinel sim` (Bitget listens on base+7).

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_bitget_check.py --port-base 8900

Only the REST URLs are redirected (sandbox mode for the demo key, as a user would set it). Every check prints one
line; the exit code is 0 only when all of them pass (18 checks).
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
    base = f"http://127.0.0.1:{args.port_base}"
    venue = f"http://127.0.0.1:{args.port_base + 7}"

    def admin(path, body):
        request = urllib.request.Request(
            f"http://127.0.0.1:{args.port_base + 99}{path}", data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json"})
        answer = urllib.request.urlopen(request, timeout=10).read()
        return json.loads(answer) if answer else None

    key = admin("/keys", {"exchange": "bitget", "permissions": ["read", "trade", "futures"]})
    demo_key = admin("/keys", {"exchange": "bitget", "permissions": ["read", "trade", "futures"], "environment": "demo"})

    def client(k, passphrase=None, secret=None, sandbox=False, api_key=None):
        exchange = ccxt.bitget({
            "apiKey": api_key or k["apiKey"], "secret": secret or k["secret"],
            "password": passphrase or k["passphrase"], "enableRateLimit": True,
            "options": {"defaultType": "spot"},
        })
        if sandbox:
            exchange.set_sandbox_mode(True)
        exchange.urls["api"] = {name: venue for name in exchange.urls["api"]}
        return exchange

    bitget = client(key)
    markets = bitget.load_markets()
    check("load_markets: spot and USDT-M", "BTC/USDT" in markets and "BTC/USDT:USDT" in markets, f"{len(markets)} markets")
    balance = bitget.fetch_balance()
    check("fetch_balance", balance["USDT"]["free"] > 0, str(balance["USDT"]))
    withdrawal = admin(f"/keys/{key['apiKey']}/withdrawals", {"coin": "USDT", "amount": "25", "address": "0xabc"})
    withdrawn = bitget.fetch_withdrawals("USDT")
    check("fetch_withdrawals", [(w["id"], w["amount"], w["address"] or w["addressTo"]) for w in withdrawn] == [(withdrawal["id"], 25, "0xabc")],
          str([(w["id"], w["amount"]) for w in withdrawn]))
    placed = bitget.create_order("BTC/USDT", "limit", "buy", 0.001, 20000, {"clientOrderId": "ccxtcheck1"})
    check("create_order limit", placed["id"] is not None, placed["id"])
    seen = bitget.fetch_order(placed["id"], "BTC/USDT")
    check("fetch_order", seen["status"] == "open" and seen["clientOrderId"] == "ccxtcheck1", seen["status"])
    check("fetch_open_orders", len(bitget.fetch_open_orders("BTC/USDT")) == 1)
    bitget.cancel_order(None, "BTC/USDT", {"clientOrderId": "ccxtcheck1"})
    check("cancel by client id: no open orders left", len(bitget.fetch_open_orders("BTC/USDT")) == 0)
    opened = bitget.create_order("BTC/USDT:USDT", "market", "buy", 0.01, None, {"marginMode": "cross"})
    check("create_order USDT-M market", opened["id"] is not None, opened["id"])
    positions = [p for p in bitget.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]]
    check("fetch_positions", len(positions) == 1, str(positions[0]["contracts"] if positions else None))
    trades = bitget.fetch_my_trades("BTC/USDT:USDT")
    check("fetch_my_trades USDT-M", sum(t["amount"] for t in trades) > 0, str(len(trades)))
    closed = bitget.fetch_canceled_and_closed_orders("BTC/USDT")
    check("fetch_canceled_and_closed_orders spot", any(o["clientOrderId"] == "ccxtcheck1" for o in closed), str(len(closed)))
    book = bitget.fetch_order_book("BTC/USDT:USDT", 5)
    check("fetch_order_book USDT-M", len(book["bids"]) > 0 and book["bids"][0][0] < book["asks"][0][0])
    bitget.create_order("BTC/USDT:USDT", "limit", "buy", 0.001, 60000, {"marginMode": "cross"})
    bitget.cancel_all_orders("BTC/USDT:USDT")
    check("cancel_all_orders USDT-M", len(bitget.fetch_open_orders("BTC/USDT:USDT")) == 0)

    demo = client(demo_key, sandbox=True)
    check("demo key in sandbox mode: fetch_balance", demo.fetch_balance()["USDT"]["free"] > 0)
    expect_error("wrong passphrase", lambda: client(key, passphrase="Wrongpass1").fetch_balance(), ccxt.AuthenticationError)
    expect_error("wrong secret", lambda: client(key, secret="0" * 64).fetch_balance(), ccxt.AuthenticationError)
    expect_error("unknown key", lambda: client(key, api_key="bg_" + "0" * 32).fetch_balance(), ccxt.AuthenticationError)
    expect_error("demo key on live", lambda: client(demo_key).fetch_balance(), ccxt.ExchangeError)
    admin("/clock", {"skewMs": 60_000})
    try:
        expect_error("skewed clock", lambda: client(key).fetch_balance(), ccxt.InvalidNonce)
    finally:
        admin("/clock", {"skewMs": 0})
    finish(f"ccxt {ccxt.__version__}")


if __name__ == "__main__":
    main()
