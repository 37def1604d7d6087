import SentinelCore

/// A conditional order kept outside the book until the market reaches its trigger, then placed as a regular order
/// (Binance USDⓈ-M's Algo Order service: STOP, TAKE_PROFIT and their _MARKET forms).
struct AlgoOrder: Sendable {
    enum Status: String, Sendable {
        case new = "NEW"
        case canceled = "CANCELED"
        /// Placed as a regular order that is still open.
        case triggered = "TRIGGERED"
        /// Placed as a regular order that has finished.
        case finished = "FINISHED"
        /// Triggered, but the regular order was refused (a reduce-only order with nothing to reduce).
        case expired = "EXPIRED"
    }

    let id: Int64
    let clientID: String
    let symbol: String
    let side: OrderSide
    let positionSide: PositionSide
    /// STOP, TAKE_PROFIT, STOP_MARKET or TAKE_PROFIT_MARKET.
    let typeName: String
    let timeInForce: TimeInForce
    /// Nil for `closePosition`: the whole position at the trigger.
    let quantity: Quantity?
    /// Nil for the _MARKET types.
    let price: Price?
    let trigger: StopTrigger
    let reduceOnly: Bool
    let closePosition: Bool
    var status: Status = .new
    let createdAt: Int64
    var updatedAt: Int64
    var triggeredAt: Int64 = 0
    var actualOrderID: Int64?

    var isOpen: Bool { status == .new }
}

extension EngineState {
    /// Algo orders whose trigger the market reached become regular orders, placed at once.
    mutating func triggerAlgoOrders(in key: MarketKey, at price: Price, now: Int64) {
        guard key.kind == .perpetual else { return }
        for accountID in accounts.keys.sorted() where accounts[accountID]?.exchange == key.exchange {
            let due = (accounts[accountID]?.algoOrders.values.filter {
                $0.isOpen && $0.symbol == key.symbol && $0.trigger.isReached(by: price)
            } ?? []).sorted { $0.id < $1.id }
            for var algo in due {
                // Marked before placing: placing advances the market, which must not trigger it twice.
                algo.status = .triggered
                algo.triggeredAt = now
                algo.updatedAt = now
                accounts[accountID]?.algoOrders[algo.id] = algo
                var quantity = algo.quantity
                if algo.closePosition {
                    let position = accounts[accountID]?.positions[Account.positionKey(algo.symbol, algo.positionSide)]
                    quantity = position.map { Quantity($0.amount.magnitude) }
                }
                guard let quantity, quantity.isPositive else {
                    algo.status = .expired
                    accounts[accountID]?.algoOrders[algo.id] = algo
                    continue
                }
                let request = OrderRequest(
                    symbol: algo.symbol, side: algo.side, type: algo.price == nil ? .market : .limit,
                    timeInForce: algo.price == nil ? .immediateOrCancel : algo.timeInForce, price: algo.price,
                    quantity: quantity, quoteQuantity: nil, clientOrderID: algo.clientID,
                    reduceOnly: algo.reduceOnly || algo.closePosition, positionSide: algo.positionSide)
                if let placed = try? placePerpetualOrder(
                    exchange: key.exchange, accountID: accountID, request: request, now: now)
                {
                    algo.actualOrderID = placed.order.id
                    algo.status = placed.order.status.isOpen ? .triggered : .finished
                } else {
                    algo.status = .expired
                }
                accounts[accountID]?.algoOrders[algo.id] = algo
            }
        }
    }
}
