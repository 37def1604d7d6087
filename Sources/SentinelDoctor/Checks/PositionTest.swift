import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// Opens the smallest position with a market order and closes it at once with a reduce-only one. Real money
    /// only with `--position-test`; always on the simulator; never on spot.
    func positionTest() async -> DoctorCheck {
        if keyRefused { return DoctorCheck(.positionTest, .skip, "Not run: the key was refused.") }
        guard venue.product != .spot else { return DoctorCheck(.positionTest, .skip, "Spot has no positions.") }
        guard doctor.options.positionTest || environment.isSimulator else {
            return DoctorCheck(
                .positionTest, .skip, "Not run: it opens a real position. Add --position-test to include it.")
        }
        guard let client else { return DoctorCheck(.positionTest, .skip, "No client.") }
        do {
            let plan = try await OrderTestPlan.make(client: client, product: venue.product)
            let symbol = plan.request.symbol
            // Sized for a fill up to 10% below the market price, so the minimum order value holds wherever it fills.
            let quantity = try plan.market.rules.smallestQuantity(
                at: Price(plan.reference.value.multiplied(by: ExactDecimal("0.9"))))
            let open = OrderRequest(symbol: symbol, side: .buy, type: .market, quantity: quantity)
            _ = try await client.placeOrder(open)
            let opened = try await client.positions().first { $0.symbol == symbol }
            guard let opened, opened.size.isPositive else {
                return DoctorCheck(
                    .positionTest, .fail, "The market buy was accepted but no position appeared.",
                    evidence: ["symbol": symbol.description, "quantity": quantity.description])
            }
            let close = OrderRequest(
                symbol: symbol, side: .sell, type: .market, quantity: Quantity(opened.size), reduceOnly: true)
            _ = try await client.placeOrder(close)
            let remaining = try await client.positions().first { $0.symbol == symbol }
            if let remaining, !remaining.size.isZero {
                return DoctorCheck(
                    .positionTest, .fail, "THE TEST POSITION IS STILL OPEN: \(remaining.size) \(symbol).",
                    evidence: ["entry price": remaining.entryPrice.description],
                    fix: [
                        "Close it now: `sentinel order place --symbol \(symbol) --side sell --type market "
                            + "--quantity \(remaining.size.magnitude) --reduce-only` with the same key."
                    ])
            }
            return DoctorCheck(
                .positionTest, .pass, "A \(opened.size) \(symbol) position was opened at \(opened.entryPrice) and closed.",
                evidence: ["entry price": opened.entryPrice.description, "size": opened.size.description])
        } catch let error as SentinelError {
            return DoctorCheck.from(.positionTest, .fail, error)
        } catch {
            return DoctorCheck(.positionTest, .fail, "The position test failed: \(error).")
        }
    }
}
