import Foundation
import GRDB
import SentinelCore
import Testing

@testable import SentinelExchanges

/// The journal on disk: write-ahead-log mode, and entries another opening (a later run) reads back, with either
/// durability.
@Suite struct OrderJournalFileTests {
    /// Runs `body` with a fresh folder path (not created) that is removed afterwards.
    static func inTemporaryFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    static func request(_ id: String) throws -> OrderRequest {
        OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID(id))
    }

    @Test(arguments: [OrderJournal.Durability.machineCrash, .processCrash])
    func entriesOutliveTheJournalThatWroteThem(_ durability: OrderJournal.Durability) throws {
        try Self.inTemporaryFolder { folder in
            let path = folder.appendingPathComponent("journal.sqlite").path
            let venue = try Venue(.binance, .spot, .live)
            do {
                let journal = try OrderJournal(path: path, durability: durability)
                try journal.recordPending(try Self.request("sn-disk-1"), venue: venue, nowMs: 1)
                try journal.recordPending(try Self.request("sn-disk-2"), venue: venue, nowMs: 2)
                try journal.update(clientOrderID: "sn-disk-1", stage: .rejected, nowMs: 3)
                #expect(FileManager.default.fileExists(atPath: path + "-wal"), "write-ahead-log mode")
                let duplicate = #expect(throws: SentinelError.self) {
                    try journal.recordPending(try Self.request("sn-disk-2"), venue: venue, nowMs: 4)
                }
                #expect(duplicate?.kind == .duplicateOrder)
                try journal.update(
                    clientOrderID: "sn-disk-1", stage: .rejected,
                    error: SentinelError(.invalidInput, Diagnosis(cause: "refused")), nowMs: 5)
                // A later update without an error keeps the one recorded.
                try journal.update(clientOrderID: "sn-disk-1", stage: .rejected, nowMs: 6)
                try journal.update(clientOrderID: "sn-no-such-order", stage: .rejected, nowMs: 7)
            }
            let reopened = try OrderJournal(path: path, durability: durability)
            let settled = try #require(try reopened.entry(clientOrderID: "sn-disk-1"))
            #expect(settled.stageValue == .rejected)
            #expect(settled.lastError == "refused")
            #expect(settled.updatedAtMs == 6 && settled.createdAtMs == 1)
            #expect(try reopened.entry(clientOrderID: "sn-no-such-order") == nil)
            #expect(try reopened.unsettled(venue: venue).map(\.clientOrderID) == ["sn-disk-2"])
        }
    }

    /// Outcomes queued off the order's path (as placements queue them) reach the file: this journal reads them at
    /// once, another connection sees them after the short flush delay, the next order's entry is written with them,
    /// and the journal's end writes what is still queued.
    @Test func queuedOutcomesReachTheFile() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let venue = try Venue(.bybit, .spot, .live)
        func storedStage(_ id: String) throws -> String? {
            try DatabaseQueue(path: path).read { db in
                try String.fetchOne(db, sql: "SELECT stage FROM orders WHERE clientOrderID = ?", arguments: [id])
            }
        }
        do {
            let journal = try OrderJournal(path: path, durability: .processCrash)
            try journal.recordPending(try Self.request("sn-q-1"), venue: venue, nowMs: 1)
            journal.enqueue(clientOrderID: "sn-q-1", stage: .ambiguous, nowMs: 2)
            #expect(try journal.entry(clientOrderID: "sn-q-1")?.stageValue == .ambiguous, "a read writes the queue")

            journal.enqueue(clientOrderID: "sn-q-1", stage: .rejected, nowMs: 3)
            var waitedMs = 0
            while try storedStage("sn-q-1") != "rejected", waitedMs < 5_000 {
                try await Task.sleep(for: .milliseconds(5))
                waitedMs += 5
            }
            #expect(try storedStage("sn-q-1") == "rejected", "the flush after the delay")

            journal.enqueue(clientOrderID: "sn-q-1", stage: .acknowledged, nowMs: 4)
            try journal.recordPending(try Self.request("sn-q-2"), venue: venue, nowMs: 5)
            #expect(try storedStage("sn-q-1") == "acknowledged", "written with the next entry")

            try journal.recordPending(try Self.request("sn-q-3"), venue: venue, nowMs: 6)
            journal.enqueue(clientOrderID: "sn-q-3", stage: .rejected, nowMs: 7)
        }
        #expect(try storedStage("sn-q-3") == "rejected", "the journal's end writes what is queued")
        let reopened = try OrderJournal(path: path, durability: .processCrash)
        #expect(try reopened.entry(clientOrderID: "sn-q-3")?.updatedAtMs == 7, "the time given when it was queued")
        #expect(try reopened.unsettled(venue: venue).map(\.clientOrderID) == ["sn-q-2"])
    }

    /// A batch is one transaction: a duplicate refuses only its own order, the rest are recorded and outlive the
    /// journal; its outcomes settle together, each with its own order id and error.
    @Test(arguments: [OrderJournal.Durability.machineCrash, .processCrash])
    func aBatchIsRecordedAndSettledTogether(_ durability: OrderJournal.Durability) throws {
        try Self.inTemporaryFolder { folder in
            let path = folder.appendingPathComponent("journal.sqlite").path
            let venue = try Venue(.okx, .spot, .live)
            do {
                let journal = try OrderJournal(path: path, durability: durability)
                try journal.recordPending(try Self.request("sn-b-2"), venue: venue, nowMs: 1)
                let refusals = try journal.recordPending(
                    try ["sn-b-1", "sn-b-2", "sn-b-3", "sn-b-1"].map(Self.request), venue: venue, nowMs: 2)
                #expect(refusals.map { $0?.kind } == [nil, .duplicateOrder, nil, .duplicateOrder])
                let order = Order(
                    symbol: UnifiedSymbol("BTC/USDT")!, id: "900", clientOrderID: "sn-b-1", side: .buy, type: .limit,
                    status: .new, price: try Price("20000"), quantity: try Quantity("0.001"),
                    filledQuantity: try Quantity("0"), averagePrice: nil, timeInForce: .gtc, postOnly: false,
                    reduceOnly: false, createdAt: nil, updatedAt: nil)
                try journal.update(
                    [
                        .init(clientOrderID: "sn-b-1", stage: .acknowledged, order: order),
                        .init(
                            clientOrderID: "sn-b-3", stage: .rejected,
                            error: SentinelError(.invalidInput, Diagnosis(cause: "no"))),
                    ], nowMs: 3)
                try journal.update([], nowMs: 4)
            }
            let reopened = try OrderJournal(path: path, durability: durability)
            let entries = try reopened.allEntries()
            #expect(entries.map(\.clientOrderID).sorted() == ["sn-b-1", "sn-b-2", "sn-b-3"])
            let first = try #require(try reopened.entry(clientOrderID: "sn-b-1"))
            #expect(first.stageValue == .acknowledged && first.exchangeOrderID == "900" && first.status == "new")
            #expect(first.createdAtMs == 2 && first.updatedAtMs == 3)
            let third = try #require(try reopened.entry(clientOrderID: "sn-b-3"))
            #expect(third.stageValue == .rejected && third.lastError == "no")
            #expect(
                try reopened.unsettled(venue: venue).map(\.clientOrderID) == ["sn-b-2"], "recorded alone at 1, untouched")
        }
    }

    /// A journal written by the first schema (an index over every entry's stage) is migrated on opening: its entries
    /// stay, and the unsettled ones are found through the partial index of unsettled entries.
    @Test func aFirstSchemaJournalIsMigratedToTheKeyedTableAndThePartialIndex() throws {
        try Self.inTemporaryFolder { folder in
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent("journal.sqlite").path
            let venue = try Venue(.binance, .spot, .live)
            do {
                let old = try DatabaseQueue(path: path)
                try old.write { db in
                    try db.execute(sql: """
                        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
                        INSERT INTO grdb_migrations VALUES ('v1');
                        CREATE TABLE orders (clientOrderID TEXT PRIMARY KEY NOT NULL, venue TEXT NOT NULL,
                          symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL, quantity TEXT NOT NULL, price TEXT,
                          stage TEXT NOT NULL, exchangeOrderID TEXT, status TEXT, lastError TEXT,
                          createdAtMs INTEGER NOT NULL, updatedAtMs INTEGER NOT NULL);
                        CREATE INDEX orders_on_stage ON orders(stage);
                        INSERT INTO orders VALUES ('sn-old-1', ?, 'BTC/USDT', 'buy', 'limit', '1', '2',
                          'pending', NULL, NULL, NULL, 10, 10);
                        INSERT INTO orders VALUES ('sn-old-2', ?, 'BTC/USDT', 'buy', 'limit', '1', '2',
                          'acknowledged', '7', 'NEW', NULL, 5, 11);
                        """, arguments: [venue.description, venue.description])
                }
            }
            let journal = try OrderJournal(path: path)
            try journal.recordPending(try Self.request("sn-new-1"), venue: venue, nowMs: 20)
            try journal.recordPending(try Self.request("sn-new-2"), venue: venue, nowMs: 1)
            try journal.update(clientOrderID: "sn-new-2", stage: .ambiguous, nowMs: 21)
            try journal.update(clientOrderID: "sn-old-1", stage: .ambiguous, nowMs: 22)
            try journal.update(clientOrderID: "sn-new-1", stage: .acknowledged, nowMs: 23)
            #expect(try journal.unsettled(venue: venue).map(\.clientOrderID) == ["sn-new-2", "sn-old-1"])
            #expect(try journal.unsettled(venue: try Venue(.okx, .spot, .live)).isEmpty)
            #expect(try journal.entry(clientOrderID: "sn-old-2")?.exchangeOrderID == "7")

            let check = try DatabaseQueue(path: path)
            try check.read { db in
                let indexes = try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
                #expect(indexes == [OrderJournal.unsettledIndex])
                let table = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'orders'")
                #expect(table?.hasSuffix("WITHOUT ROWID") == true, "\(table ?? "no table")")
                #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM orders") == 4)
                let kept = try Row.fetchOne(
                    db, sql: "SELECT status, createdAtMs, updatedAtMs FROM orders WHERE clientOrderID = 'sn-old-2'")
                let status: String? = kept?["status"]
                let times: [Int64?] = [kept?["createdAtMs"], kept?["updatedAtMs"]]
                #expect(status == "NEW" && times == [5, 11])
                let plan = try Row.fetchAll(
                    db, sql: "EXPLAIN QUERY PLAN " + OrderJournal.unsettledSQL, arguments: [venue.description]
                ).map { row -> String in row["detail"] }
                #expect(plan.contains { $0.contains(OrderJournal.unsettledIndex) }, "\(plan)")
            }
        }
    }
}
