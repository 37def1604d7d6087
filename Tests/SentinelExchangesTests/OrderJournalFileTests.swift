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
