import Testing

@testable import SentinelNet

@Suite struct ConnectionPoolStateTests {
    final class Connection {}
    typealias Pool = ConnectionPoolState<Connection>

    let binance = try! HTTPOrigin.split("https://api.binance.com/").origin
    let bybit = try! HTTPOrigin.split("https://api.bybit.com/").origin

    func lease(_ pool: inout Pool, _ origin: HTTPOrigin, at nowMs: Int64 = 0, mayWait: Bool = true) -> Pool.Lease {
        var expired: [Connection] = []
        let lease = pool.lease(origin, nowMs: nowMs, expired: &expired, mayWait: mayWait)
        #expect(expired.isEmpty)
        return lease
    }

    func isConnect(_ lease: Pool.Lease) -> Bool {
        if case .connect = lease { return true }
        return false
    }

    @Test func reusesTheMostRecentlyReleasedConnectionOfTheSameOrigin() {
        var pool = Pool(limit: 4, idleTimeoutMs: 60_000)
        let first = Connection(), second = Connection()
        #expect(isConnect(lease(&pool, binance)))
        #expect(isConnect(lease(&pool, binance)))
        _ = pool.release(first, of: binance, generation: 0, reusable: true, nowMs: 1)
        _ = pool.release(second, of: binance, generation: 0, reusable: true, nowMs: 2)
        guard case .use(let reused) = lease(&pool, binance) else { Issue.record("no reuse"); return }
        #expect(reused === second)
        // Another origin never gets them.
        #expect(isConnect(lease(&pool, bybit)))
        #expect(pool.counts(binance) == (2, 1, 0))
    }

    @Test func atTheLimitCallersQueueAndAreServedInOrder() {
        var pool = Pool(limit: 1, idleTimeoutMs: 60_000)
        let connection = Connection()
        #expect(isConnect(lease(&pool, binance)))
        guard case .full = lease(&pool, binance, mayWait: false) else { Issue.record("not full"); return }
        guard case .wait(let first) = lease(&pool, binance), case .wait(let second) = lease(&pool, binance) else {
            Issue.record("did not queue")
            return
        }
        let handed = pool.release(connection, of: binance, generation: 0, reusable: true, nowMs: 1)
        #expect(!handed.close)
        guard let (id, grant) = handed.grant, case .use(let given) = grant else { Issue.record("not handed"); return }
        #expect(id == first && given === connection)
        // Not reusable: closed, and the next waiter gets the place to connect.
        let closed = pool.release(connection, of: binance, generation: 0, reusable: false, nowMs: 2)
        #expect(closed.close)
        guard let (next, nextGrant) = closed.grant, case .connect = nextGrant else { Issue.record("no place"); return }
        #expect(next == second)
        #expect(pool.counts(binance) == (1, 0, 0))
    }

    @Test func aWaiterThatGaveUpIsSkipped() {
        var pool = Pool(limit: 1, idleTimeoutMs: 60_000)
        #expect(isConnect(lease(&pool, binance)))
        guard case .wait(let id) = lease(&pool, binance) else { Issue.record("did not queue"); return }
        let result1 = pool.cancelWait(id, of: binance)
        #expect(result1)
        let result2 = pool.cancelWait(id, of: binance)
        #expect(!result2)
        let released = pool.release(Connection(), of: binance, generation: 0, reusable: true, nowMs: 1)
        #expect(released.grant == nil && !released.close)
        #expect(pool.counts(binance) == (1, 1, 0))
    }

    @Test func aFailedConnectFreesItsPlace() {
        var pool = Pool(limit: 1, idleTimeoutMs: 60_000)
        #expect(isConnect(lease(&pool, binance)))
        guard case .wait(let id) = lease(&pool, binance) else { Issue.record("did not queue"); return }
        guard let (next, grant) = pool.connectFailed(binance), case .connect = grant else { Issue.record("lost"); return }
        #expect(next == id)
        let result3 = pool.connectFailed(binance)
        #expect(result3 == nil)
        #expect(pool.counts(binance) == (0, 0, 0))
    }

    @Test func idleConnectionsPastTheTimeoutAreClosedNotLent() {
        var pool = Pool(limit: 2, idleTimeoutMs: 1_000)
        let stale = Connection()
        #expect(isConnect(lease(&pool, binance)))
        _ = pool.release(stale, of: binance, generation: 0, reusable: true, nowMs: 0)
        var expired: [Connection] = []
        #expect(isConnect(pool.lease(binance, nowMs: 1_001, expired: &expired, mayWait: true)))
        #expect(expired.count == 1 && expired[0] === stale)
        #expect(pool.counts(binance) == (1, 0, 0))
    }

    @Test func aConnectionClosedWhileIdleLeavesThePool() {
        var pool = Pool(limit: 1, idleTimeoutMs: 60_000)
        let connection = Connection()
        #expect(isConnect(lease(&pool, binance)))
        _ = pool.release(connection, of: binance, generation: 0, reusable: true, nowMs: 0)
        let result4 = pool.closedWhileIdle(connection, of: binance)
        #expect(result4 == nil)
        #expect(pool.counts(binance) == (0, 0, 0))
        // A connection that is not idle is its exchange's business.
        let result5 = pool.closedWhileIdle(Connection(), of: binance)
        #expect(result5 == nil)
        #expect(pool.counts(binance) == (0, 0, 0))
    }

    @Test func droppingClosesIdleConnectionsNowAndBusyOnesWhenTheyComeBack() {
        var pool = Pool(limit: 2, idleTimeoutMs: 60_000)
        let idle = Connection(), busy = Connection()
        #expect(isConnect(lease(&pool, binance)))
        #expect(isConnect(lease(&pool, binance)))
        _ = pool.release(idle, of: binance, generation: 0, reusable: true, nowMs: 0)
        let dropped = pool.dropAll()
        #expect(dropped.count == 1 && dropped[0] === idle)
        let result6 = pool.release(busy, of: binance, generation: 0, reusable: true, nowMs: 1)
        #expect(result6.close)
        #expect(pool.counts(binance) == (0, 0, 0))
        let result7 = pool.release(Connection(), of: binance, generation: pool.generation, reusable: true, nowMs: 2)
        #expect(!result7.close)
    }

    @Test func afterShutdownNothingIsLentAndWaitersAreReleased() {
        var pool = Pool(limit: 1, idleTimeoutMs: 60_000)
        #expect(isConnect(lease(&pool, binance)))
        guard case .wait(let id) = lease(&pool, binance) else { Issue.record("did not queue"); return }
        let (closing, waiters) = pool.shutDown()
        #expect(closing.isEmpty && waiters == [id])
        guard case .shutDown = lease(&pool, binance) else { Issue.record("lent after shutdown"); return }
        let result8 = pool.release(Connection(), of: binance, generation: pool.generation, reusable: true, nowMs: 1)
        #expect(result8.close)
    }
}
