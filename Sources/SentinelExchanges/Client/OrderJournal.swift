import Foundation
import GRDB
import SentinelCore

/// Every order Sentinel sends, recorded before the request leaves and updated after, in SQLite under
/// `SENTINEL_HOME`. After a crash or a timeout the journal says which orders may exist on the exchange, so the
/// client reconciles them instead of sending again.
public final class OrderJournal: Sendable {
    public enum Stage: String, Sendable, Codable, CaseIterable {
        /// Written, about to be sent.
        case pending
        /// Sent; the answer did not settle the outcome.
        case ambiguous
        /// The exchange has the order (open or finished).
        case acknowledged
        /// The exchange refused it, or confirmed it does not exist.
        case rejected
    }

    public struct Entry: Sendable, Hashable, Codable, FetchableRecord, TableRecord {
        public static let databaseTableName = "orders"
        public var clientOrderID: String
        public var venue: String
        public var symbol: String
        public var side: String
        public var type: String
        public var quantity: String
        public var price: String?
        public var stage: String
        public var exchangeOrderID: String?
        public var status: String?
        public var lastError: String?
        public var createdAtMs: Int64
        public var updatedAtMs: Int64

        public var stageValue: Stage? { Stage(rawValue: stage) }
    }

    /// What an entry written before an order leaves survives.
    public enum Durability: Sendable {
        /// A crash of the machine too (a power cut): the entry is flushed to the disk (one fsync) before the order
        /// is sent; orders placed while another's flush is under way share the next one (`commitPending`). The
        /// settling update after the answer is not flushed on its own; the next order's flush carries it.
        case machineCrash
        /// A crash or kill of the process, not of the machine: the operating system writes the entry to the disk
        /// when it chooses. No fsync per order.
        case processCrash
    }

    let database: DatabaseQueue
    private let durability: Durability
    private let writer = OrderJournalWriter()
    let groupCommit = OrderJournalGroupCommit()

    private static let insertSQL = """
        INSERT INTO orders (clientOrderID, venue, symbol, side, type, quantity, price, stage, createdAtMs, updatedAtMs)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (clientOrderID) DO NOTHING
        """
    /// Opens (creating if needed) the journal at `path` in write-ahead-log mode; `nil` keeps it in memory (tests,
    /// throw-away runs).
    public init(path: String?, durability: Durability = .machineCrash) throws(SentinelError) {
        self.durability = durability
        do {
            if let path {
                let folder = (path as NSString).deletingLastPathComponent
                try FileManager.default.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                var configuration = Configuration()
                configuration.journalMode = .wal
                // Another process may write the same journal (a bot and `sentinel order`): a write waits for the
                // other's to end, holding its thread, instead of failing at once with "database is locked".
                configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
                database = try DatabaseQueue(path: path, configuration: configuration)
            } else {
                database = try DatabaseQueue()
            }
            try Self.migrator.migrate(database)
        } catch {
            throw SentinelError(
                .invalidInput,
                Diagnosis(
                    cause: "The order journal could not be opened.",
                    evidence: [.init("path", path ?? "(memory)"), .init("error", String(describing: error))],
                    fix: [
                        "Check that SENTINEL_HOME is writable by you.",
                        "If the file is damaged, move it aside; Sentinel creates a new one (open orders stay on the "
                            + "exchange and can be listed with `sentinel order list`).",
                    ]))
        }
    }

    /// How long a write waits for another connection's write to the same file before it fails.
    static let busyTimeoutSeconds: TimeInterval = 5

