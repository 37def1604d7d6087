import SentinelCore

/// The account's fills (ccxt's fetchMyTrades): spot `trade/fills` (a list, `symbol` required) and futures
/// `order/fills` (`fillList` per productType), newest first, fees negative as Bitget reports them.
extension BitgetDialect {
    static func fillEndpoints() -> [BitgetEndpoint] {
        [
            BitgetEndpoint("GET", "/api/v2/spot/trade/fills", .read, limit: 10) { call, state throws(BitgetError) in
                guard let symbol = call.query["symbol"] else { throw .empty("symbol") }
                guard call.market(symbol, kind: .spot, &state) != nil else { throw .unknownSymbol }
                let trades = fills(call, state, kind: .spot, symbol: symbol, limit: try limit(call.query["limit"]))
                return .array(trades.map { trade in
                    .object([
                        ("userId", .string(userID(call.accountID))), ("symbol", .string(trade.symbol)),
                        ("orderId", .string(String(trade.orderID))), ("tradeId", .string(String(trade.id))),
                        ("orderType", .string(orderType(trade, state: state, call: call))),
                        ("side", .string(trade.side.rawValue)), ("priceAvg", .string(trade.price.value.normalized.description)),
                        ("size", .string(trade.quantity.value.normalized.description)),
                        ("amount", .string(trade.quoteQuantity.value.normalized.description)),
                        ("feeDetail", .object([
                            ("deduction", .string("no")), ("feeCoin", .string(trade.commissionAsset)),
                            ("totalDeductionFee", .string("")),
                            ("totalFee", .string(trade.commission.value.negated().normalized.description)),
                        ])),
                        ("tradeScope", .string(trade.isMaker ? "maker" : "taker")), ("cTime", .string(String(trade.time))),
                        ("uTime", .string(String(trade.time))),
                    ])
                })
            },
            BitgetEndpoint("GET", "/api/v2/mix/order/fills", .read, limit: 10) { call, state throws(BitgetError) in
                let type = try call.productType(call.query["productType"])
                let symbol = call.query["symbol"]
                if let symbol {
                    guard type.lists(symbol), call.market(symbol, kind: .perpetual, &state) != nil else { throw .unknownSymbol }
                }
                let trades = type == .usdt
                    ? fills(call, state, kind: .perpetual, symbol: symbol, limit: try limit(call.query["limit"])) : []
                let list: [JSONValue] = trades.map { trade in
                    .object([
                        ("tradeId", .string(String(trade.id))), ("symbol", .string(trade.symbol)),
                        ("orderId", .string(String(trade.orderID))), ("price", .string(trade.price.value.normalized.description)),
                        ("baseVolume", .string(trade.quantity.value.normalized.description)),
                        ("feeDetail", .array([
                            .object([
                                ("deduction", .string("no")), ("feeCoin", .string(trade.commissionAsset)),
                                ("totalDeductionFee", .null),
                                ("totalFee", .string(trade.commission.value.negated().normalized.description)),
                            ])
                        ])),
                        ("side", .string(trade.side.rawValue)),
                        ("quoteVolume", .string(trade.quoteQuantity.value.normalized.description)),
                        ("profit", .string(trade.realizedProfit.value.normalized.description)),
                        ("enterPointSource", .string("api")),
                        ("tradeSide", .string(trade.side == .buy ? "buy_single" : "sell_single")),
                        ("posMode", .string("one_way_mode")), ("tradeScope", .string(trade.isMaker ? "maker" : "taker")),
                        ("cTime", .string(String(trade.time))),
                    ])
                }
                return .object([
                    ("fillList", list.isEmpty ? .null : .array(list)),
                    ("endId", .string(trades.last.map { String($0.id) } ?? "")),
                ])
            },
        ]
    }

    static func fills(_ call: BitgetCall, _ state: EngineState, kind: MarketKind, symbol: String?, limit: Int)
        -> [SimulatedTrade]
    {
        let trades = state.accounts[call.accountID]?.trades ?? []
        return Array(
            trades.filter { $0.kind == kind && (symbol == nil || $0.symbol == symbol) }.sorted { $0.id > $1.id }
                .prefix(limit))
    }

    static func orderType(_ trade: SimulatedTrade, state: EngineState, call: BitgetCall) -> String {
        state.accounts[call.accountID]?.orders[trade.orderID]?.type.rawValue ?? "limit"
    }
}
