import ArgumentParser
import SentinelCore
import SentinelExchanges

struct TickerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ticker", abstract: "Show a market's best bid, best ask and last price. Needs no key: --exchange is enough.")

    @Argument(help: "The market: BTC/USDT, BTC/USDT:USDT, or the exchange's own id (BTCUSDT).")
    var symbol: String

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let input: SymbolInput
        do { input = try SymbolInput(symbol) } catch { throw Failure.report(error) }
        let ticker = try await withClient(connection, symbolProduct: input.product, publicData: true) {
            client throws(SentinelError) in
            try await client.ticker(try await input.resolve(with: client))
        }
        if output.json { return Console.output(JSONOutput.render(ticker)) }
        var table = TableText("symbol", "bid", "ask", "last")
        table.add(
            ticker.symbol.description, ticker.bid?.description ?? "-", ticker.ask?.description ?? "-",
            ticker.last?.description ?? "-")
        Console.output(table.render())
    }
}
