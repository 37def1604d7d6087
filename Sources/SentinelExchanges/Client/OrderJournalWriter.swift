import GRDB
import Synchronization

/// The journal's writes: every statement runs on the database's one writer queue, together with the updates queued
/// since the last write. Kept apart from `OrderJournal` so that the flush a queued update schedules does not hold
/// the journal: the journal's deinit writes on that same queue.
final class OrderJournalWriter: Sendable {
    struct QueuedUpdate: Sendable {
        var outcome: OrderJournal.Outcome
        var nowMs: Int64
    }

    private struct Queue {
        var updates: [QueuedUpdate] = []
        var flushScheduled = false
    }

    static let updateSQL = """
        UPDATE orders SET stage = ?, exchangeOrderID = COALESCE(?, exchangeOrderID), status = COALESCE(?, status),
        lastError = COALESCE(?, lastError), updatedAtMs = ? WHERE clientOrderID = ?
        """

    private let queue = Mutex(Queue())
    /// The connection's `synchronous` mode as last set (nil: SQLite's default); read and set inside the writer
    /// queue's work, which runs one at a time.
    private let synchronousIsFull = Mutex<Bool?>(nil)

    /// Adds `updates` to the next write, and answers whether a flush must be scheduled for them (none is yet).
    func enqueue(_ updates: [QueuedUpdate]) -> Bool {
        queue.withLock { queue in
            queue.updates.append(contentsOf: updates)
            defer { queue.flushScheduled = true }
            return !queue.flushScheduled
        }
    }

    /// One transaction: the queued updates, then `body`'s `statements` statements. `flushed`: its commit waits for
    /// the disk (synchronous FULL), else for the operating system only (NORMAL: in WAL mode, still safe from a crash
    /// of the process). A single statement is its own transaction (SQLite's autocommit): no BEGIN and COMMIT.
    /// Runs on the writer queue.
    func write(_ db: Database, flushed: Bool, statements: Int, _ body: (Database) throws -> Void) throws {
        try write(db, flushed: flushed, statements: statements, isScheduledFlush: false, body)
    }

    /// Writes what is queued, if anything: the flush scheduled by the first update queued after the last one.
    /// Runs on the writer queue.
    func scheduledFlush(_ db: Database) throws {
        try write(db, flushed: false, statements: 0, isScheduledFlush: true) { _ in }
    }

    private func write(
        _ db: Database, flushed: Bool, statements: Int, isScheduledFlush: Bool, _ body: (Database) throws -> Void
    ) throws {
        // Only the scheduled flush itself lets the next update schedule another: writes in between carry the
        // queued updates, and a busy journal keeps one flush pending at most.
        let queued = queue.withLock { queue in
            if isScheduledFlush { queue.flushScheduled = false }
            defer { queue.updates.removeAll(keepingCapacity: true) }
            return queue.updates
        }
        guard statements + queued.count > 0 else { return }
        do {
            // The connection keeps its mode: it is set only when this write needs the other one.
            if synchronousIsFull.withLock({ $0 }) != flushed {
                try db.execute(sql: flushed ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
                synchronousIsFull.withLock { $0 = flushed }
            }
            func all(_ db: Database) throws {
                try Self.execute(queued, db)
                try body(db)
            }
            guard statements + queued.count > 1 else { return try all(db) }
            // Prepared once, as the statements inside: GRDB's own transaction parses its BEGIN and COMMIT each time.
            try db.cachedStatement(sql: "BEGIN IMMEDIATE TRANSACTION").execute()
            do {
                try all(db)
                try db.cachedStatement(sql: "COMMIT TRANSACTION").execute()
            } catch {
                try? db.rollback()
                throw error
            }
        } catch {
            // Not written: they go first into the next write.
            queue.withLock { $0.updates.insert(contentsOf: queued, at: 0) }
            throw error
        }
    }

    static func execute(_ updates: [QueuedUpdate], _ db: Database) throws {
        guard !updates.isEmpty else { return }
        // One prepared statement, no read first: a field without a new value keeps the stored one.
        let statement = try db.cachedStatement(sql: updateSQL)
        for update in updates {
            let outcome = update.outcome
            try statement.execute(arguments: [
                outcome.stage.rawValue, outcome.order?.id, outcome.order?.status.rawValue,
                outcome.error?.diagnosis.cause, update.nowMs, outcome.clientOrderID,
            ])
        }
    }
}
