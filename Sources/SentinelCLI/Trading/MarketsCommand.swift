import Foundation
import ArgumentParser
import SentinelCore

struct MarketsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markets",
        abstract: "List markets with their exact order rules (tick, step, minimums). Needs no key: --exchange is enough.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Show only markets whose symbol contains this text (e.g. BTC).")
    var filter: String?

    func run() async throws {
        let markets = try await withClient(connection, publicData: true) { client throws(SentinelError) in
            try await client.markets()
        }
            .filter { filter == nil || $0.symbol.description.localizedCaseInsensitiveContains(filter!) }
        if output.json { return Console.output(JSONOutput.render(markets)) }
        var table = TableText("symbol", "id", "status", "tick", "step", "min qty", "min notional")
        for market in markets {
            table.add(
                market.symbol.description, market.nativeSymbol, market.isTrading ? "trading" : "halted",
                market.rules.tickSize.value.normalized.description, market.rules.stepSize.value.normalized.description,
                market.rules.minQuantity.value.normalized.description,
                market.rules.minNotional?.value.normalized.description ?? "-")
        }
        Console.output(table.render())
    }
}
