import SentinelNet
import Testing

@Suite struct ClockSyncTests {
    @Test func medianOffsetAtTheRoundTripMidpointWithHalfTheFastestTripAsBound() {
        var machine = ClockSyncStateMachine(wantedSamples: 3, maxAttempts: 5)
        #expect(machine.start() == .takeSample)
        // Local clock 2000 ms behind the server; round trips 10, 40, 20 ms.
        #expect(machine.record(.init(sentAtMs: 1_000, serverTimeMs: 3_005, receivedAtMs: 1_010)) == .takeSample)
        #expect(machine.record(.init(sentAtMs: 2_000, serverTimeMs: 4_030, receivedAtMs: 2_040)) == .takeSample)
        guard case .finished(let estimate) = machine.record(.init(sentAtMs: 3_000, serverTimeMs: 5_010, receivedAtMs: 3_020))
        else {
            Issue.record("expected an estimate")
            return
        }
        #expect(estimate.offsetMs == 2_000)
        #expect(estimate.roundTripMs == 20)
        #expect(estimate.errorBoundMs == 5)
        #expect(estimate.samples == 3)
        #expect(estimate.summary == "+2000 ms (±5 ms, round trip 20 ms)")
    }

    @Test func oneSlowAnswerDoesNotMoveTheMedian() {
        var machine = ClockSyncStateMachine(wantedSamples: 3, maxAttempts: 3)
        _ = machine.start()
        _ = machine.record(.init(sentAtMs: 0, serverTimeMs: -495, receivedAtMs: 10))
        _ = machine.record(.init(sentAtMs: 100, serverTimeMs: 2_000, receivedAtMs: 3_100))  // 3 s stall
        let action = machine.record(.init(sentAtMs: 200, serverTimeMs: -295, receivedAtMs: 210))
        guard case .finished(let estimate) = action else { Issue.record("expected an estimate"); return }
        #expect(estimate.offsetMs == -500)
    }

    @Test func failuresAreRetriedUpToTheLimitThenReported() {
        var machine = ClockSyncStateMachine(wantedSamples: 2, maxAttempts: 3)
        _ = machine.start()
        #expect(machine.sampleFailed() == .takeSample)
        #expect(machine.sampleFailed() == .takeSample)
        #expect(machine.sampleFailed() == .failed(attempts: 3))
    }

    @Test func afterEnoughAttemptsAnyGoodSampleIsUsed() {
        var machine = ClockSyncStateMachine(wantedSamples: 3, maxAttempts: 3)
        _ = machine.start()
        _ = machine.sampleFailed()
        _ = machine.record(.init(sentAtMs: 0, serverTimeMs: 105, receivedAtMs: 10))
        guard case .finished(let estimate) = machine.sampleFailed() else { Issue.record("expected an estimate"); return }
        #expect(estimate.offsetMs == 100)
        #expect(estimate.samples == 1)
    }

    @Test func timestampRejectionResyncsOnceThenFails() {
        var recovery = TimestampRecovery()
        #expect(recovery.timestampRejected() == .resyncAndRetry)
        #expect(recovery.timestampRejected() == .fail)
        recovery.requestSucceeded()
        #expect(recovery.timestampRejected() == .resyncAndRetry)
    }
}