    /// The journal's file inside a Sentinel home folder.
    public static func path(home: String) -> String { home + "/journal.sqlite" }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "orders") { t in
                t.primaryKey("clientOrderID", .text)
                t.column("venue", .text).notNull()
                t.column("symbol", .text).notNull()
                t.column("side", .text).notNull()
                t.column("type", .text).notNull()
                t.column("quantity", .text).notNull()
                t.column("price", .text)
                t.column("stage", .text).notNull().indexed()
                t.column("exchangeOrderID", .text)
                t.column("status", .text)
                t.column("lastError", .text)
                t.column("createdAtMs", .integer).notNull()
                t.column("updatedAtMs", .integer).notNull()
            }
        }
        // Only unsettled entries are looked up by stage, and an index over every entry's stage changed two of its
        // pages per order: the partial index holds just the unsettled ones, so it stays one page, kept hot.
        migrator.registerMigration("v2-unsettled-index") { db in
            let stageIndexes = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND sql IS NOT NULL")
            for name in stageIndexes { try db.execute(sql: "DROP INDEX \(name.quotedDatabaseIdentifier)") }
            try db.execute(sql: "CREATE INDEX \(unsettledIndex) ON orders (venue, createdAtMs) WHERE \(unsettledCondition)")
        }
        // Entries are found only by their client id: keyed by it directly (WITHOUT ROWID), an insert writes the
        // table's page and not also a separate primary-key index's, one page fewer per order.
        migrator.registerMigration("v3-without-rowid") { db in
            let columns = """
                clientOrderID, venue, symbol, side, type, quantity, price, stage, exchangeOrderID, status, lastError,
                createdAtMs, updatedAtMs
                """
            try db.execute(sql: """
                CREATE TABLE orders_keyed (clientOrderID TEXT PRIMARY KEY NOT NULL, venue TEXT NOT NULL,
                  symbol TEXT NOT NULL, side TEXT NOT NULL, type TEXT NOT NULL, quantity TEXT NOT NULL, price TEXT,
                  stage TEXT NOT NULL, exchangeOrderID TEXT, status TEXT, lastError TEXT,
                  createdAtMs INTEGER NOT NULL, updatedAtMs INTEGER NOT NULL) WITHOUT ROWID;
                INSERT INTO orders_keyed (\(columns)) SELECT \(columns) FROM orders;
                DROP TABLE orders;
                ALTER TABLE orders_keyed RENAME TO orders;
                CREATE INDEX \(unsettledIndex) ON orders (venue, createdAtMs) WHERE \(unsettledCondition);
                """)
        }
        return migrator
    }

    static let unsettledIndex = "orders_unsettled"
    /// Written the same in the index and in the query: SQLite uses a partial index only for a query whose WHERE
    /// contains the index's own condition.
    private static let unsettledCondition = "stage IN ('pending', 'ambiguous')"
    static let unsettledSQL =
        "SELECT * FROM orders WHERE venue = ? AND \(unsettledCondition) ORDER BY createdAtMs"

    /// Records `request` as about to be sent. A client id already in the journal is refused: it would be a duplicate.
    public func recordPending(_ request: OrderRequest, venue: Venue, nowMs: Int64) throws(SentinelError) {
        if let refusal = try recordPending([request], venue: venue, nowMs: nowMs)[0] { throw refusal }
    }

    /// Records the orders of one batch in one transaction, flushed once: a batch of n orders costs one fsync, not n.
    /// Each answer is nil (recorded) or the refusal of that order: a client id already in the journal. Runs on the
    /// caller's thread, through the flush.
    public func recordPending(_ requests: [OrderRequest], venue: Venue, nowMs: Int64) throws(SentinelError)
        -> [SentinelError?]
    {
        var refusals: [SentinelError?] = []
        do {
            try write(flushed: durability == .machineCrash, statements: requests.count) { db in
                refusals = try Self.insertPending(requests, venue: venue, nowMs: nowMs, db)
            }
        } catch {
            throw Self.writeFailure(error)
        }
        return refusals
    }

    /// Records `requests` as about to be sent, as `recordPending` does, for a placement. With machine-crash
    /// durability, placements share flushes (group commit): one made while another's flush is under way waits for
    /// the next transaction, which carries every placement that came meanwhile, instead of adding one fsync each.
    /// A placement made while nothing is being flushed writes at once, on the caller's thread, as `recordPending`:
    /// an order alone is not held back to wait for others, nor moved to another thread.
    public func commitPending(_ requests: [OrderRequest], venue: Venue, nowMs: Int64) async throws(SentinelError)
        -> [SentinelError?]
    {
        guard !requests.isEmpty else { return [] }
        guard durability == .machineCrash else { return try recordPending(requests, venue: venue, nowMs: nowMs) }
        if groupCommit.tryLead() {
            defer { if groupCommit.endFlush() { scheduleGroups() } }
            return try recordPending(requests, venue: venue, nowMs: nowMs)
        }
        let answer = await withCheckedContinuation { continuation in
            let member = OrderJournalGroupCommit.Member(
                requests: requests, venue: venue, nowMs: nowMs, continuation: continuation)
            if groupCommit.join(member) { scheduleGroups() }
        }
        return try answer.get()
    }

    /// Queues the next group's transaction on the writer queue, one group per turn: reads and updates queued behind
    /// it go before the group that joined during its flush.
    func scheduleGroups() {
        Self.scheduleGroups(database, groupCommit, writer)
    }

    /// Without the journal itself: were the block to hold its last reference, its deinit (which writes on this same
    /// queue) would run inside the block.
    private static func scheduleGroups(
        _ database: DatabaseQueue, _ groupCommit: OrderJournalGroupCommit, _ writer: OrderJournalWriter
    ) {
        database.asyncWriteWithoutTransaction { db in
            if groupCommit.commitGroup(db, writer: writer) { scheduleGroups(database, groupCommit, writer) }
        }
    }

    /// `commitPending` for one order; a client id already in the journal is refused.
    public func commitPending(_ request: OrderRequest, venue: Venue, nowMs: Int64) async throws(SentinelError) {
        if let refusal = try await commitPending([request], venue: venue, nowMs: nowMs)[0] { throw refusal }
    }

    /// Inserts the entries of `requests`; each answer is nil or the refusal of a client id already in the journal.
    static func insertPending(_ requests: [OrderRequest], venue: Venue, nowMs: Int64, _ db: Database) throws
        -> [SentinelError?]
    {
        var refusals = [SentinelError?](repeating: nil, count: requests.count)
        // One prepared statement with its arguments: the record's Encodable path cost more than SQLite.
        let insert = try db.cachedStatement(sql: Self.insertSQL)
        let venueName = venue.description
        for (index, request) in requests.enumerated() {
            try insert.execute(arguments: [
                request.clientOrderID.rawValue, venueName, request.symbol.description,
                request.side.rawValue, request.type.rawValue, request.quantity.description,
                request.price?.description, Stage.pending.rawValue, nowMs, nowMs,
            ])
            // A client id already there inserts nothing: that order would be a duplicate. (Not a failed
            // statement: a prepared statement that failed answers its next use with the same error.)
            if db.changesCount == 0 { refusals[index] = Self.duplicate(request.clientOrderID.rawValue) }
        }
        return refusals
    }

    private static func duplicate(_ clientOrderID: String) -> SentinelError {
        SentinelError(
            .duplicateOrder,
            Diagnosis(
                cause: "An order with client id \(clientOrderID) was already sent.",
                fix: ["Use a new client order id, or look the order up with "
                    + "`sentinel order show --client-id \(clientOrderID)`."]))
    }

    /// One settled or unsettled outcome to record.
    public struct Outcome: Sendable {
        public var clientOrderID: String
        public var stage: Stage
        public var order: Order?
        public var error: SentinelError?

        public init(clientOrderID: String, stage: Stage, order: Order? = nil, error: SentinelError? = nil) {
            self.clientOrderID = clientOrderID
            self.stage = stage
            self.order = order
            self.error = error
        }
    }

    /// Writes outcomes now, in one transaction, after the ones queued before them.
    public func update(_ outcomes: [Outcome], nowMs: Int64) throws(SentinelError) {
        guard !outcomes.isEmpty else { return }
        let updates = outcomes.map { OrderJournalWriter.QueuedUpdate(outcome: $0, nowMs: nowMs) }
        do {
            try write(flushed: false, statements: updates.count) { db in try OrderJournalWriter.execute(updates, db) }
        } catch {
            throw Self.writeFailure(error)
        }
    }

    public func update(
        clientOrderID: String, stage: Stage, order: Order? = nil, error: SentinelError? = nil, nowMs: Int64
    ) throws(SentinelError) {
        try update([Outcome(clientOrderID: clientOrderID, stage: stage, order: order, error: error)], nowMs: nowMs)
    }

    /// Queues outcomes for the next write, off the caller's path: the next order's entry carries them in its own
    /// transaction, or a flush `flushDelayMs` later writes them, whichever comes first; reads and the journal's
    /// end write them too. An outcome lost to a crash before it is written leaves its entry pending or ambiguous,
    /// which reconciliation settles by asking the exchange, as for a crash while the order was in flight.
    public func enqueue(_ outcomes: [Outcome], nowMs: Int64) {
        guard !outcomes.isEmpty else { return }
        let updates = outcomes.map { OrderJournalWriter.QueuedUpdate(outcome: $0, nowMs: nowMs) }
        guard writer.enqueue(updates) else { return }
        // Soon, not at once: a flush started at once races the next order's entry for the writer queue, and the
        // losing thread waits on the winner.
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(Self.flushDelayMs)) {
            [database, writer] in
            database.asyncWriteWithoutTransaction { db in try? writer.scheduledFlush(db) }
        }
    }

    /// How long a queued update waits for the next write before it is written on its own.
    static let flushDelayMs = 10

    public func enqueue(
        clientOrderID: String, stage: Stage, order: Order? = nil, error: SentinelError? = nil, nowMs: Int64
    ) {
        enqueue([Outcome(clientOrderID: clientOrderID, stage: stage, order: order, error: error)], nowMs: nowMs)
    }

    /// Writes the queued outcomes now.
    public func flush() throws(SentinelError) {
        do { try write(flushed: false, statements: 0) { _ in } } catch {
            throw Self.writeFailure(error)
        }
    }

    deinit {
        try? flush()
    }

    public func entry(clientOrderID: String) throws(SentinelError) -> Entry? {
        try flush()
        do { return try database.read { db in try Entry.fetchOne(db, key: clientOrderID) } } catch {
            throw Self.writeFailure(error)
        }
    }

    /// Entries whose outcome is not settled for `venue`: pending or ambiguous.
    public func unsettled(venue: Venue) throws(SentinelError) -> [Entry] {
        try flush()
        do {
            return try database.read { db in
                try Entry.fetchAll(db, sql: Self.unsettledSQL, arguments: [venue.description])
            }
        } catch {
            throw Self.writeFailure(error)
        }
    }

    public func allEntries() throws(SentinelError) -> [Entry] {
        try flush()
        do { return try database.read { db in try Entry.order(Column("createdAtMs")).fetchAll(db) } } catch {
            throw Self.writeFailure(error)
        }
    }

    private func write(flushed: Bool, statements: Int, _ body: (Database) throws -> Void) throws {
        try database.writeWithoutTransaction { db in try writer.write(db, flushed: flushed, statements: statements, body) }
    }

    static func writeFailure(_ error: any Error) -> SentinelError {
        SentinelError(
            .invalidInput,
            Diagnosis(
                cause: "The order journal could not be written.",
                evidence: [.init("error", String(describing: error))],
                fix: ["Check free disk space and that SENTINEL_HOME is writable."]))
    }
}
