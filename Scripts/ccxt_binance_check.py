#!/usr/bin/env python3
"""Runs ccxt's own `binance` class, unchanged, against a running `sentinel sim`.

    pip install ccxt
    sentinel sim --port-base 8900 &
    python3 Scripts/ccxt_binance_check.py --port-base 8900

Only the URLs are redirected (spot api/sapi -> base+0, fapi and dapi -> base+1); ccxt's own options stay as they
are, so its default start-up runs: currencies from /sapi/v1/capital/config/getall, margin pairs, and spot, linear
and inverse markets (the simulator lists no COIN-M contracts). Every check prints one line; the exit code is 0 only
when all of them pass.
"""
import argparse
import json
import urllib.request

import ccxt
from check_support import check, expect_error, finish





def admin(base, method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"{}")


def exchange(spot, futures, api_key, secret, demo=False):
    client = ccxt.binance({
        "apiKey": api_key,
        "secret": secret,
        "enableRateLimit": False,
    })
    if demo:
        # ccxt's Demo Trading switch; the simulator serves the demo environment under a /demo path prefix.
        client.enable_demo_trading(True)
    hosts = {
        "https://api.binance.com": spot, "https://fapi.binance.com": futures, "https://dapi.binance.com": futures,
        "https://demo-api.binance.com": spot + "/demo", "https://demo-fapi.binance.com": futures + "/demo",
        "https://demo-dapi.binance.com": futures + "/demo",
    }
    for name, url in list(client.urls["api"].items()):
        if isinstance(url, str):
            for real, simulated in hosts.items():
                if url.startswith(real + "/"):
                    client.urls["api"][name] = simulated + url[len(real):]
                    break
            else:
                # Anything not simulated goes nowhere: nothing in this check may leave the machine.
                client.urls["api"][name] = "http://127.0.0.1:9/not-simulated"
    return client




