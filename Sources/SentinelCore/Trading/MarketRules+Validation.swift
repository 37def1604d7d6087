extension MarketRules {
    /// Checks `order` against every rule before anything is sent. `referencePrice` (last or mark price) enables
    /// the percent-price band and the notional check of market orders.
    public func validate(_ order: OrderRequest, referencePrice: Price? = nil) throws(SentinelError) {
        let q = order.quantity
        guard q.isPositive else { throw refusal("The quantity must be greater than zero.", "quantity", q.description) }
        let step = order.type == .market ? (marketStepSize ?? stepSize) : stepSize
        if !q.isMultiple(of: step) {
            let down = (try? q.rounded(toMultipleOf: step, .down)).map { show($0.value) } ?? "?"
            throw refusal(
                "The quantity \(q) is not a multiple of the step size \(show(step.value)).", "step size", show(step.value),
                fix: "Use \(down) (rounded down to the step).")
        }
        if q < minQuantity {
            throw refusal(
                "The quantity \(q) is below the minimum \(show(minQuantity.value)).", "minimum quantity",
                show(minQuantity.value), fix: "Use at least \(show(minQuantity.value)).")
        }
        if let max = order.type == .market ? (marketMaxQuantity ?? maxQuantity) : maxQuantity, max.isPositive, q > max {
            throw refusal(
                "The quantity \(q) is above the maximum \(show(max.value)).", "maximum quantity", show(max.value),
                fix: "Split the order into parts of at most \(show(max.value)).")
        }
        switch order.type {
        case .limit:
            guard let price = order.price else {
                throw refusal("A limit order needs a price.", "type", "limit", fix: "Give --price, or use a market order.")
            }
            try validate(limitPrice: price, reference: referencePrice)
            try validateNotional(price: price, quantity: q)
        case .market:
            if order.price != nil {
                throw refusal("A market order takes no price.", "type", "market", fix: "Leave out the price.")
            }
            if order.postOnly {
                throw refusal("A market order cannot be post-only.", "type", "market", fix: "Use a limit order.")
            }
            if let referencePrice { try validateNotional(price: referencePrice, quantity: q) }
        }
    }

    func validate(limitPrice price: Price, reference: Price?) throws(SentinelError) {
        guard price.isPositive else { throw refusal("The price must be greater than zero.", "price", price.description) }
        // A tick size of 0 is no rule (Binance: "any of the variables can be set to 0, which disables that rule").
        if tickSize.isPositive, !price.isMultiple(of: tickSize) {
            let down = (try? price.rounded(toMultipleOf: tickSize, .down)).map { show($0.value) } ?? "?"
            let up = (try? price.rounded(toMultipleOf: tickSize, .up)).map { show($0.value) } ?? "?"
            throw refusal(
                "The price \(price) is not a multiple of the tick size \(show(tickSize.value)).", "tick size",
                show(tickSize.value),
                fix: "Use \(down) or \(up).")
        }
        if let minPrice, minPrice.isPositive, price < minPrice {
            throw refusal("The price \(price) is below the minimum \(minPrice).", "minimum price", minPrice.description)
        }
        if let maxPrice, maxPrice.isPositive, price > maxPrice {
            throw refusal("The price \(price) is above the maximum \(maxPrice).", "maximum price", maxPrice.description)
        }
        guard let reference, reference.isPositive else { return }
        if let up = percentPriceUp, let ceiling = try? reference.value.multiplied(by: up), price.value > ceiling {
            throw refusal(
                "The price \(price) is more than \(up)× the market price \(reference).", "highest allowed",
                ceiling.description, fix: "Use a price at or below \(ceiling).")
        }
        if let down = percentPriceDown, let floor = try? reference.value.multiplied(by: down), price.value < floor {
            throw refusal(
                "The price \(price) is less than \(down)× the market price \(reference).", "lowest allowed",
                floor.description, fix: "Use a price at or above \(floor).")
        }
    }

    func validateNotional(price: Price, quantity: Quantity) throws(SentinelError) {
        guard let minNotional, minNotional.isPositive, let notional = try? price.notional(of: quantity) else { return }
        if notional < minNotional {
            throw refusal(
                "The order is worth \(show(notional.value)), below the minimum order value \(show(minNotional.value)).",
                "minimum notional", show(minNotional.value),
                fix: "Increase the quantity so that price × quantity ≥ \(show(minNotional.value)).")
        }
    }

    /// The smallest quantity that meets the minimum quantity, the step and the minimum notional at `price`.
    public func smallestQuantity(at price: Price) throws(DecimalError) -> Quantity {
        var quantity = try minQuantity.rounded(toMultipleOf: stepSize, .up)
        if let minNotional, minNotional.isPositive {
            let needed = try minNotional.value.divided(
                by: price.value, places: stepSize.value.scale, rounding: .up)
            let stepped = try Quantity(needed).rounded(toMultipleOf: stepSize, .up)
            if stepped > quantity { quantity = stepped }
        }
        return quantity
    }

    /// A rule value as a person reads it: `0.01`, not the exchange's `0.01000000`.
    private func show(_ value: ExactDecimal) -> String { value.normalized.description }

    private func refusal(_ cause: String, _ label: String, _ value: String, fix: String? = nil) -> SentinelError {
        SentinelError(
            .invalidOrder,
            Diagnosis(
                cause: cause, evidence: [.init(label, value)],
                fix: [fix, "Nothing was sent to the exchange."].compactMap { $0 }))
    }
}
