import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// The smallest valid post-only buy, far below the market but inside the price band: seen on the exchange by its
    /// client id, cancelled, and seen cancelled. A cancel that keeps failing is reported loudly with how to cancel by
    /// hand.
    func orderTest() async -> DoctorCheck {
        if keyRefused { return DoctorCheck(.orderTest, .skip, "Not run: the key was refused.") }
        if doctor.options.skipOrderTest { return DoctorCheck(.orderTest, .skip, "Skipped (--skip-order-test).") }
        guard let client else { return DoctorCheck(.orderTest, .skip, "No client.") }
        let plan: OrderTestPlan
        do {
            plan = try await OrderTestPlan.make(client: client, product: venue.product)
        } catch {
            return DoctorCheck.from(.orderTest, .fail, error, summary: "Could not prepare the test order: \(error.diagnosis.cause)")
        }
        let evidence = [
            "symbol": plan.request.symbol.description, "price": plan.request.price?.description ?? "-",
            "market price": plan.reference.description, "quantity": plan.request.quantity.description,
            "client order id": plan.request.clientOrderID.rawValue,
        ]
        let placed: Order
        do {
            placed = try await client.placeOrder(plan.request)
        } catch {
            // Interrupted while the order was on its way: it may exist, so it is cancelled all the same.
            if Task.isCancelled { return await Self.cleanUpAfterInterruption(client, plan, evidence) }
            return DoctorCheck.from(
                .orderTest, .fail, error, summary: "The test order was refused: \(error.diagnosis.cause)",
                extraEvidence: evidence)
        }
        if Task.isCancelled { return await Self.cleanUpAfterInterruption(client, plan, evidence) }
        // The rest runs in a task of its own: Ctrl-C from here on must not stop the cancel.
        return await Task.detached { await Self.seeAndCancel(client, plan, placed, evidence) }.value
    }

    /// Looks the test order up by client id, cancels it and looks again; reports a stuck order loudly.
    static func seeAndCancel(
        _ client: any ExchangeClient, _ plan: OrderTestPlan, _ placed: Order, _ evidence: [String: String]
    ) async -> DoctorCheck {
        var evidence = evidence
        evidence["order id"] = placed.id
        let reference = OrderReference.clientOrderID(plan.request.clientOrderID.rawValue)
        do {
            let seen = try await client.order(symbol: plan.request.symbol, reference)
            evidence["seen on the exchange"] = seen.status.rawValue
        } catch {
            evidence["seen on the exchange"] = "no: \(error.diagnosis.cause)"
        }
        var lastError: SentinelError?
        for attempt in 1...3 {
            do {
                _ = try await client.cancelOrder(symbol: plan.request.symbol, reference)
                let after = try await client.order(symbol: plan.request.symbol, reference)
                evidence["after cancel"] = after.status.rawValue
                if after.status == .canceled || after.status == .expired {
                    return DoctorCheck(
                        .orderTest, .pass,
                        "A \(plan.request.quantity) \(plan.request.symbol) post-only buy at \(plan.request.price?.description ?? "?") "
                            + "was placed, seen, cancelled and seen cancelled.",
                        evidence: evidence)
                }
                if after.status == .filled || after.status == .partiallyFilled {
                    return DoctorCheck(
                        .orderTest, .warn, "The test order filled before it could be cancelled (the market moved).",
                        evidence: evidence,
                        fix: ["Check the balance: a small amount of \(plan.request.symbol.base) was bought."])
                }
            } catch {
                lastError = error
                evidence["cancel attempt \(attempt)"] = error.diagnosis.cause
            }
        }
        let symbol = plan.request.symbol.description
        return DoctorCheck(
            .orderTest, .fail,
            "THE TEST ORDER IS STILL OPEN: \(plan.request.quantity) \(symbol) buy at "
                + "\(plan.request.price?.description ?? "?") could not be cancelled.",
            evidence: evidence.merging(["last error": lastError?.diagnosis.cause ?? "-"], uniquingKeysWith: { a, _ in a }),
            fix: [
                "Cancel it now: `sentinel order cancel --symbol \(symbol) --client-id \(plan.request.clientOrderID.rawValue)` "
                    + "with the same key, or on the exchange's website (Open Orders).",
                "It is far from the market and post-only, so it is unlikely to fill meanwhile.",
            ])
    }
}

