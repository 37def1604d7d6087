import BenchSupport
import Foundation
import Sentinel

// The order journal's cost per order — `recordPending` before the order leaves plus the settling `update` after
// its answer, as `placeOrder` does — for both durabilities, on an empty journal and on one already holding
// `--entries` (100,000) entries. A fresh SQLite file in a temporary folder each time. One JSON line per figure.
//
//   JournalCost [--entries 100000] [--orders 2000] [--flushed-orders 300] [--samples 5] [--folder DIR]

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let entries = Int(argument("entries") ?? "") ?? 100_000
let orders = Int(argument("orders") ?? "") ?? 2_000
let flushedOrders = Int(argument("flushed-orders") ?? "") ?? 300
let samples = Int(argument("samples") ?? "") ?? 5
let folder = argument("folder") ?? NSTemporaryDirectory() + "sentinel-journal-bench-\(getpid())"

let venue = try Venue(.binance, .spot, .live)
let symbol = UnifiedSymbol("BTC/USDT")!
let acknowledged = Order(
    symbol: symbol, id: "9780331417", clientOrderID: nil, side: .buy, type: .limit, status: .new,
    price: try Price("73000"), quantity: try Quantity("0.0001"), filledQuantity: try Quantity("0"), averagePrice: nil,
    timeInForce: .gtc, postOnly: false, reduceOnly: false, createdAt: nil, updatedAt: nil)

func request() throws -> OrderRequest {
    OrderRequest(symbol: symbol, side: .buy, type: .limit, quantity: try Quantity("0.0001"), price: try Price("73000"))
}

/// One order's journal work: the entry before sending, its update after the answer.
func journalled(_ journal: OrderJournal) throws {
    let order = try request()
    try journal.recordPending(order, venue: venue, nowMs: SystemClock.nowMs())
    try journal.update(
        clientOrderID: order.clientOrderID.rawValue, stage: .acknowledged, order: acknowledged, nowMs: SystemClock.nowMs())
}

func fresh(_ name: String, _ durability: OrderJournal.Durability) throws -> OrderJournal {
    let path = folder + "/" + name + ".sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    return try OrderJournal(path: path, durability: durability)
}

do {
    for (label, durability, count) in [
        ("processCrash", OrderJournal.Durability.processCrash, orders), ("machineCrash", .machineCrash, flushedOrders),
    ] {
        let empty = try fresh("empty-\(label)", durability)
        print(try await measure("journal.\(label).empty", iterations: count, samples: samples, warmUp: 50) {
            try journalled(empty)
        }.jsonLine)
        // Filled without flushing (the durability of the fill does not matter), then measured with `durability`.
        let filling = try fresh("full-\(label)", .processCrash)
        for _ in 0..<entries { try journalled(filling) }
        let full = try OrderJournal(path: folder + "/full-\(label).sqlite", durability: durability)
        print(try await measure("journal.\(label).\(entries)", iterations: count, samples: samples, warmUp: 50) {
            try journalled(full)
        }.jsonLine)
    }
    try? FileManager.default.removeItem(atPath: folder)
} catch {
    FileHandle.standardError.write(Data("JournalCost: \(error)\n".utf8))
    exit(1)
}
