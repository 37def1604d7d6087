#!/usr/bin/env python3
"""Runs ccxt's own `okx` class, unchanged, against a running `sentinel sim` (OKX listens on base+4).

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_okx_check.py --port-base 8900

Only the REST URL is redirected. Every check prints one line; the exit code is 0 only when all of them pass.
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
    admin = f"http://127.0.0.1:{args.port_base + 99}"

    def post(path, body):
        request = urllib.request.Request(admin + path, data=json.dumps(body).encode(), method="POST")
        return json.loads(urllib.request.urlopen(request, timeout=10).read() or b"{}")

    key = post("/keys", {"exchange": "okx", "permissions": ["read", "trade", "futures"]})

    def client(passphrase):
        exchange = ccxt.okx({"apiKey": key["apiKey"], "secret": key["secret"], "password": passphrase})
        exchange.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
        return exchange

    okx = client(key["passphrase"])
    markets = okx.load_markets()
    check("load_markets: spot and swap", "BTC/USDT" in markets and "BTC/USDT:USDT" in markets, f"{len(markets)} markets")
    balance = okx.fetch_balance()
    check("fetch_balance", balance["USDT"]["free"] > 0, str(balance["USDT"]))
    withdrawal = post(f"/keys/{key['apiKey']}/withdrawals", {"coin": "USDT", "amount": "25", "address": "0xabc"})
    withdrawn = okx.fetch_withdrawals("USDT")
    check("fetch_withdrawals", [(w["id"], w["amount"], w["address"] or w["addressTo"]) for w in withdrawn] == [(withdrawal["id"], 25, "0xabc")],
          str([(w["id"], w["amount"]) for w in withdrawn]))
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
    expect_error("wrong passphrase -> AuthenticationError", client("Wrong-passphrase-1").fetch_balance,
                 ccxt.AuthenticationError)
    wrong_secret = ccxt.okx({"apiKey": key["apiKey"], "secret": "x" * len(key["secret"]), "password": key["passphrase"]})
    wrong_secret.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
    expect_error("wrong secret -> AuthenticationError", wrong_secret.fetch_balance, ccxt.AuthenticationError)
    stranger = ccxt.okx({"apiKey": "00000000-0000-0000-0000-000000000000", "secret": key["secret"],
                         "password": key["passphrase"]})
    stranger.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
    # OKX answers an unknown key with 50119 at HTTP 401 (okx.md §3, as observed in the field); ccxt 4.5.90 maps
    # 50111 to AuthenticationError but not 50119, so ccxt users see a plain ExchangeError for it.
    try:
        stranger.fetch_balance()
        check("unknown key -> 50119", False, "no error raised")
    except ccxt.BaseError as error:
        check("unknown key -> 50119", "50119" in str(error), f"{type(error).__name__}: {str(error)[:100]}")
    post("/clock", {"skewMs": 60000})
    try:
        expect_error("skewed clock -> InvalidNonce", okx.fetch_balance, ccxt.InvalidNonce)
    finally:
        post("/clock", {"skewMs": 0})

    # Demo: ccxt's sandbox mode sends x-simulated-trading: 1 to the same host.
    demo_key = post("/keys", {"exchange": "okx", "environment": "demo", "permissions": ["read", "trade", "futures"]})
    demo = ccxt.okx({"apiKey": demo_key["apiKey"], "secret": demo_key["secret"], "password": demo_key["passphrase"]})
    demo.set_sandbox_mode(True)
    demo.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
    demo.markets = okx.markets
    check("demo key in sandbox mode", demo.fetch_balance()["USDT"]["free"] > 0)
    live_as_demo = client(key["passphrase"])
    live_as_demo.set_sandbox_mode(True)
    live_as_demo.urls["api"] = {"rest": f"http://127.0.0.1:{args.port_base + 4}"}
    live_as_demo.markets = okx.markets
    expect_error("live key in sandbox mode -> AuthenticationError", live_as_demo.fetch_balance, ccxt.AuthenticationError)
    finish(f"ccxt {ccxt.__version__}")


if __name__ == "__main__":
    main()
