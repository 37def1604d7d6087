import ArgumentParser
import Dispatch
import Foundation
import SentinelSimulator

/// `sentinel sim`: the local exchange simulator (design.md §2). Prints one ready line on stdout when every listener
/// is up and runs until SIGINT or SIGTERM.
struct SimCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run the local exchange simulator (loopback only).",
        discussion: """
            Listeners: base+0 binance (spot, sapi), base+1 binance-usdm (fapi), base+2 binance-us, base+3 bybit, \
            base+4 okx, base+5 kucoin, base+6 kucoin-futures, base+7 bitget, base+99 the admin API.
            Prefix a Binance path with /testnet or /demo to reach that environment, e.g. \
            http://127.0.0.1:8900/demo/api/v3/account.
            """)

    @Option(help: "Address to listen on; loopback only (127.0.0.1, ::1, localhost).")
    var host = "127.0.0.1"

    @Option(name: .customLong("port-base"), help: "First port; listeners use base+0...base+7 and base+99.")
    var portBase = 8900

    @Option(help: "Seed for prices, issued keys and fault draws.")
    var seed: UInt64 = 42

    @Flag(name: .customLong("no-rate-limits"), help: "Never answer 429/418 (for load benchmarks); usage headers stay.")
    var noRateLimits = false

    func run() async throws {
        let simulator: RunningSimulator
        do {
            simulator = try await RunningSimulator.start(
                SimulatorConfiguration(host: host, portBase: portBase, seed: seed, enforcesRateLimits: !noRateLimits))
        } catch let error as SimulatorError {
            Console.error("error: \(error)")
            throw ExitCode(1)
        }
        // Written straight to the file descriptor: `print` is block-buffered on a pipe, and whoever started us is
        // waiting for this line.
        Console.write(simulator.readyLine + "\n", to: STDOUT_FILENO)
        await Self.waitForTermination()
        await simulator.shutdown()
    }

    /// Suspends until SIGINT or SIGTERM arrives.
    static func waitForTermination() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let queue = DispatchQueue(label: "sentinel.sim.signals")
            let resumed = SignalLatch(continuation)
            for signalNumber in [SIGINT, SIGTERM] {
                signal(signalNumber, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
                source.setEventHandler { resumed.fire() }
                source.resume()
                resumed.keep(source)
            }
        }
    }
}

/// Resumes the waiting command once, and keeps the signal sources alive until then.
private final class SignalLatch: @unchecked Sendable {
    // Guarded by `lock`.
    private var continuation: CheckedContinuation<Void, Never>?
    private var sources: [any DispatchSourceSignal] = []
    private let lock = NSLock()

    init(_ continuation: CheckedContinuation<Void, Never>) {
        self.continuation = continuation
    }

    func keep(_ source: any DispatchSourceSignal) {
        lock.withLock { sources.append(source) }
    }

    func fire() {
        let waiting = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            defer { continuation = nil }
            return continuation
        }
        waiting?.resume()
    }
}
