import ArgumentParser
import SentinelCore

struct PositionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "positions",
        abstract: "Show open derivatives positions: every derivatives product of a stored key, or --product.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let plan: (asked: [Product], notAsked: [Product])
        do { plan = try connection.productsToAsk { $0 != .spot } } catch { throw Failure.report(error) }
        var positions: [Position] = []
        for product in plan.asked where product != .spot {
            positions += try await withClient(connection, symbolProduct: product) { client throws(SentinelError) in
                try await client.positions()
            }
        }
        if output.json { return Console.output(JSONOutput.render(positions)) }
        let read = plan.asked.filter { $0 != .spot }
        // Never "none" for a product that was not asked.
        let others = plan.notAsked.map(\.rawValue)
        let hint = others.isEmpty
            ? "" : "\nOnly \(read.isEmpty ? "spot" : read.map(\.rawValue).joined(separator: ", ")) was read; for "
                + "\(others.joined(separator: " or ")) add --product \(others[0])."
        guard !positions.isEmpty else {
            if read.isEmpty {
                return Console.output("Spot has no positions." + hint)
            }
            return Console.output("No open positions (\(read.map(\.rawValue).joined(separator: ", "))).\(hint)")
        }
        var table = TableText("symbol", "side", "size", "entry", "mark", "unrealized PnL", "liquidation")
        for position in positions {
            table.add(
                position.symbol.description, position.side == .sell ? "short" : "long",
                position.size.magnitude.description, position.entryPrice.description,
                position.markPrice?.description ?? "-", position.unrealizedPnl.description,
                position.liquidationPrice?.description ?? "-")
        }
        Console.output(table.render() + hint)
    }
}
