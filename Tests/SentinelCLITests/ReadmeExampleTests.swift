import Foundation
import SentinelSimulator
import Testing

/// The README's shell blocks, run as written: what a new user pastes must work.
@Suite(.timeLimit(.minutes(5))) struct ReadmeExampleTests {
    static let readme: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""
    }()

    /// The `index`-th ```sh block after the heading that starts with `heading`.
    static func block(after heading: String, index: Int = 0) throws -> String {
        let section = try #require(readme.range(of: "\n" + heading), "README has no heading \(heading)")
        var rest = readme[section.upperBound...]
        var found: Substring = ""
        for _ in 0...index {
            let start = try #require(rest.range(of: "```sh\n"), "no shell block after \(heading)")
            let end = try #require(rest[start.upperBound...].range(of: "\n```"))
            found = rest[start.upperBound..<end.lowerBound]
            rest = rest[end.upperBound...]
        }
        return String(found)
    }

    @Test func theSignExamplesRunAsWritten() async throws {
        let script = try Self.block(after: "### `sentinel sign`")
        #expect(script.contains("sentinel sign binance") && script.contains("sentinel sign okx"))
        let folder = try TemporaryFolder()
        let outcome = try await CLIRunner.shell(script, in: folder.url, environment: ["SENTINEL_HOME": folder.url.path + "/home"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n")
        #expect(lines.count == 2, "\(outcome.stdout)")
        for line in lines {
            let request = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(request?["method"] != nil && request?["url"] != nil && request?["headers"] != nil, "\(line)")
        }
        #expect(outcome.stdout.contains("https://api.binance.com/api/v3/account?timestamp="))
        #expect(outcome.stdout.contains(#""OK-ACCESS-TIMESTAMP": "2020-12-08T09:08:57.715Z""#))
    }

    @Test func everyCommandOnTheSimulatorRunsAsWritten() async throws {
        let script = try Self.block(after: "### Try every command on the simulator", index: 1)
        #expect(script.contains("sentinel order place") && script.contains("sentinel doctor"))
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let folder = try TemporaryFolder()
        let outcome = try await CLIRunner.shell(
            script, in: folder.url,
            environment: [
                "ADMIN": simulator.adminURL, "SPOT": simulator.url(for: .binance),
                "USDM": simulator.url(for: .binanceUSDM), "SENTINEL_HOME": folder.url.path + "/home",
            ])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains("BTCUSDT"))
        #expect(outcome.stdout.contains("USDT   10000.00000000"))
        #expect(outcome.stdout.contains("readme-1") && outcome.stdout.contains("canceled"))
        #expect(outcome.stdout.contains("No open positions (linear)."))
        #expect(outcome.stdout.contains("ready to trade."))
        #expect(outcome.stdout.contains("No findings at critical or above on 1 key."), "\(outcome.stdout)")
    }

    /// The watch section's block, after the simulator block that makes `sim-key.json`, in the same folder.
    @Test func theWatchExampleReportsWhatSomeoneElseDid() async throws {
        let setup = try Self.block(after: "### Try every command on the simulator", index: 1)
        let watch = try Self.block(after: "### `sentinel watch`")
        #expect(watch.contains("sentinel watch"))
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        let folder = try TemporaryFolder()
        let outcome = try await CLIRunner.shell(
            setup + "\n" + watch, in: folder.url,
            environment: [
                "ADMIN": simulator.adminURL, "SPOT": simulator.url(for: .binance),
                "USDM": simulator.url(for: .binanceUSDM), "SENTINEL_HOME": folder.url.path + "/home",
            ])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains(#""kind":"foreign-order""#), "\(outcome.stdout)")
        #expect(outcome.stdout.contains(#""client order id":"phone1""#))
        #expect(outcome.stdout.contains(#""kind":"withdrawal""#))
        #expect(outcome.stdout.contains("findings: exit 1"))
    }
}
