import ArgumentParser
import SentinelCore
import SentinelExchanges

struct OrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "order", abstract: "Place, cancel, show and list orders.",
        subcommands: [OrderPlaceCommand.self, OrderCancelCommand.self, OrderShowCommand.self, OrderListCommand.self])
}

/// Which order: `--symbol` and exactly one of `--id` and `--client-id`.
struct OrderTarget: ParsableArguments {
    @Option(help: "The order's symbol.")
    var symbol: String

    @Option(help: "The exchange's order id.")
    var id: String?

    @Option(help: "The client order id the order was placed with.")
    var clientId: String?

    func resolve() throws(SentinelError) -> (SymbolInput, OrderReference) {
        let input = try SymbolInput(symbol)
        switch (id, clientId) {
        case (let id?, nil): return (input, .exchangeID(id))
        case (nil, let clientId?): return (input, .clientOrderID(clientId))
        default:
            throw .invalidInput("Give exactly one of --id and --client-id.", fix: ["e.g. --client-id sn-…"])
        }
    }

    /// Resolves the target, runs `body` with a client, and prints the order it returns.
    func run(
        _ connection: ConnectionOptions, json: Bool,
        _ body: (any ExchangeClient, UnifiedSymbol, OrderReference) async throws(SentinelError) -> Order
    ) async throws {
        let (input, reference): (SymbolInput, OrderReference)
        do { (input, reference) = try resolve() } catch { throw Failure.report(error) }
        let order = try await withClient(connection, symbolProduct: input.product) { client throws(SentinelError) in
            try await body(client, try await input.resolve(with: client), reference)
        }
        OrderPrinter.print(order, json: json)
    }
}

/// Orders as a table, or JSON: one order (place, show, cancel) is one object, a list (`order list`) an array.
enum OrderPrinter {
    static func print(_ order: Order, json: Bool) {
        if json { return Console.output(JSONOutput.render(order)) }
        Console.output(table([order]))
    }

    static func print(_ orders: [Order], json: Bool) {
        if json { return Console.output(JSONOutput.render(orders)) }
        guard !orders.isEmpty else { return Console.output("No orders.") }
        Console.output(table(orders))
    }

    private static func table(_ orders: [Order]) -> String {
        var table = TableText(
            "symbol", "id", "client id", "side", "type", "price", "quantity", "filled", "avg price", "status")
        for order in orders {
            table.add(
                order.symbol.description, order.id, order.clientOrderID ?? "-", order.side.rawValue,
                order.postOnly ? "limit post-only" : order.type.rawValue, order.price?.description ?? "market",
                order.quantity.description, order.filledQuantity.description, order.averagePrice?.description ?? "-",
                order.status.rawValue)
        }
        return table.render()
    }
}

struct OrderPlaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: "Place an order exactly once (checked, journalled, looked up by client id after a timeout).")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "BTC/USDT (spot) or BTC/USDT:USDT (USDⓈ-M).") var symbol: String
    @Option(help: "buy or sell.") var side: String
    @Option(help: "limit or market.") var type: String = "limit"
    @Option(help: "The quantity, as an exact decimal.") var quantity: String
    @Option(help: "The limit price, as an exact decimal.") var price: String?
    @Option(help: "Your own client order id (default: generated).") var clientId: String?
    @Flag(help: "Rest on the book or be rejected; never take.") var postOnly = false
    @Flag(help: "Only reduce a position (derivatives).") var reduceOnly = false
    @Option(help: "gtc, ioc or fok.") var timeInForce: String = "gtc"

    func request(symbol unified: UnifiedSymbol) throws(SentinelError) -> OrderRequest {
        guard let sideValue = OrderSide(rawValue: side.lowercased()) else {
            throw .invalidInput("--side must be buy or sell.", fix: ["Use --side buy or --side sell."])
        }
        guard let typeValue = OrderType(rawValue: type.lowercased()) else {
            throw .invalidInput("--type must be limit or market.", fix: ["Use --type limit or --type market."])
        }
        guard let force = TimeInForce(rawValue: timeInForce.lowercased()) else {
            throw .invalidInput("--time-in-force must be gtc, ioc or fok.", fix: ["Use gtc unless you need IOC/FOK."])
        }
        let quantityValue: Quantity
        do { quantityValue = try Quantity(quantity) } catch {
            throw .invalidInput("--quantity: \(error)", fix: ["Write the quantity as a plain decimal, e.g. 0.001."])
        }
        var priceValue: Price?
        if let price {
            do { priceValue = try Price(price) } catch {
                throw .invalidInput("--price: \(error)", fix: ["Write the price as a plain decimal, e.g. 30000.5."])
            }
        }
        return OrderRequest(
            symbol: unified, side: sideValue, type: typeValue, quantity: quantityValue, price: priceValue,
            timeInForce: force, postOnly: postOnly, reduceOnly: reduceOnly,
            clientOrderID: try clientId.map { (id) throws(SentinelError) in try ClientOrderID(id) } ?? .generate())
    }

    func run() async throws {
        let input: SymbolInput
        do {
            input = try SymbolInput(symbol)
            // Every other argument is checked before any connection is made.
            _ = try request(symbol: input.unified ?? UnifiedSymbol(base: "CHECK", quote: "ONLY"))
        } catch { throw Failure.report(error) }
        // Ctrl-C while the order is on its way: the placement settles what it can; whatever stays open in the journal
        // is settled by client id the next time any command uses this key.
        let command = self
        try await Interruption.run {
            let placed = try await withClient(command.connection, symbolProduct: input.product) { client throws(SentinelError) in
                try await client.placeOrder(try command.request(symbol: try await input.resolve(with: client)))
            }
            OrderPrinter.print(placed, json: command.output.json)
        }
    }
}

struct OrderCancelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: OrderTarget

    func run() async throws {
        try await target.run(connection, json: output.json) { client, symbol, reference throws(SentinelError) in
            try await client.cancelOrder(symbol: symbol, reference)
        }
    }
}

struct OrderShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one order.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var target: OrderTarget

    func run() async throws {
        try await target.run(connection, json: output.json) { client, symbol, reference throws(SentinelError) in
            try await client.order(symbol: symbol, reference)
        }
    }
}

struct OrderListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List open orders.")

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this symbol.") var symbol: String?

    func run() async throws {
        let input: SymbolInput?
        do { input = try symbol.map { (text) throws(SentinelError) in try SymbolInput(text) } } catch {
            throw Failure.report(error)
        }
        let orders = try await withClient(connection, symbolProduct: input?.product) { client throws(SentinelError) in
            var unified: UnifiedSymbol?
            if let input { unified = try await input.resolve(with: client) }
            return try await client.openOrders(symbol: unified)
        }
        OrderPrinter.print(orders, json: output.json)
    }
}
