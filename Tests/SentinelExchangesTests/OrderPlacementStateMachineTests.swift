import SentinelCore
import Testing

@testable import SentinelExchanges

@Suite(.timeLimit(.minutes(5))) struct OrderPlacementStateMachineTests {
    static let order = Order(
        symbol: UnifiedSymbol("BTC/USDT")!, id: "1", clientOrderID: "sn-1", side: .buy, type: .limit, status: .new,
        price: nil, quantity: .zero, filledQuantity: .zero, averagePrice: nil, timeInForce: .gtc, postOnly: false,
        reduceOnly: false, createdAt: nil, updatedAt: nil)
    static func error(_ kind: SentinelError.Kind) -> SentinelError { SentinelError(kind, Diagnosis(cause: "\(kind)")) }
    static let margin = OrderPlacementStateMachine.windowMarginMs

    @Test func anAnswerEndsIt() {
        var machine = OrderPlacementStateMachine()
        #expect(machine.start() == .send(attempt: 1))
        #expect(machine.placed(Self.order) == .succeeded(Self.order))
    }

    @Test func aTimeoutIsLookedUpBeforeAnythingIsSentAgain() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [10, 20])
        _ = machine.start()
        machine.sent(atServerTimeMs: 1_000)
        #expect(machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true) == .lookUp(afterMs: 10))
        #expect(machine.found(Self.order) == .succeeded(Self.order))
    }

    @Test func notFoundPastTheValidityWindowSendsAgainOnceWithTheSameID() {
        var machine = OrderPlacementStateMachine(maxSends: 2, lookUpDelaysMs: [10], requestValidityMs: 5_000)
        _ = machine.start()
        machine.sent(atServerTimeMs: 1_000)
        _ = machine.placementFailed(Self.error(.exchangeUnavailable), mayHaveArrived: true)
        #expect(machine.notFound(atServerTimeMs: 1_000 + 5_000 + Self.margin + 1) == .send(attempt: 2))
        machine.sent(atServerTimeMs: 10_000)
        _ = machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true)
        guard case .unresolved(let error) = machine.notFound(atServerTimeMs: 20_000) else {
            Issue.record("expected unresolved"); return
        }
        #expect(error.kind == .ambiguousOutcome)
    }

    /// Binance rejects a reused client id only while the first order is open: "no such order" inside the window
    /// may just mean the first request has not arrived yet. The machine waits the window out and asks again.
    @Test func notFoundInsideTheValidityWindowWaitsItOutAndAsksAgain() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [300], requestValidityMs: 5_000)
        _ = machine.start()
        machine.sent(atServerTimeMs: 100_000)
        #expect(machine.placementFailed(Self.error(.exchangeUnavailable), mayHaveArrived: true) == .lookUp(afterMs: 300))
        // 400 ms after the send: the window ends at 105 000 (+ margin + clock uncertainty 50 ms).
        let action = machine.notFound(atServerTimeMs: 100_400, uncertaintyMs: 50)
        #expect(action == .lookUp(afterMs: 105_000 + Self.margin + 50 - 100_400 + 1))
        // The order arrived late after all: found, not sent twice.
        #expect(machine.found(Self.order) == .succeeded(Self.order))
    }

    @Test func aSendWithoutAKnownTimestampIsNeverRepeated() {
        var machine = OrderPlacementStateMachine(maxSends: 3)
        _ = machine.start()
        _ = machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true)
        guard case .unresolved = machine.notFound(atServerTimeMs: .max / 2) else {
            Issue.record("expected unresolved"); return
        }
    }

    @Test func resumingABatchOrderLooksUpFirstAndHonoursTheWindow() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [7], requestValidityMs: 5_000)
        #expect(machine.resume(sentAtServerMs: 50_000) == .lookUp(afterMs: 7))
        guard case .lookUp = machine.notFound(atServerTimeMs: 51_000) else { Issue.record("expected a wait"); return }
        #expect(machine.notFound(atServerTimeMs: 60_000) == .send(attempt: 2))
    }

    @Test func aDuplicateAnswerMeansTheFirstAttemptArrived() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [5], requestValidityMs: 1_000)
        _ = machine.start()
        machine.sent(atServerTimeMs: 0)
        _ = machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true)
        #expect(machine.notFound(atServerTimeMs: 10_000) == .send(attempt: 2))
        #expect(machine.placementFailed(Self.error(.duplicateOrder), mayHaveArrived: false) == .lookUp(afterMs: 5))
        #expect(machine.found(Self.order) == .succeeded(Self.order))
    }

    @Test func definiteRefusalsAreNotRetried() {
        for kind in [SentinelError.Kind.insufficientFunds, .invalidOrder, .authentication, .rateLimited] {
            var machine = OrderPlacementStateMachine()
            _ = machine.start()
            #expect(machine.placementFailed(Self.error(kind), mayHaveArrived: false) == .rejected(Self.error(kind)))
        }
    }

    @Test func aRequestThatWasNeverSentIsSentAgain() {
        var machine = OrderPlacementStateMachine(maxSends: 2)
        _ = machine.start()
        #expect(machine.placementFailed(Self.error(.network), mayHaveArrived: false) == .send(attempt: 2))
        #expect(machine.placementFailed(Self.error(.network), mayHaveArrived: false) == .rejected(Self.error(.network)))
    }

    @Test func lookUpsThatKeepFailingLeaveTheOrderUnresolved() {
        var machine = OrderPlacementStateMachine(maxLookUps: 2, lookUpDelaysMs: [1, 2])
        _ = machine.start()
        machine.sent(atServerTimeMs: 0)
        #expect(machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true) == .lookUp(afterMs: 1))
        #expect(machine.lookUpFailed(Self.error(.network)) == .lookUp(afterMs: 2))
        guard case .unresolved(let error) = machine.lookUpFailed(Self.error(.network)) else {
            Issue.record("expected unresolved"); return
        }
        #expect(error.diagnosis.fix.contains { $0.contains("Do not place the order again") })
    }
}
