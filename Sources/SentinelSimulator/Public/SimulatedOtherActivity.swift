/// What the key's owner, or someone who got hold of the key or the account, does outside Sentinel: the admin API's
/// "someone else" operations, so that `sentinel watch` can be tested against each kind of activity.

/// `PATCH /keys/{apiKey}`: a change made on the exchange's API management page. Fields left out stay as they are.
public struct SimulatedKeyChange: Sendable, Codable, Equatable {
    /// Any of `read`, `trade`, `futures`, `withdraw`, `transfer`: the key's whole new set.
    public var permissions: [String]?
    /// The whole new whitelist; `[]` removes the restriction.
    public var ipWhitelist: [String]?
    /// Milliseconds since 1970 when the key lapses.
    public var expiresAt: Int64?

    public init(permissions: [String]? = nil, ipWhitelist: [String]? = nil, expiresAt: Int64? = nil) {
        self.permissions = permissions
        self.ipWhitelist = ipWhitelist
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case permissions, ipWhitelist, expiresAt
    }
}

/// `POST /keys/{apiKey}/orders`: a good-till-cancel limit order that another client places with the key.
public struct SimulatedOtherOrder: Sendable, Codable, Equatable {
    /// Unified (`BTC/USDT`, `BTC/USDT:USDT`) or the exchange's own id.
    public var symbol: String
    /// `buy` or `sell`.
    public var side: String
    public var price: String
    /// In what the exchange's order endpoint takes: base currency, contracts on OKX swaps, lots on KuCoin futures.
    public var quantity: String
    /// The other client's id for the order; default `web` and 16 random characters, as a website order has.
    public var clientOrderId: String?

    public init(symbol: String, side: String, price: String, quantity: String, clientOrderId: String? = nil) {
        self.symbol = symbol
        self.side = side
        self.price = price
        self.quantity = quantity
        self.clientOrderId = clientOrderId
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case symbol, side, price, quantity, clientOrderId
    }
}

/// `POST /keys/{apiKey}/withdrawals`: coins leaving the key's account (the amount and the network fee are debited).
public struct SimulatedWithdrawal: Sendable, Codable, Equatable {
    public var coin: String
    public var amount: String
    public var address: String

    public init(coin: String, amount: String, address: String) {
        self.coin = coin
        self.amount = amount
        self.address = address
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case coin, amount, address
    }
}
