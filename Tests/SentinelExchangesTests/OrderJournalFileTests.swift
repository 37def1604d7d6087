import Foundation
import SentinelCore
import Testing

@testable import SentinelExchanges

/// The journal on disk: write-ahead-log mode, and entries another opening (a later run) reads back, with either
/// durability.
@Suite struct OrderJournalFileTests {
    static func request(_ id: String) throws -> OrderRequest {
        OrderRequest(
            symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.001"),
            price: try Price("20000"), clientOrderID: try ClientOrderID(id))
    }

    @Test(arguments: [OrderJournal.Durability.machineCrash, .processCrash])
    func entriesOutliveTheJournalThatWroteThem(_ durability: OrderJournal.Durability) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-journal-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("journal.sqlite").path
        let venue = try Venue(.binance, .spot, .live)
        do {
            let journal = try OrderJournal(path: path, durability: durability)
            try journal.recordPending(try Self.request("sn-disk-1"), venue: venue, nowMs: 1)
            try journal.recordPending(try Self.request("sn-disk-2"), venue: venue, nowMs: 2)
            try journal.update(clientOrderID: "sn-disk-1", stage: .rejected, nowMs: 3)
            #expect(FileManager.default.fileExists(atPath: path + "-wal"), "write-ahead-log mode")
            #expect(throws: SentinelError.self) { try journal.recordPending(try Self.request("sn-disk-2"), venue: venue, nowMs: 4) }
        }
        let reopened = try OrderJournal(path: path, durability: durability)
        #expect(try reopened.entry(clientOrderID: "sn-disk-1")?.stageValue == .rejected)
        #expect(try reopened.unsettled(venue: venue).map(\.clientOrderID) == ["sn-disk-2"])
    }
}
