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
        let plan: OrderTestPlan
        let open: OrderRequest
        do {
            plan = try await OrderTestPlan.make(client: client, product: venue.product)
            // Sized for a fill up to 10% below the market price, so the minimum order value holds wherever it fills.
            let quantity = try plan.market.rules.smallestQuantity(
                at: Price(plan.reference.value.multiplied(by: ExactDecimal("0.9"))))
            open = OrderRequest(symbol: plan.request.symbol, side: .buy, type: .market, quantity: quantity)
        } catch let error as SentinelError {
            return DoctorCheck.from(.positionTest, .fail, error)
        } catch {
            return DoctorCheck(.positionTest, .fail, "The position test could not be prepared: \(error).")
        }
        var openError: SentinelError?
        do { _ = try await client.placeOrder(open) } catch { openError = error }
        if let openError, !Task.isCancelled { return DoctorCheck.from(.positionTest, .fail, openError) }
        // From here on the position may be open: closing it runs in a task of its own, so Ctrl-C cannot stop it.
        let interrupted = Task.isCancelled
        return await Task.detached { await Self.closeTestPosition(client, open, interrupted: interrupted) }.value
    }

    /// Reads the position the test opened and closes it with a reduce-only market order.
    static func closeTestPosition(_ client: any ExchangeClient, _ open: OrderRequest, interrupted: Bool) async
        -> DoctorCheck
    {
        let symbol = open.symbol
        do {
            let opened = try await client.positions().first { $0.symbol == symbol }
            guard let opened, opened.size.isPositive else {
                if interrupted { return DoctorCheck(.positionTest, .fail, "Interrupted before a position opened.") }
                return DoctorCheck(
                    .positionTest, .fail, "The market buy was accepted but no position appeared.",
                    evidence: ["symbol": symbol.description, "quantity": open.quantity.description])
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
            if interrupted {
                return DoctorCheck(.positionTest, .fail, "Interrupted: the test position was closed again.")
            }
            return DoctorCheck(
                .positionTest, .pass, "A \(opened.size) \(symbol) position was opened at \(opened.entryPrice) and closed.",
                evidence: ["entry price": opened.entryPrice.description, "size": opened.size.description])
        } catch {
            return DoctorCheck.from(
                .positionTest, .fail, error,
                summary: "THE TEST POSITION MAY STILL BE OPEN: \(error.diagnosis.cause) Check with `sentinel positions`.")
        }
    }
}