extension DoctorRun {
    /// Cancels the test order after Ctrl-C, in a task of its own so the interruption does not cancel the cleanup
    /// too. Keeps asking by client id while the order may still be on its way.
    static func cleanUpAfterInterruption(
        _ client: any ExchangeClient, _ plan: OrderTestPlan, _ evidence: [String: String]
    ) async -> DoctorCheck {
        let symbol = plan.request.symbol
        let id = plan.request.clientOrderID.rawValue
        // 20 rounds 400 ms apart outlast the exchanges' request validity windows (5 s on Binance and Bybit): an
        // order the exchange still does not know by then was never placed.
        let outcome = await Task.detached { () -> String? in
            var unknownEveryTime = true
            for _ in 0..<20 {
                do {
                    let order = try await client.cancelOrder(symbol: symbol, .clientOrderID(id))
                    unknownEveryTime = false
                    if order.status.isFinal { return order.status.rawValue }
                } catch let error as SentinelError {
                    if error.kind == .orderNotFound {
                        do {
                            let order = try await client.order(symbol: symbol, .clientOrderID(id))
                            unknownEveryTime = false
                            if order.status.isFinal { return order.status.rawValue }
                        } catch let lookUp as SentinelError where lookUp.kind == .orderNotFound {
                        } catch { unknownEveryTime = false }
                    } else {
                        unknownEveryTime = false
                    }
                } catch { unknownEveryTime = false }
                try? await Task.sleep(for: .milliseconds(400))
            }
            return unknownEveryTime ? "never placed" : nil
        }.value
        if outcome == "never placed" {
            return DoctorCheck(
                .orderTest, .fail,
                "Interrupted before the test order reached the exchange: it has no order \(id), so nothing is open.",
                evidence: evidence)
        }
        guard let outcome else {
            return DoctorCheck(
                .orderTest, .fail, "INTERRUPTED, AND THE TEST ORDER MAY STILL BE OPEN: \(plan.request.quantity) \(symbol).",
                evidence: evidence,
                fix: [
                    "Cancel it now: `sentinel order cancel --symbol \(symbol) --client-id \(id)` with the same key, or "
                        + "on the exchange's website (Open Orders)."
                ])
        }
        return DoctorCheck(
            .orderTest, .fail, "Interrupted: the test order was cancelled (\(outcome)).",
            evidence: evidence.merging(["after cancel": outcome], uniquingKeysWith: { a, _ in a }))
    }
}

/// The order the order test places.
struct OrderTestPlan {
    let market: Market
    let request: OrderRequest
    let reference: Price

    /// Picks BTC/USDT (or the first trading USDT market), prices a buy far below the market but inside the
    /// exchange's band, and sizes it to the smallest valid quantity.
    static func make(client: any ExchangeClient, product: Product) async throws(SentinelError) -> OrderTestPlan {
        let markets = try await client.markets().filter(\.isTrading)
        let preferred = product == .spot ? "BTC/USDT" : "BTC/USDT:USDT"
        guard let market = markets.first(where: { $0.symbol.description == preferred })
            ?? markets.first(where: { $0.symbol.quote == "USDT" }) ?? markets.first
        else {
            throw SentinelError(.unsupported, Diagnosis(cause: "The exchange lists no trading market for the test."))
        }
        let ticker = try await client.ticker(market.symbol)
        guard let reference = ticker.reference else {
            throw SentinelError(.badResponse, Diagnosis(cause: "The exchange gave no price for \(market.symbol)."))
        }
        do {
            let price = try farPrice(below: reference, rules: market.rules)
            let quantity = try market.rules.smallestQuantity(at: price)
            let request = OrderRequest(
                symbol: market.symbol, side: .buy, type: .limit, quantity: quantity, price: price, postOnly: true)
            try market.rules.validate(request, referencePrice: reference)
            return OrderTestPlan(market: market, request: request, reference: reference)
        } catch let error as SentinelError {
            throw error
        } catch {
            throw SentinelError(.badResponse, Diagnosis(cause: "The test order could not be priced: \(error)."))
        }
    }

    /// A quarter of the way from the band's floor to the market (or half the market without a band), rounded up to
    /// the tick so it stays inside the band.
    static func farPrice(below reference: Price, rules: MarketRules) throws -> Price {
        let factor: ExactDecimal
        if let down = rules.percentPriceDown, down.isPositive, down < ExactDecimal(1) {
            let gap = try ExactDecimal(1).subtracting(down)
            factor = try down.adding(try gap.divided(by: ExactDecimal(4), places: down.scale + 2, rounding: .up))
        } else {
            factor = try ExactDecimal("0.5")
        }
        let raw = Price(try reference.value.multiplied(by: factor))
        // No tick rule (tick size 0): the reference's own precision.
        var price = rules.tickSize.isPositive
            ? try raw.rounded(toMultipleOf: rules.tickSize, .up) : Price(try raw.value.rounded(places: reference.value.scale, .up))
        if let minPrice = rules.minPrice, price < minPrice { price = minPrice }
        return price
    }
}
