/// The spot REST surface (`/api/v3`, and `/sapi/v1/account/apiRestrictions` on binance.com), with weights from the
/// fact sheet (Binance.US charges less for some).
extension BinanceDialect {
    static func spotEndpoints(includeAPIRestrictions: Bool) -> [BinanceEndpoint] {
        let us = !includeAPIRestrictions
        var endpoints: [BinanceEndpoint] = [
            BinanceEndpoint("GET", "/api/v3/ping", .none, weight: 1) { _, _ in .object([]) },
            BinanceEndpoint("GET", "/api/v3/time", .none, weight: 1) { call, _ in
                .object([("serverTime", .int(call.now))])
            },
            BinanceEndpoint("GET", "/api/v3/exchangeInfo", .none, weight: us ? 10 : 20, handler: spotExchangeInfo),
            BinanceEndpoint("GET", "/api/v3/depth", .none, weight: spotDepthWeight, handler: spotDepth),
            BinanceEndpoint("GET", "/api/v3/ticker/24hr", .none, weight: bySymbolList(2, 80), handler: spotTicker24h),
            BinanceEndpoint("GET", "/api/v3/ticker/price", .none, weight: bySymbolList(2, 4), handler: spotTickerPrice),
            BinanceEndpoint("GET", "/api/v3/account", .userData, weight: us ? 10 : 20, handler: spotAccount),
            BinanceEndpoint("POST", "/api/v3/order", .trade, weight: 1, handler: spotPlaceOrder),
            BinanceEndpoint("POST", "/api/v3/order/test", .trade, weight: 1, handler: spotTestOrder),
            BinanceEndpoint("POST", "/api/v3/order/cancelReplace", .trade, weight: 1, handler: spotCancelReplace),
            BinanceEndpoint("GET", "/api/v3/order", .userData, weight: us ? 2 : 4, handler: spotQueryOrder),
            BinanceEndpoint("DELETE", "/api/v3/order", .trade, weight: 1, handler: spotCancelOrder),
            BinanceEndpoint(
                "GET", "/api/v3/openOrders", .userData, weight: BinanceEndpoint.bySymbol(us ? 3 : 6, us ? 40 : 80),
                handler: spotOpenOrders),
            BinanceEndpoint("DELETE", "/api/v3/openOrders", .trade, weight: 1, handler: spotCancelAll),
            BinanceEndpoint("GET", "/api/v3/myTrades", .userData, weight: 20, handler: spotMyTrades),
        ]
        endpoints += spotTickerEndpoints() + spotHistoryEndpoints() + klineEndpoints(futures: false)
        if us { endpoints += listenKeyEndpoints(path: "/api/v3/userDataStream") }
        if includeAPIRestrictions {
            endpoints += walletEndpoints() + spotFeeEndpoints()
            endpoints.append(
                BinanceEndpoint(
                    "GET", "/sapi/v1/account/apiRestrictions", .userData, testnet: false, weight: 1,
                    handler: apiRestrictions))
        }
        return endpoints
    }

    static func spotDepthWeight(_ parameters: BinanceParameters) -> Int {
        let limit = Int(parameters["limit"] ?? "100") ?? 100
        switch limit {
        case ...100: return 5
        case ...500: return 25
        case ...1000: return 50
        default: return 250
        }
    }

    /// Weight with a `symbol` or a short `symbols` list, else the weight of the whole list.
    static func bySymbolList(_ one: Int, _ all: Int) -> @Sendable (BinanceParameters) -> Int {
        { $0["symbol"] != nil || $0["symbols"] != nil ? one : all }
    }
}
