#!/usr/bin/env python3
"""Runs Binance's official Python connector (`binance-connector`) and the community `python-binance` client,
unchanged, against a running `sentinel sim`: only their base URLs are pointed at the simulator.

    pip install binance-connector python-binance
    sentinel sim --port-base 8900 &
    python3 Scripts/binance_sdk_check.py --port-base 8900

Every check prints one line; the exit code is 0 only when all of them pass.
"""
import argparse
import json
import urllib.request

from check_support import check, finish





def admin(base, body):
    request = urllib.request.Request(
        base + "/keys", data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


def official_connector(spot_url, key):
    from binance.error import ClientError
    from binance.spot import Spot

    client = Spot(api_key=key["apiKey"], api_secret=key["secret"], base_url=spot_url)
    check("connector: time", "serverTime" in client.time())
    info = client.exchange_info(symbol="BTCUSDT")
    check("connector: exchange_info", info["symbols"][0]["symbol"] == "BTCUSDT")
    balances = {b["asset"]: b["free"] for b in client.account()["balances"]}
    check("connector: account", balances.get("USDT") == "10000.00000000", str(balances.get("USDT")))
    placed = client.new_order(
        symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC", quantity="0.001", price="20000",
        newClientOrderId="sdk-connector-1")
    check("connector: new_order", placed["clientOrderId"] == "sdk-connector-1" and placed["status"] == "NEW")
    seen = client.get_order(symbol="BTCUSDT", origClientOrderId="sdk-connector-1")
    check("connector: get_order by client id", seen["orderId"] == placed["orderId"])
    check("connector: get_open_orders", len(client.get_open_orders(symbol="BTCUSDT")) == 1)
    cancelled = client.cancel_order(symbol="BTCUSDT", origClientOrderId="sdk-connector-1")
    check("connector: cancel_order", cancelled["status"] == "CANCELED")
    check("connector: klines", len(client.klines("BTCUSDT", "5m", limit=12)) == 12)
    check("connector: book_ticker", float(client.book_ticker(symbol="BTCUSDT")["bidPrice"]) > 0)
    check("connector: avg_price", client.avg_price("BTCUSDT")["mins"] == 5)
    check("connector: get_orders", [o["status"] for o in client.get_orders("BTCUSDT")] == ["CANCELED"])
    check("connector: agg_trades", isinstance(client.agg_trades("BTCUSDT"), list))
    bad = Spot(api_key=key["apiKey"], api_secret="0" * 64, base_url=spot_url)
    try:
        bad.account()
        check("connector: bad secret refused", False)
    except ClientError as error:
        check("connector: bad secret refused", error.error_code == -1022, f"{error.status_code} {error.error_code}")


def python_binance(spot_url, futures_url, key):
    from binance.client import Client
    from binance.exceptions import BinanceAPIException

    client = Client(key["apiKey"], key["secret"], ping=False)
    client.API_URL = spot_url + "/api"
    client.FUTURES_URL = futures_url + "/fapi"
    check("python-binance: server time", "serverTime" in client.get_server_time())
    check("python-binance: account", any(b["asset"] == "BTC" for b in client.get_account()["balances"]))
    placed = client.create_order(
        symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC", quantity="0.001", price="20000",
        newClientOrderId="sdk-python-1")
    check("python-binance: create_order", placed["status"] == "NEW")
    seen = client.get_order(symbol="BTCUSDT", origClientOrderId="sdk-python-1")
    check("python-binance: get_order", seen["orderId"] == placed["orderId"])
    check("python-binance: cancel_order",
          client.cancel_order(symbol="BTCUSDT", orderId=placed["orderId"])["status"] == "CANCELED")
    check("python-binance: get_klines", len(client.get_klines(symbol="BTCUSDT", interval="1h", limit=5)) == 5)
    check("python-binance: get_all_orders", len(client.get_all_orders(symbol="BTCUSDT")) == 1)
    check("python-binance: futures_klines", len(client.futures_klines(symbol="BTCUSDT", interval="1d", limit=3)) == 3)
    check("python-binance: futures_mark_price", float(client.futures_mark_price(symbol="BTCUSDT")["markPrice"]) > 0)
    check("python-binance: futures_funding_rate", len(client.futures_funding_rate(symbol="BTCUSDT", limit=2)) == 2)
    check("python-binance: futures_ticker", "lastPrice" in client.futures_ticker(symbol="BTCUSDT"))
    balances = client.futures_account_balance()
    check("python-binance: futures balance", any(b["asset"] == "USDT" for b in balances))
    opened = client.futures_create_order(symbol="BTCUSDT", side="BUY", type="MARKET", quantity="0.002")
    check("python-binance: futures market order", opened["symbol"] == "BTCUSDT", opened.get("status", ""))
    positions = [p for p in client.futures_position_information(symbol="BTCUSDT") if float(p["positionAmt"]) != 0]
    check("python-binance: futures position", len(positions) == 1 and positions[0]["positionAmt"].startswith("0.002"))
    client.futures_create_order(symbol="BTCUSDT", side="SELL", type="MARKET", quantity="0.002", reduceOnly="true")
    left = [p for p in client.futures_position_information(symbol="BTCUSDT") if float(p["positionAmt"]) != 0]
    check("python-binance: position closed", not left)
    try:
        client.futures_create_order(symbol="BTCUSDT", side="BUY", type="LIMIT", timeInForce="GTC",
                                    quantity="0.002", price="1", newClientOrderId="x")
        check("python-binance: price outside the band refused", False)
    except BinanceAPIException as error:
        check("python-binance: price outside the band refused", error.code < 0, f"{error.code} {error.message}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port-base", type=int, default=8900)
    args = parser.parse_args()
    base = f"http://{args.host}"
    spot, futures, admin_url = (f"{base}:{args.port_base}", f"{base}:{args.port_base + 1}",
                                f"{base}:{args.port_base + 99}")
    official_connector(spot, admin(admin_url, {"exchange": "binance"}))
    python_binance(spot, futures, admin(admin_url, {"exchange": "binance", "permissions": ["read", "trade", "futures"]}))
    finish()


if __name__ == "__main__":
    main()
