import ArgumentParser
import SentinelCore
import SentinelExchanges

/// `sentinel guide EXCHANGE`: the steps to create a key, printed without touching anything.
struct GuideCommand: ReportingCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "Show how to create an exchange key for Sentinel, step by step (changes nothing).",
        discussion: """
            Where API management is, which key type to choose, which permissions to tick and never to tick, the IP \
            whitelist, expiry and passphrase rules. Then store the key with `sentinel connect` or `sentinel vault add`.
            """)

    @Argument(help: "binance, binance-us, bybit, okx, kucoin or bitget.")
    var exchange: String

    @Option(name: .customLong("env"), help: "live, testnet or demo.")
    var environment: String?

    @Option(help: "spot, linear or inverse (default: spot, or the exchange's only product).")
    var product: String?

    @Option(help: "The name the key will have in the vault, for the suggested label.")
    var name: String?

    func execute() async throws(SentinelError) {
        let venue = try GuideText.venue(exchange: exchange, product: product, environment: environment)
        let keyName = name ?? GuideText.defaultName(venue)
        let steps = ExchangeGuidance.for(venue.exchange).steps(for: venue, name: keyName)
        Console.output(GuideText.title(venue))
        Console.output("")
        Console.output(GuideText.render(steps))
        Console.output("")
        var command = "sentinel connect \(venue.exchange.rawValue) --name \(keyName) --product \(venue.product)"
        if venue.environment.kind != .live { command += " --env \(venue.environment.kind)" }
        Console.output("Then store and test it: \(command)")
    }
}
