import SentinelCore
import Testing

@testable import SentinelExchanges

@Suite struct OrderPlacementStateMachineTests {
    static let order = Order(
        symbol: UnifiedSymbol("BTC/USDT")!, id: "1", clientOrderID: "sn-1", side: .buy, type: .limit, status: .new,
        price: nil, quantity: .zero, filledQuantity: .zero, averagePrice: nil, timeInForce: .gtc, postOnly: false,
        reduceOnly: false, createdAt: nil, updatedAt: nil)
    static func error(_ kind: SentinelError.Kind) -> SentinelError { SentinelError(kind, Diagnosis(cause: "\(kind)")) }

    @Test func anAnswerEndsIt() {
        var machine = OrderPlacementStateMachine()
        #expect(machine.start() == .send(attempt: 1))
        #expect(machine.placed(Self.order) == .succeeded(Self.order))
    }

    @Test func aTimeoutIsLookedUpBeforeAnythingIsSentAgain() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [10, 20])
        _ = machine.start()
        #expect(machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true) == .lookUp(afterMs: 10))
        #expect(machine.found(Self.order) == .succeeded(Self.order))
    }

    @Test func notFoundAfterATimeoutSendsAgainOnceWithTheSameID() {
        var machine = OrderPlacementStateMachine(maxSends: 2, lookUpDelaysMs: [10])
        _ = machine.start()
        _ = machine.placementFailed(Self.error(.exchangeUnavailable), mayHaveArrived: true)
        #expect(machine.notFound() == .send(attempt: 2))
        _ = machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true)
        guard case .unresolved(let error) = machine.notFound() else { Issue.record("expected unresolved"); return }
        #expect(error.kind == .ambiguousOutcome)
    }

    @Test func aDuplicateAnswerMeansTheFirstAttemptArrived() {
        var machine = OrderPlacementStateMachine(lookUpDelaysMs: [5])
        _ = machine.start()
        _ = machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true)
        _ = machine.notFound()
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
        #expect(machine.placementFailed(Self.error(.ambiguousOutcome), mayHaveArrived: true) == .lookUp(afterMs: 1))
        #expect(machine.lookUpFailed(Self.error(.network)) == .lookUp(afterMs: 2))
        guard case .unresolved(let error) = machine.lookUpFailed(Self.error(.network)) else {
            Issue.record("expected unresolved"); return
        }
        #expect(error.diagnosis.fix.contains { $0.contains("Do not place the order again") })
    }
}
