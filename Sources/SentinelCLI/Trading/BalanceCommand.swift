import ArgumentParser
import SentinelCore

struct BalanceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "balance", abstract: "Show the account's balances (free and locked).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let balances = try await withClient(connection) { client throws(SentinelError) in try await client.balances() }
        if output.json { return Console.output(JSONOutput.render(balances)) }
        guard !balances.isEmpty else { return Console.output("No balances.") }
        var table = TableText("asset", "free", "locked", "total")
        for balance in balances.sorted(by: { $0.asset < $1.asset }) {
            table.add(balance.asset, balance.free.description, balance.locked.description, balance.total.description)
        }
        Console.output(table.render())
    }
}
