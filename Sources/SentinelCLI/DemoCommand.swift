import Foundation
import ArgumentParser
import SentinelCore
import SentinelExchanges

/// `sentinel demo`. Today it checks request signing for all five exchanges against their published vectors; the
/// simulator-backed doctor run of design.md §2 replaces this as the simulator, connectors, vault and doctor land.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run Sentinel's demonstration (today: the signing self-test of all five exchanges).")

    func run() async throws {
        Console.output("Sentinel demo — signing self-test against each exchange's verified vectors\n")
        let results = SigningSelfTest.run()
        let width = results.map { $0.exchange.displayName.count }.max() ?? 0
        for result in results {
            let name = result.exchange.displayName.padding(toLength: width, withPad: " ", startingAt: 0)
            Console.output("  \(result.passed ? "pass" : "FAIL")  \(name)  \(result.name)")
        }
        let failed = results.filter { !$0.passed }.count
        Console.output(
            "\n\(results.count - failed) passed, \(failed) failed.\n"
                + "Next in the demo: the local simulator of all five exchanges, and the connection doctor run on good "
                + "and classic bad keys. Until then, try `sentinel sign --help`.")
        if failed > 0 { throw ExitCode(1) }
    }
}
