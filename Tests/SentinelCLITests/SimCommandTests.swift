import Foundation
import SentinelNet
import SentinelSimulator
import SentinelTestSupport
import Testing

/// `sentinel sim` as a separate process: a port base below Linux's ephemeral range (32768–60999), so that a port the
/// kernel handed to some other connection cannot collide with it, and a fresh base when one is taken anyway.
final class SimProcess: @unchecked Sendable {
    let process: ChildProcess
    let base: Int
    let ready: [String: Any]
    private let out: Pipe

    private init(process: ChildProcess, base: Int, ready: [String: Any], out: Pipe) {
        self.process = process
        self.base = base
        self.ready = ready
        self.out = out
    }

    /// Starts `sentinel sim --port-base B` plus `arguments`, trying up to eight random bases in 20000–32000.
    /// Blocking: call it from `CLIRunner.offPool`.
    static func start(_ arguments: [String] = []) throws -> SimProcess {
        var failures: [String] = []
        for _ in 0..<8 {
            let base = Int.random(in: 20_000...(32_000 - 100))
            let out = Pipe()
            let err = Pipe()
            let process = try ChildProcess(
                CLIRunner.executable, ["sim", "--port-base", String(base)] + arguments,
                environment: ChildProcess.environment([:]), output: .pipe(out), error: .pipe(err))
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.readChunkRetrying()
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            if let ready = try? JSONSerialization.jsonObject(with: line) as? [String: Any] {
                return SimProcess(process: process, base: base, ready: ready, out: out)
            }
            process.waitUntilExit()
            let stderr = String(decoding: err.fileHandleForReading.readAllRetrying(), as: UTF8.self)
            failures.append("base \(base): \(stderr)")
            guard stderr.contains("already in use") else { break }
        }
        throw SimStartFailure(reasons: failures)
    }

    struct SimStartFailure: Error, CustomStringConvertible {
        let reasons: [String]
        var description: String { "sentinel sim did not start: \(reasons)" }
    }

    var admin: String { "http://127.0.0.1:\(base + 99)" }
    var binance: String { "http://127.0.0.1:\(base)" }

    /// Sends SIGINT and waits; returns the exit status and whatever else it printed on stdout. Blocking.
    func interrupt() -> (status: Int32, rest: Data) {
        process.interrupt()
        process.waitUntilExit()
        return (process.terminationStatus, out.fileHandleForReading.readAllRetrying())
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}

func httpSend(_ method: HTTPMethod, _ url: String, body: String? = nil) async throws -> HTTPResponse {
    let transport = KeepAliveHTTPTransport()
    defer { Task { await transport.shutdown() } }
    return try await transport.send(
        SignedRequest(method: method, url: url, headers: body == nil ? [] : [.init("Content-Type", "application/json")], body: body),
        timeoutMs: 10_000)
}

@Suite(.timeLimit(.minutes(5))) struct SimCommandTests {
    @Test func refusesANonLoopbackHost() async throws {
        let outcome = try await CLIRunner.run(["sim", "--host", "0.0.0.0", "--port-base", "29100"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("refusing to serve on 0.0.0.0"))
    }

    @Test func printsOneReadyLineServesAndStopsOnSIGINT() async throws {
        let sim = try await CLIRunner.offPool { try SimProcess.start() }
        let base = sim.base
        #expect(sim.ready["ready"] as? Bool == true)
        #expect(sim.ready["admin"] as? String == "http://127.0.0.1:\(base + 99)")
        let venues = try #require(sim.ready["venues"] as? [String: String])
        #expect(venues["binance"] == "http://127.0.0.1:\(base)")
        #expect(venues["bitget"] == "http://127.0.0.1:\(base + 7)")
        #expect(venues.count == 8)
        #expect(try await httpSend(.GET, sim.binance + "/api/v3/ping").status == 200)

        // The same ports again: a clear error naming the port.
        let second = try await CLIRunner.run(["sim", "--port-base", String(base)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("port \(base)"))
        #expect(second.stderr.contains("already in use"))

        let (status, rest) = try await CLIRunner.offPool { sim.interrupt() }
        #expect(status == 0)
        #expect(rest.isEmpty, "exactly one line on stdout")
    }

    @Test func noRateLimitsNeverRefusesAndStillReportsTheWeight() async throws {
        let sim = try await CLIRunner.offPool { try SimProcess.start(["--no-rate-limits"]) }
        // depth with limit 5000 weighs 250: 30 of them pass Binance's 6000 a minute.
        var statuses: [Int] = []
        var weights: [Int] = []
        for _ in 0..<30 {
            let answer = try await httpSend(.GET, sim.binance + "/api/v3/depth?symbol=BTCUSDT&limit=5000")
            statuses.append(answer.status)
            weights.append(Int(answer.header("X-MBX-USED-WEIGHT-1M") ?? "") ?? -1)
        }
        #expect(statuses == Array(repeating: 200, count: 30))
        // Counted all the same: each request adds 250 (a minute boundary may restart the count once in a run).
        let restarts = zip(weights, weights.dropFirst()).filter { $1 != $0 + 250 }
        #expect(weights.first.map { $0 % 250 == 0 } == true && restarts.count <= 1, "\(weights)")
        #expect(restarts.allSatisfy { $0.1 == 250 }, "\(weights)")
        _ = try await CLIRunner.offPool { sim.interrupt() }

        // Without the flag the same burst is refused (within 49 requests even if a minute boundary restarts the count).
        let limited = try await CLIRunner.offPool { try SimProcess.start() }
        var refused = false
        for _ in 0..<60 where !refused {
            refused = try await httpSend(.GET, limited.binance + "/api/v3/depth?symbol=BTCUSDT&limit=5000").status == 429
        }
        #expect(refused)
        _ = try await CLIRunner.offPool { limited.interrupt() }
    }

    @Test func theSameSeedIssuesTheSameKeys() async throws {
        let request = #"{"exchange":"okx","permissions":["read","trade"]}"#
        func keys(_ sim: SimProcess) async throws -> [String] {
            var issued: [String] = []
            for _ in 0..<2 {
                let answer = try await httpSend(.POST, sim.admin + "/keys", body: request)
                #expect(answer.status == 200)
                issued.append(answer.bodyText)
            }
            return issued
        }
        let first = try await CLIRunner.offPool { try SimProcess.start(["--seed", "7"]) }
        let firstKeys = try await keys(first)
        _ = try await CLIRunner.offPool { first.interrupt() }
        let again = try await CLIRunner.offPool { try SimProcess.start(["--seed", "7"]) }
        let againKeys = try await keys(again)
        _ = try await CLIRunner.offPool { again.interrupt() }
        let other = try await CLIRunner.offPool { try SimProcess.start(["--seed", "8"]) }
        let otherKeys = try await keys(other)
        _ = try await CLIRunner.offPool { other.interrupt() }

        #expect(firstKeys == againKeys, "the same seed, the same keys in the same order")
        #expect(firstKeys[0] != firstKeys[1], "each key is new")
        #expect(Set(firstKeys).isDisjoint(with: otherKeys), "another seed, other keys")
        // The in-process simulator with that seed agrees with the command.
        let inProcess = try await RunningSimulator.start(SimulatorConfiguration(seed: 7))
        let key = try await inProcess.createKey(SimulatedKeyRequest(exchange: "okx", permissions: ["read", "trade"]))
        await inProcess.shutdown()
        #expect(firstKeys[0].contains(key.apiKey) && firstKeys[0].contains(key.secret))
    }
}
