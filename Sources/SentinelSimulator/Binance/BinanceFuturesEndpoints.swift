/// The USDⓈ-M REST surface (`/fapi/v1..v3`). Orders cost no IP weight; they count in the account's order windows.
extension BinanceDialect {
    static func futuresEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/fapi/v1/ping", .none, weight: 1) { _, _ in .object([]) },
            BinanceEndpoint("GET", "/fapi/v1/time", .none, weight: 1) { call, _ in
                .object([("serverTime", .int(call.now))])
            },
            BinanceEndpoint("GET", "/fapi/v1/exchangeInfo", .none, weight: 1, handler: futuresExchangeInfo),
            // On Binance this call goes to the spot host; the simulator also answers it here so that a client
            // configured with one base URL per venue can audit a futures key.
            BinanceEndpoint(
                "GET", "/sapi/v1/account/apiRestrictions", .userData, testnet: false, weight: 1,
                handler: apiRestrictions),
            BinanceEndpoint("GET", "/fapi/v1/depth", .none, weight: futuresDepthWeight, handler: futuresDepth),
            BinanceEndpoint(
                "GET", "/fapi/v1/ticker/price", .none, weight: BinanceEndpoint.bySymbol(1, 2), handler: futuresTickerPrice),
            BinanceEndpoint(
                "GET", "/fapi/v2/ticker/price", .none, weight: BinanceEndpoint.bySymbol(1, 2), handler: futuresTickerPrice),
            BinanceEndpoint("GET", "/fapi/v2/balance", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresBalance(&call, &state)
            },
            BinanceEndpoint("GET", "/fapi/v3/balance", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresBalance(&call, &state)
            },
            BinanceEndpoint("GET", "/fapi/v2/account", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresAccount(&call, &state, version: 2)
            },
            BinanceEndpoint("GET", "/fapi/v3/account", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresAccount(&call, &state, version: 3)
            },
            BinanceEndpoint("GET", "/fapi/v2/positionRisk", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresPositionRisk(&call, &state, version: 2)
            },
            BinanceEndpoint("GET", "/fapi/v3/positionRisk", .userData, weight: 5) { call, state throws(BinanceError) in
                try futuresPositionRisk(&call, &state, version: 3)
            },
            BinanceEndpoint("POST", "/fapi/v1/leverage", .trade, weight: 1, handler: futuresLeverage),
            BinanceEndpoint("GET", "/fapi/v1/leverageBracket", .userData, weight: 1, handler: futuresLeverageBrackets),
            BinanceEndpoint("POST", "/fapi/v1/order", .trade, weight: 0, handler: futuresPlaceOrder),
            BinanceEndpoint("GET", "/fapi/v1/order", .userData, weight: 1, handler: futuresQueryOrder),
            BinanceEndpoint("DELETE", "/fapi/v1/order", .trade, weight: 1, handler: futuresCancelOrder),
            BinanceEndpoint("PUT", "/fapi/v1/order", .trade, weight: 1, handler: futuresModifyOrder),
            BinanceEndpoint("GET", "/fapi/v1/openOrder", .userData, weight: 1, handler: futuresOpenOrder),
            BinanceEndpoint(
                "GET", "/fapi/v1/openOrders", .userData, weight: BinanceEndpoint.bySymbol(1, 40),
                handler: futuresOpenOrders),
            BinanceEndpoint("DELETE", "/fapi/v1/allOpenOrders", .trade, weight: 1, handler: futuresCancelAll),
            BinanceEndpoint("POST", "/fapi/v1/order/test", .trade, weight: 0, handler: futuresTestOrder),
            BinanceEndpoint("POST", "/fapi/v1/batchOrders", .trade, weight: 5, handler: futuresBatchOrders),
            BinanceEndpoint("DELETE", "/fapi/v1/batchOrders", .trade, weight: 1, handler: futuresBatchCancel),
            BinanceEndpoint("GET", "/fapi/v1/userTrades", .userData, weight: 5, handler: futuresUserTrades),
        ]
    }

    static func futuresDepthWeight(_ parameters: BinanceParameters) -> Int {
        switch Int(parameters["limit"] ?? "500") ?? 500 {
        case ...50: 2
        case ...100: 5
        case ...500: 10
        default: 20
        }
    }
}
