import SentinelCore

/// The admin API's "someone else" operations on a key: a change on the API page, an order from another client, a
/// withdrawal. Each checks its input and names the field it refuses.
extension SimulatorEngine {
    func changeKey(_ apiKey: String, _ change: SimulatedKeyChange) throws(SimulatorError) {
        var permissions: Set<KeyPermission>?
        if let names = change.permissions {
            var granted = Set<KeyPermission>()
            for name in names {
                guard let permission = KeyPermission(rawValue: name) else {
                    throw .invalidRequest(
                        "unknown permission \"\(name.prefix(40))\"; use "
                            + KeyPermission.allCases.map(\.rawValue).joined(separator: ", "))
                }
                granted.insert(permission)
            }
            permissions = granted
        }
        for address in change.ipWhitelist ?? [] where !IPAddressText.isValid(address) {
            throw .invalidRequest("\"\(address.prefix(60))\" in ipWhitelist is not an IPv4 or IPv6 address")
        }
        if let expiresAt = change.expiresAt, !(1...KeySpecification.latestExpiry).contains(expiresAt) {
            throw .invalidRequest(
                "expiresAt must be milliseconds since 1970, between 1 and \(KeySpecification.latestExpiry) (year 9999)")
        }
        try withState { state throws(SimulatorError) in
            guard var key = state.keys.key(apiKey) else { throw Self.unknownKey(apiKey) }
            if let permissions { key.permissions = permissions }
            if let whitelist = change.ipWhitelist { key.ipWhitelist = whitelist }
            if let expiresAt = change.expiresAt { key.expiresAt = expiresAt }
            state.keys.add(key)
        }
    }

    /// Places a resting limit order on the key's account as another client would; returns its id, client id and the
    /// market's own symbol.
    func placeOtherOrder(_ apiKey: String, _ order: SimulatedOtherOrder) throws(SimulatorError)
        -> (orderID: Int64, clientOrderID: String, symbol: String)
    {
        guard let side = OrderSide(rawValue: order.side) else { throw .invalidRequest("side must be buy or sell") }
        guard order.price.utf8.count <= 40, let price = Price(exactly: order.price), price.isPositive else {
            throw .invalidRequest("price must be a positive decimal string such as \"65000.5\"")
        }
        guard order.quantity.utf8.count <= 40, let quantity = Quantity(exactly: order.quantity), quantity.isPositive
        else { throw .invalidRequest("quantity must be a positive decimal string such as \"0.001\"") }
        if let id = order.clientOrderId,
            id.isEmpty || id.count > 32 || !id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        {
            throw .invalidRequest("clientOrderId must be 1 to 32 letters and digits (every exchange takes those)")
        }
        return try withState { state throws(SimulatorError) in
            guard let key = state.keys.key(apiKey) else { throw Self.unknownKey(apiKey) }
            let markets = state.markets.keys.filter { market in
                guard market.exchange == key.exchange, let rules = state.markets[market]?.rules else { return false }
                return rules.unifiedSymbol == order.symbol || rules.symbol == order.symbol
            }
            guard let market = markets.sorted(by: { $0.kind == .spot && $1.kind != .spot }).first else {
                throw .invalidRequest("\(key.exchange.rawValue) has no market \"\(order.symbol.prefix(40))\"")
            }
            let clientOrderID =
                order.clientOrderId ?? "web" + state.generator.string(count: 16, alphabet: SeededGenerator.alphanumerics)
            // KuCoin's futures endpoint takes lots; its engine markets count base units.
            var engineQuantity = quantity
            if key.exchange == .kucoin, market.kind == .perpetual, let contract = KuCoinContract.of(market.symbol) {
                engineQuantity = Quantity(quantity.value * contract.multiplier)
            }
            let request = OrderRequest(
                symbol: market.symbol, side: side, type: .limit, timeInForce: .goodTillCancel, price: price,
                quantity: engineQuantity, quoteQuantity: nil, clientOrderID: clientOrderID)
            do {
                let placed =
                    market.kind == .spot
                    ? try state.placeSpotOrder(
                        exchange: key.exchange, accountID: key.accountID, request: request, now: state.now)
                    : try state.placePerpetualOrder(
                        exchange: key.exchange, accountID: key.accountID, request: request, now: state.now)
                return (placed.order.id, clientOrderID, market.symbol)
            } catch {
                throw .invalidRequest("the exchange refused the order: \(error)")
            }
        }
    }

    /// Debits `amount` and the network fee from the key's spot balance and records the withdrawal; returns its id.
    func withdraw(_ apiKey: String, _ withdrawal: SimulatedWithdrawal) throws(SimulatorError) -> String {
        let coin = withdrawal.coin.uppercased()
        guard withdrawal.amount.utf8.count <= 40, let amount = ExactDecimal(exactly: withdrawal.amount),
            amount > .zero
        else { throw .invalidRequest("amount must be a positive decimal string such as \"100\"") }
        guard (1...128).contains(withdrawal.address.count),
            withdrawal.address.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else { throw .invalidRequest("address must be 1 to 128 letters and digits") }
        return try withState { state throws(SimulatorError) in
            guard let key = state.keys.key(apiKey), var account = state.accounts[key.accountID] else {
                throw Self.unknownKey(apiKey)
            }
            let fee = WithdrawalRecord.fee(of: coin)
            guard account.free(coin) >= amount + fee else {
                throw .invalidRequest(
                    "the account holds \(account.free(coin)) \(coin) free; the withdrawal needs \(amount + fee) "
                        + "(amount and fee)")
            }
            account.credit(coin, (amount + fee).negated())
            let hex = Array("0123456789abcdef")
            let record = WithdrawalRecord(
                id: state.generator.string(count: 32, alphabet: hex), coin: coin, amount: amount, fee: fee,
                address: withdrawal.address, network: WithdrawalRecord.network(of: coin),
                transactionID: "0x" + state.generator.string(count: 64, alphabet: hex), createdAt: state.now)
            account.withdrawals.append(record)
            account.updatedAt = state.now
            state.accounts[key.accountID] = account
            return record.id
        }
    }

    private static func unknownKey(_ apiKey: String) -> SimulatorError {
        .invalidRequest("no key \"\(apiKey.prefix(12))…\"; make one with POST /keys")
    }
}
