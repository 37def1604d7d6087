import Foundation
import GRDB
import SentinelCore
import Testing

@testable import SentinelExchanges

/// Group commit: placements made while a flush is under way share the next flushed transaction, each answered for
/// its own orders; a failed group refuses all of its members and leaves the journal writable.
@Suite(.timeLimit(.minutes(1))) struct OrderJournalGroupCommitTests {
    static let venue = try! Venue(.binance, .spot, .live)

    static func request(_ id: String, symbol: String = "BTC/USDT") throws -> OrderRequest {
        OrderRequest(
            symbol: UnifiedSymbol(symbol)!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID(id))
    }

    /// Starts one task per id, each committing its order while a flush is held under way, and answers the tasks once
    /// all of them wait for the next group.
    static func joinedWhileFlushing(
        _ journal: OrderJournal, _ orders: [OrderRequest]
    ) async throws -> [Task<[SentinelError?], any Error>] {
        #expect(journal.groupCommit.tryLead(), "nothing was being flushed")
        let tasks = orders.map { order in
            Task { try await journal.commitPending([order], venue: venue, nowMs: 1) }
        }
        var waitedMs = 0
        while journal.groupCommit.waitingCount < orders.count, waitedMs < 10_000 {
            try await Task.sleep(for: .milliseconds(2))
            waitedMs += 2
        }
        #expect(journal.groupCommit.waitingCount == orders.count)
        return tasks
    }

    /// SQLite's `synchronous` mode on the journal's connection: 1 NORMAL, 2 FULL.
    static func synchronousMode(_ journal: OrderJournal) throws -> Int? {
        try journal.database.read { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
    }

    static func inTemporaryJournal(_ body: (OrderJournal, String) async throws -> Void) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-group-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        try await body(try OrderJournal(path: path, durability: .machineCrash), path)
    }

    @Test func placementsThatCameDuringAFlushShareOneTransaction() async throws {
        try await Self.inTemporaryJournal { journal, path in
            try journal.recordPending(try Self.request("sn-g-old"), venue: Self.venue, nowMs: 0)
            // An unflushed write first, so that the group must set the flushed mode itself.
            try journal.update(clientOrderID: "sn-g-old", stage: .pending, nowMs: 0)
            #expect(try Self.synchronousMode(journal) == 1, "NORMAL")
            let ids = (0..<20).map { "sn-g-\($0)" } + ["sn-g-old", "sn-g-3"]
            let tasks = try await Self.joinedWhileFlushing(journal, try ids.map { try Self.request($0) })
            #expect(try await journal.commitPending([], venue: Self.venue, nowMs: 1).isEmpty, "nothing to wait for")
            #expect(journal.groupCommit.groupCount == 0, "nothing written while the flush is under way")
            if journal.groupCommit.endFlush() { journal.scheduleGroups() } else { Issue.record("members wait") }

            var answers: [SentinelError.Kind?] = []
            for task in tasks { answers.append(try await task.value[0]?.kind) }
            #expect(journal.groupCommit.groupCount == 1, "one transaction for all 22")
            #expect(try Self.synchronousMode(journal) == 2, "the group's transaction is flushed (FULL)")
            #expect(answers.prefix(20).enumerated().allSatisfy { $0.offset == 3 || $0.element == nil })
            #expect(answers[20] == .duplicateOrder, "already in the journal")
            // The same id twice in one group: only the one that joined first is recorded (tasks 3 and 21 may join
            // in either order).
            let twins = [answers[3], answers[21]]
            #expect(twins.filter { $0 == nil }.count == 1 && twins.contains(.duplicateOrder), "\(twins)")

            let stored = try await DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT clientOrderID FROM orders WHERE createdAtMs = 1")
            }
            #expect(Set(stored) == Set((0..<20).map { "sn-g-\($0)" }))
            #expect(stored.count == 20)

            // The group ended the flush: the next placement writes at once, without a group.
            try await journal.commitPending(try Self.request("sn-g-next"), venue: Self.venue, nowMs: 2)
            #expect(journal.groupCommit.groupCount == 1)
            #expect(try journal.entry(clientOrderID: "sn-g-next")?.stageValue == .pending)
        }
    }

    @Test func aGroupThatCannotBeWrittenRefusesEveryMemberAndTheJournalStaysWritable() async throws {
        try await Self.inTemporaryJournal { journal, path in
            // Another connection makes one member's entry fail, as a full disk would fail the transaction.
            let other = try DatabaseQueue(path: path)
            try await other.write { db in
                try db.execute(sql: """
                    CREATE TRIGGER refuse_eth BEFORE INSERT ON orders WHEN NEW.symbol = 'ETH/USDT'
                    BEGIN SELECT RAISE(ABORT, 'refused by the test'); END
                    """)
            }
            let orders = [
                try Self.request("sn-f-1"), try Self.request("sn-f-2", symbol: "ETH/USDT"), try Self.request("sn-f-3"),
            ]
            // A leader whose write fails ends its flush: the next placement is not left waiting for a group.
            await #expect(throws: SentinelError.self) {
                try await journal.commitPending([orders[1]], venue: Self.venue, nowMs: 1)
            }
            #expect(journal.groupCommit.tryLead() && !journal.groupCommit.endFlush())

            let tasks = try await Self.joinedWhileFlushing(journal, orders)
            #expect(journal.groupCommit.endFlush())
            journal.scheduleGroups()
            for task in tasks {
                let failure = await #expect(throws: SentinelError.self) { try await task.value }
                #expect(failure?.diagnosis.cause == "The order journal could not be written.")
            }
            #expect(try journal.allEntries().isEmpty, "the group is one transaction: none of it is recorded")

            try await other.write { db in try db.execute(sql: "DROP TRIGGER refuse_eth") }
            let answers = try await journal.commitPending(orders, venue: Self.venue, nowMs: 2)
            #expect(answers.allSatisfy { $0 == nil })
            #expect(try journal.allEntries().count == 3)
        }
    }

    /// Many placements at once, through the real leader and group paths: each is answered, each order recorded once,
    /// and a client id placed by two of them at once is refused for exactly one.
    @Test func concurrentPlacementsAreEachRecordedOnce() async throws {
        try await Self.inTemporaryJournal { journal, path in
            let placers = 8
            let each = 12
            let refused = try await withThrowingTaskGroup(of: Int.self) { group in
                for placer in 0..<placers {
                    group.addTask {
                        var refused = 0
                        for order in 0..<each {
                            // Every placer also places the shared id of this round.
                            let ids = ["sn-c-\(placer)-\(order)", "sn-c-shared-\(order)"]
                            let answers = try await journal.commitPending(
                                try ids.map { try Self.request($0) }, venue: Self.venue, nowMs: Int64(order))
                            #expect(answers[0] == nil)
                            refused += answers[1] == nil ? 0 : 1
                        }
                        return refused
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(refused == (placers - 1) * each, "each shared id recorded for one placer only")
            let count = try await DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM orders") }
            #expect(count == placers * each + each)
            #expect(journal.groupCommit.waitingCount == 0)
            #expect(journal.groupCommit.tryLead(), "the last write ended the flush")
        }
    }

    /// Two journals on one file (a bot and `sentinel order` in another process) write at the same time: a write that
    /// meets the other's waits for it instead of failing with "database is locked".
    @Test func twoJournalsOnOneFileWriteAtTheSameTime() async throws {
        try await Self.inTemporaryJournal { first, path in
            let second = try OrderJournal(path: path, durability: .machineCrash)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (name, journal) in [("a", first), ("b", second)] {
                    for placer in 0..<2 {
                        group.addTask {
                            for order in 0..<40 {
                                try await journal.commitPending(
                                    try Self.request("sn-two-\(name)-\(placer)-\(order)"), venue: Self.venue,
                                    nowMs: Int64(order))
                                journal.enqueue(clientOrderID: "sn-two-\(name)-\(placer)-\(order)", stage: .rejected,
                                    nowMs: Int64(order))
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            try first.flush()
            try second.flush()
            #expect(try first.allEntries().count == 160)
            #expect(try first.unsettled(venue: Self.venue).isEmpty)
        }
    }

    /// Another connection holds the write lock for a while (another process writing): the placement waits for it and
    /// is recorded, instead of failing with "database is locked".
    @Test func aPlacementWaitsForAnotherConnectionsWrite() async throws {
        try await Self.inTemporaryJournal { journal, path in
            let other = try DatabaseQueue(path: path)
            let released = DispatchSemaphore(value: 0)
            await withCheckedContinuation { (locked: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    try? other.writeWithoutTransaction { db in
                        try db.execute(sql: "BEGIN IMMEDIATE TRANSACTION")
                        locked.resume()
                        released.wait()
                        try db.execute(sql: "COMMIT")
                    }
                }
            }
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(200)) { released.signal() }
            try await journal.commitPending(try Self.request("sn-busy-1"), venue: Self.venue, nowMs: 1)
            #expect(try journal.entry(clientOrderID: "sn-busy-1")?.stageValue == .pending)
        }
    }
}
