import BenchSupport
import Foundation
import Sentinel

// The order journal's cost per order — `commitPending` before the order leaves plus the settling update queued
// after its answer, as `placeOrder` does — for both durabilities, on an empty journal and on one already holding
// `--entries` (100,000) entries; then per order of a batch of 20 journalled as `placeOrders` does (one transaction
// for the entries, one for the outcomes); then per order when `--placers` (4 and 16) tasks place orders at the same
// time, each one after another, as a bot trading several markets does (their entries share flushes); last, the
// disk's own floor for a durable write (`diskFloorNs`). A fresh SQLite file in a temporary folder each time. One
// JSON line per figure.
//
//   JournalCost [--entries 100000] [--orders 2000] [--flushed-orders 300] [--placers 4,16] [--samples 5] [--folder DIR]

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let entries = Int(argument("entries") ?? "") ?? 100_000
let orders = Int(argument("orders") ?? "") ?? 2_000
let flushedOrders = Int(argument("flushed-orders") ?? "") ?? 300
let samples = Int(argument("samples") ?? "") ?? 5
let placers = (argument("placers") ?? "4,16").split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
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
func journalled(_ journal: OrderJournal) async throws {
    let order = try request()
    try await journal.commitPending(order, venue: venue, nowMs: SystemClock.nowMs())
    journal.enqueue(
        clientOrderID: order.clientOrderID.rawValue, stage: .acknowledged, order: acknowledged, nowMs: SystemClock.nowMs())
}

/// A batch's journal work, as `placeOrders` does it: the entries in one transaction, the outcomes in another.
func journalledBatch(_ journal: OrderJournal, size: Int) async throws {
    let orders = try (0..<size).map { _ in try request() }
    _ = try await journal.commitPending(orders, venue: venue, nowMs: SystemClock.nowMs())
    journal.enqueue(
        orders.map { .init(clientOrderID: $0.clientOrderID.rawValue, stage: .acknowledged, order: acknowledged) },
        nowMs: SystemClock.nowMs())
}

func fresh(_ name: String, _ durability: OrderJournal.Durability, folder: String) throws -> OrderJournal {
    let path = folder + "/" + name + ".sqlite"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    return try OrderJournal(path: path, durability: durability)
}

/// `placers` tasks at once, each journalling `each` orders one after another.
func journalledConcurrently(_ journal: OrderJournal, placers: Int, each: Int) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
        for _ in 0..<placers {
            group.addTask { for _ in 0..<each { try await journalled(journal) } }
        }
        try await group.waitForAll()
    }
}

/// The whole run, off the main actor: a loop there would pay two executor hops per call, which an order placed from
/// a bot's own task does not.
nonisolated func run(
    entries: Int, orders: Int, flushedOrders: Int, placers: [Int], samples: Int, folder: String
) async throws {
    let batch = 20
    for (label, durability, count) in [
        ("processCrash", OrderJournal.Durability.processCrash, orders), ("machineCrash", .machineCrash, flushedOrders),
    ] {
        let empty = try fresh("empty-\(label)", durability, folder: folder)
        print(try await measure("journal.\(label).empty", iterations: count, samples: samples, warmUp: 50) {
            try await journalled(empty)
        }.jsonLine)
        // Filled without flushing (the durability of the fill does not matter), then measured with `durability`.
        let filling = try fresh("full-\(label)", .processCrash, folder: folder)
        for _ in 0..<entries { try await journalled(filling) }
        try filling.flush()  // its queued updates, so that no write of it meets the measured ones
        let full = try OrderJournal(path: folder + "/full-\(label).sqlite", durability: durability)
        print(try await measure("journal.\(label).\(entries)", iterations: count, samples: samples, warmUp: 50) {
            try await journalled(full)
        }.jsonLine)
        // Per order of a batch of `batch` (as placeOrders journals it): one flush for the whole batch.
        let perBatch = try await measure("journal.\(label).batch\(batch)", iterations: max(1, count / batch),
            samples: samples, warmUp: 5) { try await journalledBatch(full, size: batch) }
        print(perBatch.perItem(of: batch).jsonLine)
        // Per order when several tasks place at once, each `each` orders in a row.
        let each = 10
        for placing in placers where durability == .machineCrash {
            let concurrent = try await measure("journal.\(label).placers\(placing)",
                iterations: max(1, count / (placing * each)), samples: samples, warmUp: 2) {
                try await journalledConcurrently(full, placers: placing, each: each)
            }
            print(concurrent.perItem(of: placing * each).jsonLine)
        }
    }
    let floor = try diskFloorNs(folder: folder, writes: flushedOrders, samples: samples)
    print(Measurement(name: "journal.diskFloor", samplesNs: floor, allocationsPerCall: 0).jsonLine)
}

do {
    try await Task.detached {
        try await run(
            entries: entries, orders: orders, flushedOrders: flushedOrders, placers: placers, samples: samples,
            folder: folder)
    }.value
    try? FileManager.default.removeItem(atPath: folder)
} catch {
    FileHandle.standardError.write(Data("JournalCost: \(error)\n".utf8))
    exit(1)
}
