import ArgumentParser
import SentinelCore
import SentinelExchanges

/// Parses the names a person types, with errors that list what is accepted.
enum Arguments {
    static func exchange(_ name: String) throws(SentinelError) -> ExchangeID {
        guard let exchange = ExchangeID(name: name) else {
            throw .invalidInput(
                "Unknown exchange \"\(name.prefix(40))\".",
                fix: ["Use one of: " + ExchangeID.allCases.map(\.rawValue).joined(separator: ", ") + "."])
        }
        return exchange
    }

    /// The exchanges whose trading commands work today, as typed on the command line ("binance, binance-us").
    static var connectedExchanges: String {
        ExchangeID.allCases.filter(ExchangeRegistry.connectorExchanges.contains).map(\.rawValue)
            .joined(separator: ", ")
    }

    static func product(_ name: String) throws(SentinelError) -> Product {
        guard let product = Product(name: name) else {
            throw .invalidInput(
                "Unknown product \"\(name.prefix(40))\".",
                fix: ["Use spot, linear (USDⓈ-M / USDT-M perpetuals) or inverse (Coin-M)."])
        }
        return product
    }

    static func environment(_ name: String) throws(SentinelError) -> EnvironmentKind {
        guard let environment = EnvironmentKind(rawValue: name.lowercased()) else {
            throw .invalidInput(
                "Unknown environment \"\(name.prefix(40))\".", fix: ["Use live, testnet or demo."])
        }
        return environment
    }

    /// A custom base URL, checked by `EndpointURL` (https, or plain http only for this machine unless
    /// `insecureHTTP`; no user information), in canonical form.
    static func endpoint(_ text: String?, insecureHTTP: Bool = false) throws(SentinelError) -> String? {
        guard let text else { return nil }
        let endpoint = try EndpointURL(text, allowInsecureHTTP: insecureHTTP)
        if endpoint.isInsecureRemote { InsecureHTTP.warn(endpoint) }
        return endpoint.url
    }

    /// The venue of a stored key, after the same check of its endpoint as one typed on the command line: a vault
    /// entry saved with `--insecure-http` needs the flag again each time it is used.
    static func checkedStoredVenue(_ venue: Venue, insecureHTTP: Bool) throws(SentinelError) -> Venue {
        guard let stored = venue.environment.customEndpoint else { return venue }
        _ = try endpoint(stored, insecureHTTP: insecureHTTP)
        return venue
    }
}

/// `--insecure-http`: the one way to send a key over plain HTTP to another machine, and what it risks.
struct InsecureHTTPOption: ParsableArguments {
    @Flag(
        name: .customLong("insecure-http"),
        help: ArgumentHelp(
            "Allow a plain http:// endpoint on another machine. Anyone on the network path can then read the API "
                + "key and replay the signed requests; use only on a network you control."))
    var allowed = false
}

enum InsecureHTTP {
    static func warn(_ endpoint: EndpointURL) {
        Console.warning(
            "sending the API key and signed requests to \(endpoint.host) over plain HTTP (--insecure-http): anyone "
                + "on the network path can read and replay them")
    }
}
