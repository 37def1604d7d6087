import Foundation
import SentinelSimulator
import SentinelTestSupport
import Testing

/// What users do to a running command: Ctrl-C in the middle of the doctor's test order, a reader that goes away
/// (`| head`), and asking for positions without saying which product.
@Suite(.serialized, .timeLimit(.minutes(5))) struct InterruptionAndPipeTests {
    static func keyFile(_ simulator: RunningSimulator, in sandbox: VaultSandbox) async throws -> String {
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade", "futures"], ipWhitelist: ["127.0.0.1"]))
        let file = try sandbox.folder.keyFile(key)
        return file
    }

    /// A started `sentinel` whose standard output the test reads as it comes.
    final class Running: @unchecked Sendable {
        let process: ChildProcess
        let out = Pipe()
        let err = Pipe()

        init(_ arguments: [String], environment: [String: String]) throws {
            process = try ChildProcess(
                CLIRunner.executable, arguments, environment: ChildProcess.environment(environment), output: .pipe(out),
                error: .pipe(err))
        }

        /// Reads standard output until it contains `text` (or the process ends); returns what was read.
        func read(until text: String) -> String {
            var seen = Data()
            while !String(decoding: seen, as: UTF8.self).contains(text) {
                let chunk = out.fileHandleForReading.readChunkRetrying()
                if chunk.isEmpty { break }
                seen.append(chunk)
            }
            return String(decoding: seen, as: UTF8.self)
        }

        func finish() -> (status: Int32, stdout: String, stderr: String) {
            let rest = out.fileHandleForReading.readAllRetrying()
            let errors = err.fileHandleForReading.readAllRetrying()
            process.waitUntilExit()
            return (
                process.terminationStatus, String(decoding: rest, as: UTF8.self), String(decoding: errors, as: UTF8.self)
            )
        }
    }

    /// Ctrl-C while the answer to the test order is on its way (the simulator accepted it and holds the answer): the
    /// doctor cancels the order it placed, says so, and exits 130; nothing is left open on the exchange.
    @Test func ctrlCDuringTheOrderTestCancelsTheTestOrder() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let file = try await Self.keyFile(simulator, in: sandbox)
        let spot = ["--exchange", "binance", "--credentials", file, "--endpoint", simulator.url(for: .binance)]
        await simulator.addFault(
            SimulatedFault(
                exchange: "binance", kind: "timeout-after-accept", path: "/api/v3/order", count: 1, latencyMs: 60_000))
        // The doctor waits as long as the hold, so that only the Ctrl-C can end its wait for the placement, however
        // long a loaded machine takes to see the order below (with its default 10 s, it could look the order up and
        // cancel it by itself first).
        let running = try Running(["doctor", "ctrl-c"] + spot + ["--timeout-ms", "60000"], environment: sandbox.environment)
        let before = try await CLIRunner.offPool { running.read(until: "read-test") }
        // The order test starts right after the read test: the simulator accepts its placement and holds the answer
        // for 60 s. Ctrl-C once the order is on the book, however long a loaded machine took to send it. The looks
        // come from another home: in this one, each command would first reconcile the doctor's pending entry with
        // a GET /api/v3/order, which could take the fault meant for the placement.
        let observer = try VaultSandbox()
        for _ in 0..<150 {
            let open = try await observer.sentinel(["order", "list"] + spot)
            if !open.stdout.contains("No orders.") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        kill(running.process.processIdentifier, SIGINT)
        let finished = try await CLIRunner.offPool { running.finish() }
        let outcome = (status: finished.status, stdout: before + finished.stdout, stderr: finished.stderr)
        #expect(outcome.status == 130, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stderr.contains("Interrupted"))
        #expect(outcome.stdout.contains("Interrupted: the test order was cancelled"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("SKIP  reconnect-test        Not run: interrupted"), "no check starts after Ctrl-C")
        let list = try await sandbox.sentinel(["order", "list"] + spot)
        #expect(list.stdout.contains("No orders."), "\(list.stdout)\(list.stderr)")
    }

    /// `sentinel doctor … | head -1`: the reader goes away after one line; the doctor neither crashes nor leaves its
    /// test order behind.
    @Test func aClosedPipeEndsQuietly() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let file = try await Self.keyFile(simulator, in: sandbox)
        let spot = ["--exchange", "binance", "--credentials", file, "--endpoint", simulator.url(for: .binance)]
        let running = try Running(["doctor", "piped"] + spot, environment: sandbox.environment)
        let outcome = try await CLIRunner.offPool { () -> (status: Int32, stderr: String) in
            _ = running.read(until: "\n")
            try? running.out.fileHandleForReading.close()
            let errors = running.err.fileHandleForReading.readAllRetrying()
            running.process.waitUntilExit()
            return (running.process.terminationStatus, String(decoding: errors, as: UTF8.self))
        }
        #expect([0, 1, 141].contains(outcome.status), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("Crash") && !outcome.stderr.contains("Fatal error"), "\(outcome.stderr)")
        let list = try await sandbox.sentinel(["order", "list"] + spot)
        #expect(list.stdout.contains("No orders."))
    }

    /// `sentinel positions` never answers "none" for a product it did not read.
    @Test func positionsSayWhichProductWasRead() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let sandbox = try VaultSandbox()
        let file = try await Self.keyFile(simulator, in: sandbox)
        let futures = ["--exchange", "binance", "--credentials", file, "--endpoint", simulator.url(for: .binanceUSDM)]
        let open = try await sandbox.sentinel(
            ["order", "place", "--symbol", "BTC/USDT:USDT", "--side", "buy", "--type", "market", "--quantity", "0.005"]
                + futures)
        #expect(open.status == 0, "\(open.stderr)")
        let spotOnly = try await sandbox.sentinel(
            ["positions", "--exchange", "binance", "--credentials", file, "--endpoint", simulator.url(for: .binance)])
        #expect(spotOnly.status == 0, "\(spotOnly.stderr)")
        #expect(!spotOnly.stdout.contains("No open positions"), "\(spotOnly.stdout)")
        #expect(spotOnly.stdout.contains("--product linear"), "\(spotOnly.stdout)")
        let linear = try await sandbox.sentinel(["positions", "--product", "linear"] + futures)
        #expect(linear.stdout.contains("BTC/USDT:USDT") && linear.stdout.contains("long"), "\(linear.stdout)")
    }
}