def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port-base", type=int, default=8900)
    arguments = parser.parse_args()
    spot = f"http://{arguments.host}:{arguments.port_base}"
    futures = f"http://{arguments.host}:{arguments.port_base + 1}"
    admin_url = f"http://{arguments.host}:{arguments.port_base + 99}"

    key = admin(admin_url, "POST", "/keys", {"exchange": "binance", "permissions": ["read", "trade", "futures"]})
    admin(admin_url, "POST", "/markets/binance/BTCUSDT/price", {"price": "65000"})
    client = exchange(spot, futures, key["apiKey"], key["secret"])

    markets = client.load_markets()
    check("load_markets: spot and linear", "BTC/USDT" in markets and "BTC/USDT:USDT" in markets,
          ", ".join(sorted(markets)))
    check("market rules parsed", markets["BTC/USDT"]["precision"]["price"] == 0.01
          and markets["BTC/USDT"]["limits"]["cost"]["min"] == 5.0, json.dumps(markets["BTC/USDT"]["precision"]))

    check("currencies with networks", "USDT" in client.currencies
          and len(client.currencies["USDT"].get("networks", {})) == 2, ", ".join(sorted(client.currencies)))

    candles = client.fetch_ohlcv("BTC/USDT", "1h", limit=24)
    check("fetch_ohlcv spot", len(candles) == 24 and all(c[2] >= max(c[1], c[4]) >= min(c[1], c[4]) >= c[3]
                                                        for c in candles), f"{len(candles)} candles")
    check("fetch_ohlcv futures", len(client.fetch_ohlcv("BTC/USDT:USDT", "1m", limit=5)) == 5)
    futures_ticker = client.fetch_ticker("BTC/USDT:USDT")
    check("fetch_ticker futures", futures_ticker["last"] == 65000, f"last {futures_ticker['last']}")
    bids_asks = client.fetch_bids_asks(["BTC/USDT"])
    check("fetch_bids_asks", bids_asks["BTC/USDT"]["bid"] < bids_asks["BTC/USDT"]["ask"])
    funding = client.fetch_funding_rate("BTC/USDT:USDT")
    check("fetch_funding_rate", funding["fundingRate"] == 0.0001 and funding["markPrice"] == 65000)
    check("fetch_funding_rate_history", len(client.fetch_funding_rate_history("BTC/USDT:USDT", limit=3)) == 3)
    check("fetch_trading_fee", client.fetch_trading_fee("BTC/USDT")["taker"] == 0.001
          and client.fetch_trading_fee("BTC/USDT:USDT")["maker"] == 0.0002)

    balance = client.fetch_balance()
    check("fetch_balance spot", balance["USDT"]["free"] == 10000 and balance["BTC"]["total"] == 1,
          f"USDT {balance['USDT']}, BTC {balance['BTC']}")
    futures_balance = client.fetch_balance({"type": "future"})
    withdrawal = admin(admin_url, "POST", f"/keys/{key['apiKey']}/withdrawals",
                       {"coin": "USDT", "amount": "25", "address": "0xabc"})
    withdrawn = client.fetch_withdrawals("USDT")
    check("fetch_withdrawals", [(w["id"], w["amount"], w["address"] or w["addressTo"]) for w in withdrawn] == [(withdrawal["id"], 25, "0xabc")],
          str([(w["id"], w["amount"]) for w in withdrawn]))
    check("fetch_balance futures", futures_balance["USDT"]["total"] == 10000, f"USDT {futures_balance['USDT']}")

    order = client.create_order("BTC/USDT", "limit", "buy", 0.001, 60000)
    check("create_order limit", order["status"] == "open" and order["id"], f"id {order['id']} status {order['status']}")
    fetched = client.fetch_order(order["id"], "BTC/USDT")
    check("fetch_order", fetched["id"] == order["id"] and fetched["price"] == 60000, f"price {fetched['price']}")
    open_orders = client.fetch_open_orders("BTC/USDT")
    check("fetch_open_orders", [o["id"] for o in open_orders] == [order["id"]], f"{len(open_orders)} open")
    cancelled = client.cancel_order(order["id"], "BTC/USDT")
    check("cancel_order", cancelled["status"] == "canceled", f"status {cancelled['status']}")
    check("no open orders left", client.fetch_open_orders("BTC/USDT") == [])
    check("fetch_orders", [o["status"] for o in client.fetch_orders("BTC/USDT")] == ["canceled"])

    admin(admin_url, "POST", "/markets/binance/BTCUSDT/price", {"price": "65000"})
    position_order = client.create_order("BTC/USDT:USDT", "market", "buy", 0.002)
    check("create_order futures market", position_order["status"] == "closed", f"filled {position_order['filled']}")
    positions = client.fetch_positions(["BTC/USDT:USDT"])
    long = [p for p in positions if p["symbol"] == "BTC/USDT:USDT" and p["contracts"]]
    check("fetch_positions", len(long) == 1 and long[0]["contracts"] == 0.002 and long[0]["side"] == "long",
          f"contracts {long[0]['contracts'] if long else None}, entry {long[0]['entryPrice'] if long else None}")
    tape = client.fetch_trades("BTC/USDT:USDT")
    check("fetch_trades shows the fill", len(tape) >= 1 and tape[-1]["amount"] > 0, f"{len(tape)} trades")
    check("fetch_my_trades futures", len(client.fetch_my_trades("BTC/USDT:USDT")) >= 1)
    client.create_order("BTC/USDT:USDT", "market", "sell", 0.002, None, {"reduceOnly": True})
    remaining = [p for p in client.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]]
    check("position closed with reduceOnly", remaining == [])

    # Conditional orders: ccxt sends them to the Algo Order API (POST /fapi/v1/algoOrder) with clientAlgoId.
    client.create_order("BTC/USDT:USDT", "market", "buy", 0.002)
    stop = client.create_order("BTC/USDT:USDT", "market", "sell", 0.002, None,
                               {"stopLossPrice": 64000, "reduceOnly": True})
    check("create_order stop-loss (algo order)", stop["id"] and stop["status"] == "open",
          f"id {stop['id']} status {stop['status']} type {stop['type']}")
    waiting = client.fetch_open_orders("BTC/USDT:USDT", params={"trigger": True})
    check("fetch_open_orders trigger", [o["id"] for o in waiting] == [stop["id"]], f"{len(waiting)} waiting")
    take = client.create_order("BTC/USDT:USDT", "limit", "sell", 0.002, 66500,
                               {"takeProfitPrice": 66000, "reduceOnly": True})
    client.cancel_order(take["id"], "BTC/USDT:USDT", {"trigger": True})
    check("cancel_order trigger", [o["id"] for o in client.fetch_open_orders("BTC/USDT:USDT", params={"trigger": True})]
          == [stop["id"]])
    admin(admin_url, "POST", "/markets/binance/BTCUSDT/price", {"price": "63900"})
    fired = client.fetch_order(stop["id"], "BTC/USDT:USDT", {"trigger": True})
    flat = [p for p in client.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"]]
    check("stop-loss fired and closed the position", flat == [], f"status {fired['status']}, {len(flat)} open")
    admin(admin_url, "POST", "/markets/binance/BTCUSDT/price", {"price": "65000"})

    client.set_position_mode(True, "BTC/USDT:USDT")
    check("hedge mode on", client.fetch_position_mode("BTC/USDT:USDT")["hedged"] is True)
    client.create_order("BTC/USDT:USDT", "market", "buy", 0.002, None, {"positionSide": "LONG"})
    client.create_order("BTC/USDT:USDT", "market", "sell", 0.002, None, {"positionSide": "SHORT"})
    legs = sorted((p["side"], p["contracts"]) for p in client.fetch_positions(["BTC/USDT:USDT"]) if p["contracts"])
    check("hedge mode: a long and a short leg", legs == [("long", 0.002), ("short", 0.002)], str(legs))
    client.create_order("BTC/USDT:USDT", "market", "sell", 0.002, None, {"positionSide": "LONG"})
    client.create_order("BTC/USDT:USDT", "market", "buy", 0.002, None, {"positionSide": "SHORT"})
    client.set_position_mode(False, "BTC/USDT:USDT")
    client.set_margin_mode("isolated", "BTC/USDT:USDT")
    check("margin mode isolated", client.fetch_margin_mode("BTC/USDT:USDT")["marginMode"] == "isolated")
    client.set_margin_mode("cross", "BTC/USDT:USDT")

    wrong_secret = exchange(spot, futures, key["apiKey"], "x" * 64)
    wrong_secret.markets = client.markets
    expect_error("bad signature -> AuthenticationError", wrong_secret.fetch_balance, ccxt.AuthenticationError)
    stranger = exchange(spot, futures, "A" * 64, "x" * 64)
    stranger.markets = client.markets
    expect_error("unknown key -> AuthenticationError", stranger.fetch_balance, ccxt.AuthenticationError)
    fenced = admin(admin_url, "POST", "/keys", {"exchange": "binance", "ipWhitelist": ["203.0.113.7"]})
    outsider = exchange(spot, futures, fenced["apiKey"], fenced["secret"])
    outsider.markets = client.markets
    expect_error("IP not whitelisted -> AuthenticationError", outsider.fetch_balance, ccxt.AuthenticationError)
    admin(admin_url, "POST", "/clock", {"skewMs": 20000})
    try:
        expect_error("skewed clock -> InvalidNonce", client.fetch_balance, ccxt.InvalidNonce)
    finally:
        admin(admin_url, "POST", "/clock", {"skewMs": 0})

    demo_key = admin(admin_url, "POST", "/keys",
                     {"exchange": "binance", "environment": "demo", "permissions": ["read", "trade", "futures"]})
    demo = exchange(spot, futures, demo_key["apiKey"], demo_key["secret"], demo=True)
    demo.load_markets()
    check("demo environment: spot and futures balances", demo.fetch_balance()["USDT"]["free"] == 10000
          and demo.fetch_balance({"type": "future"})["USDT"]["total"] == 10000)
    live_on_demo = exchange(spot, futures, key["apiKey"], key["secret"], demo=True)
    live_on_demo.markets = demo.markets
    expect_error("live key on demo -> AuthenticationError", live_on_demo.fetch_balance, ccxt.AuthenticationError)

    finish(f"ccxt {ccxt.__version__}")


if __name__ == "__main__":
    main()
