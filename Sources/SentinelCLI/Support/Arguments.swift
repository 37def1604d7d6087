import SentinelCore

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

    /// A custom base URL: `http(s)://host[:port]` with nothing after the authority but an optional path.
    static func endpoint(_ text: String?) throws(SentinelError) -> String? {
        guard let text else { return nil }
        let valid =
            (text.hasPrefix("http://") || text.hasPrefix("https://")) && !text.contains(" ")
            && !text.contains("?") && !text.contains("#") && text.split(separator: "/").count >= 2
        guard valid else {
            throw .invalidInput(
                "\"\(text.prefix(80))\" is not a base URL.",
                fix: ["Give a base URL such as http://127.0.0.1:8900 (the simulator's Binance port)."])
        }
        return text
    }
}
