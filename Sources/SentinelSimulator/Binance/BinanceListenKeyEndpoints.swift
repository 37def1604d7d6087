import SentinelCore

/// Listen keys for the private event stream: USDⓈ-M `/fapi/v1/listenKey` and Binance.US `/api/v3/userDataStream`
/// (binance.com spot retired its REST listen keys in 2026; its private events come through the WS API instead).
/// The key header alone authenticates them; a key lives 60 minutes unless kept alive.
extension BinanceDialect {
    static func listenKeyEndpoints(path: String) -> [BinanceEndpoint] {
        [
            BinanceEndpoint("POST", path, .apiKey, weight: 1) { call, state throws(BinanceError) in
                let key = state.userStreamKeys.open(
                    accountID: call.accountID, listener: call.flavor.listenerName, now: call.now,
                    generator: &state.generator)
                return .object([("listenKey", .string(key.token))])
            },
            BinanceEndpoint("PUT", path, .apiKey, weight: 1) { call, state throws(BinanceError) in
                guard
                    let key = state.userStreamKeys.keepAlive(
                        token: call.parameters["listenKey"], accountID: call.accountID,
                        listener: call.flavor.listenerName, now: call.now)
                else { throw .listenKeyMissing }
                return call.flavor == .usdm ? .object([("listenKey", .string(key.token))]) : .object([])
            },
            BinanceEndpoint("DELETE", path, .apiKey, weight: 1) { call, state throws(BinanceError) in
                state.userStreamKeys.close(
                    token: call.parameters["listenKey"], accountID: call.accountID, listener: call.flavor.listenerName)
                return .object([])
            },
        ]
    }
}
