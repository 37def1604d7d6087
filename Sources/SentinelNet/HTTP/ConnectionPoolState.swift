/// The keep-alive pool's bookkeeping, without I/O: per origin, which connections are idle, how many are open (idle,
/// in use or connecting), and who waits for one. At most `limit` connections per origin: an exchange counts
/// connections, and a burst of requests should queue for a free connection rather than open dozens.
struct ConnectionPoolState<Connection: AnyObject> {
    typealias WaiterID = UInt64

    /// What the caller does next.
    enum Lease {
        case use(Connection)
        /// Open a new connection (a place is reserved for it: report `connected` or `connectFailed`).
        case connect
        /// Wait until a release hands this waiter a connection or a place to connect.
        case wait(WaiterID)
        /// The origin is at its limit and the caller did not ask to wait.
        case full
        case shutDown
    }

    /// Given to a waiter when a connection frees up.
    enum Grant {
        case use(Connection)
        case connect
    }

    private struct Idle {
        let connection: Connection
        let sinceMs: Int64
    }

    private struct Origin {
        var idle: [Idle] = []
        var open = 0
        var waiters: [WaiterID] = []
    }

    let limit: Int
    let idleTimeoutMs: Int64
    private var origins: [HTTPOrigin: Origin] = [:]
    private var nextWaiter: WaiterID = 0
    /// Raised by `dropAll`: connections of an older generation are closed when they come back instead of reused.
    private(set) var generation = 0
    private(set) var isShutDown = false

    init(limit: Int, idleTimeoutMs: Int64) {
        precondition(limit > 0)
        self.limit = limit
        self.idleTimeoutMs = idleTimeoutMs
    }

    /// A connection for `origin`: the most recently used idle one, or a place to connect, or (with `mayWait`) a place
    /// in the queue. `expired` gets the idle connections that sat longer than the idle timeout (close them).
    mutating func lease(_ origin: HTTPOrigin, nowMs: Int64, expired: inout [Connection], mayWait: Bool) -> Lease {
        if isShutDown { return .shutDown }
        var state = origins[origin, default: Origin()]
        defer { origins[origin] = state }
        while let last = state.idle.popLast() {
            if nowMs - last.sinceMs <= idleTimeoutMs { return .use(last.connection) }
            expired.append(last.connection)
            state.open -= 1
        }
        if state.open < limit {
            state.open += 1
            return .connect
        }
        guard mayWait else { return .full }
        nextWaiter += 1
        state.waiters.append(nextWaiter)
        return .wait(nextWaiter)
    }

    /// A connection finished its exchange. Returns who gets it next, or whether to close it (not reusable, or from
    /// before `dropAll`): then a waiter, if any, gets the place to connect.
    mutating func release(
        _ connection: Connection, of origin: HTTPOrigin, generation: Int, reusable: Bool, nowMs: Int64
    ) -> (close: Bool, grant: (WaiterID, Grant)?) {
        guard var state = origins[origin] else { return (true, nil) }
        defer { origins[origin] = state }
        if reusable && generation == self.generation && !isShutDown {
            if !state.waiters.isEmpty { return (false, (state.waiters.removeFirst(), .use(connection))) }
            state.idle.append(Idle(connection: connection, sinceMs: nowMs))
            return (false, nil)
        }
        return (true, Self.freePlace(&state))
    }

    /// A reserved connection could not be made.
    mutating func connectFailed(_ origin: HTTPOrigin) -> (WaiterID, Grant)? {
        guard var state = origins[origin] else { return nil }
        defer { origins[origin] = state }
        return Self.freePlace(&state)
    }

    /// An idle connection was closed by the other side. No effect if it is not idle (its exchange reports it).
    mutating func closedWhileIdle(_ connection: Connection, of origin: HTTPOrigin) -> (WaiterID, Grant)? {
        guard var state = origins[origin],
            let index = state.idle.firstIndex(where: { $0.connection === connection })
        else { return nil }
        defer { origins[origin] = state }
        state.idle.remove(at: index)
        return Self.freePlace(&state)
    }

    /// A waiter gave up (timeout, cancellation). False if it was already granted something.
    mutating func cancelWait(_ waiter: WaiterID, of origin: HTTPOrigin) -> Bool {
        guard let index = origins[origin]?.waiters.firstIndex(of: waiter) else { return false }
        origins[origin]?.waiters.remove(at: index)
        return true
    }

    /// Every idle connection, to be closed; the ones in use are closed when they come back.
    mutating func dropAll() -> [Connection] {
        generation += 1
        var closing: [Connection] = []
        for (origin, var state) in origins {
            closing += state.idle.map(\.connection)
            state.open -= state.idle.count
            state.idle = []
            origins[origin] = state
        }
        return closing
    }

    /// Every idle connection to close and every waiter to fail; later leases answer `shutDown`.
    mutating func shutDown() -> (closing: [Connection], waiters: [WaiterID]) {
        let closing = dropAll()
        isShutDown = true
        let waiters = origins.values.flatMap(\.waiters)
        for origin in origins.keys { origins[origin]?.waiters = [] }
        return (closing, waiters)
    }

    func counts(_ origin: HTTPOrigin) -> (open: Int, idle: Int, waiting: Int) {
        let state = origins[origin] ?? Origin()
        return (state.open, state.idle.count, state.waiters.count)
    }

    private static func freePlace(_ state: inout Origin) -> (WaiterID, Grant)? {
        if state.waiters.isEmpty {
            state.open -= 1
            return nil
        }
        return (state.waiters.removeFirst(), .connect)
    }
}

extension ConnectionPoolState.Grant: Sendable where Connection: Sendable {}
