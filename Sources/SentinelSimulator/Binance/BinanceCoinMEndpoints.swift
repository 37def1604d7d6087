/// COIN-M (`/dapi`), served on the USDⓈ-M listener so that a client whose default market types include inverse
/// (ccxt's do) can load markets with its `dapi` URL pointed there. The simulator lists no COIN-M contracts: the
/// exchange answers as it would for a venue with none, and orders name an unknown symbol.
extension BinanceDialect {
    static func coinMEndpoints() -> [BinanceEndpoint] {
        [
            BinanceEndpoint("GET", "/dapi/v1/ping", .none, weight: 1) { _, _ in .object([]) },
            BinanceEndpoint("GET", "/dapi/v1/time", .none, weight: 1) { call, _ in
                .object([("serverTime", .int(call.now))])
            },
            BinanceEndpoint("GET", "/dapi/v1/exchangeInfo", .none, weight: 1) { call, state in
                .object([
                    ("timezone", .string("UTC")),
                    ("serverTime", .int(call.now)),
                    (
                        "rateLimits",
                        .array([
                            rateLimit("REQUEST_WEIGHT", "MINUTE", 1, 2400, enforced: state.enforcesRateLimits),
                            rateLimit("ORDERS", "MINUTE", 1, 1200, enforced: state.enforcesRateLimits),
                        ])
                    ),
                    ("exchangeFilters", .array([])),
                    ("symbols", .array([])),
                ])
            },
        ]
    }
}
