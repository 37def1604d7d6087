import BenchSupport
import CannedVenues
import Foundation
import Sentinel

// Sentinel's own cost per order without a network, for each exchange with a connector: a whole `placeOrder` —
// market rules checked, client order id made, the request built and signed, the recorded answer parsed into an
// `Order` — against a transport that answers from memory, with the rate-limit pools out of reach (UnpacedConnector).
// One JSON line per figure on stdout.
//
//   ClientOverhead --root REPOSITORY [--iterations N] [--samples N] [--exchange NAME] [--warm-up-seconds S]
//
// `--warm-up-seconds 0` warms up for 200 calls only, so that a count of instructions (`perf stat`) covers a known
// number of calls.

func argument(_ name: String) -> String? {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: "--" + name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

let root = argument("root") ?? ".."
let iterations = Int(argument("iterations") ?? "") ?? 20_000
let samples = Int(argument("samples") ?? "") ?? 5
let only = argument("exchange")
let warmUpSeconds = Double(argument("warm-up-seconds") ?? "") ?? 0.2

/// The whole run, off the main actor: a loop on the main actor would pay two executor hops per call that a bot's
/// own task does not.
nonisolated func run(root: String, iterations: Int, samples: Int, only: String?, warmUpSeconds: Double) async throws {
    for canned in try CannedExchange.load(root + "/Benchmarks/overhead/canned.json", root: root)
    where only == nil || only == canned.exchange.rawValue {
        let (client, transport) = try await canned.preparedClient()
        let name = "overhead.\(canned.exchange.rawValue)"
        let measurement = try await measure(
            name, iterations: iterations, samples: samples, warmUpSeconds: warmUpSeconds
        ) {
            keep(try await client.placeOrder(canned.order()))
        }
        print(measurement.jsonLine)
        if !transport.unexpectedPaths.isEmpty {
            FileHandle.standardError.write(Data("\(canned.exchange): not canned: \(transport.unexpectedPaths)\n".utf8))
        }
    }
}

do {
    try await Task.detached {
        try await run(root: root, iterations: iterations, samples: samples, only: only, warmUpSeconds: warmUpSeconds)
    }.value
} catch {
    FileHandle.standardError.write(Data("ClientOverhead: \(error)\n".utf8))
    exit(1)
}
