import ArgumentParser
import SentinelCore

struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positions", abstract: "Show open derivatives positions (use --product linear).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let positions = try await withClient(connection) { client throws(SentinelError) in try await client.positions() }
        if output.json { return Console.output(JSONOutput.render(positions)) }
        guard !positions.isEmpty else { return Console.output("No open positions.") }
        var table = TableText("symbol", "side", "size", "entry", "mark", "unrealized PnL", "liquidation")
        for position in positions {
            table.add(
                position.symbol.description, position.side == .sell ? "short" : "long",
                position.size.magnitude.description, position.entryPrice.description,
                position.markPrice?.description ?? "-", position.unrealizedPnl.description,
                position.liquidationPrice?.description ?? "-")
        }
        Console.output(table.render())
    }
}
