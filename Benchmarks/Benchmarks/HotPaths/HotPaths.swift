import Benchmark
import CannedVenues
import Foundation
import Sentinel

// The client's hot paths in ordo-one/benchmark, whose checked-in thresholds (Thresholds/) guard their allocation
// counts: `swift package benchmark thresholds check` (see README, "## Performance"). Time is reported, not checked:
// this machine's speed wanders by 2× between runs, while an allocation count does not move unless the code does.
//
// run-all.py keeps its own harness (Sources/ClientOverhead and JournalCost) for the side-by-side ratios with ccxt,
// which need each side's raw figures in one run.

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 200,
        scalingFactor: .kilo,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000,
        thresholds: [.mallocCountTotal: .init(relative: [.p90: 10.0])]
    )

    // A whole placeOrder against recorded answers: market rules, client order id, request built and signed, the
    // answer parsed into an Order.
    let exchanges = (try? CannedExchange.load(
        CannedExchange.repositoryRoot + "/Benchmarks/overhead/canned.json", root: CannedExchange.repositoryRoot)) ?? []
    for canned in exchanges {
        Benchmark("placeOrder.\(canned.exchange.rawValue)") {
            (benchmark: Benchmark, prepared: (client: any ExchangeClient, transport: CannedTransport)) in
            for _ in benchmark.scaledIterations {
                blackHole(try await prepared.client.placeOrder(canned.order()))
            }
        } setup: {
            try await canned.preparedClient()
        }
    }

    Benchmark("clientOrderID.generate") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ClientOrderID.generate()) }
    }

    // The journal's work per order, recordPending before sending and the outcome queued after (written with the next
    // entry), as placeOrder does, without the flush (the flush's cost is the disk's, measured by JournalCost).
    Benchmark("journal.processCrash") { (benchmark: Benchmark, journal: OrderJournal) in
        let venue = try Venue(.binance, .spot, .live)
        for _ in benchmark.scaledIterations {
            let request = OrderRequest(
                symbol: UnifiedSymbol("BTC/USDT")!, side: .buy, type: .limit, quantity: try Quantity("0.0001"),
                price: try Price("73000"))
            try journal.recordPending(request, venue: venue, nowMs: SystemClock.nowMs())
            journal.enqueue(
                clientOrderID: request.clientOrderID.rawValue, stage: .acknowledged, nowMs: SystemClock.nowMs())
        }
    } setup: {
        let folder = NSTemporaryDirectory() + "sentinel-hotpaths-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        return try OrderJournal(path: folder + "/journal.sqlite", durability: .processCrash)
    }
}
