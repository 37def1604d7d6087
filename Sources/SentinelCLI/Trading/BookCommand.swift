import ArgumentParser
import SentinelCore
import SentinelExchanges

struct BookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "book",
        abstract: "Show a market's order book, best levels first, quantities in the base asset. Needs no key.")

    @Argument(help: "The market: BTC/USDT, BTC/USDT:USDT, or the exchange's own id (BTCUSDT).")
    var symbol: String

    @Option(help: "Levels a side, 1 to 1000.")
    var depth: Int = 10

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    func run() async throws {
        let input: SymbolInput
        do { input = try SymbolInput(symbol) } catch { throw Failure.report(error) }
        let depth = depth
        let book = try await withClient(connection, symbolProduct: input.product, publicData: true) {
            client throws(SentinelError) in
            try await client.orderBook(try await input.resolve(with: client), depth: depth)
        }
        if output.json { return Console.output(JSONOutput.render(book)) }
        var table = TableText("bid qty", "bid", "ask", "ask qty")
        for index in 0..<max(book.bids.count, book.asks.count) {
            let bid = index < book.bids.count ? book.bids[index] : nil
            let ask = index < book.asks.count ? book.asks[index] : nil
            table.add(
                bid?.quantity.description ?? "", bid?.price.description ?? "", ask?.price.description ?? "",
                ask?.quantity.description ?? "")
        }
        Console.output("\(book.symbol)\n" + table.render())
    }
}
