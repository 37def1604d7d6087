import SentinelCore

/// What each exchange's API page hands out: the key and HMAC secret in the exchange's own format, so that a client's
/// format checks see what they would see on the real site.
/// Binance: 64 letters and digits each. Bybit: 18 and 36. OKX: a UUID key and 32 upper-case hex digits. KuCoin: 24
/// lower-case hex digits (an object id) and a UUID secret. Bitget: `bg_` and 32 hex digits, and 64 hex digits.
enum IssuedKeyFormat {
    static func apiKey(for exchange: ExchangeID, _ generator: inout SeededGenerator) -> String {
        switch exchange {
        case .binance, .binanceUS: generator.string(count: 64, alphabet: SeededGenerator.alphanumerics)
        case .bybit: generator.string(count: 18, alphabet: SeededGenerator.alphanumerics)
        case .okx: uuid(&generator)
        case .kucoin: generator.string(count: 24, alphabet: lowerHex)
        case .bitget: "bg_" + generator.string(count: 32, alphabet: lowerHex)
        }
    }

    static func secret(for exchange: ExchangeID, _ generator: inout SeededGenerator) -> String {
        switch exchange {
        case .binance, .binanceUS: generator.string(count: 64, alphabet: SeededGenerator.alphanumerics)
        case .bybit: generator.string(count: 36, alphabet: SeededGenerator.alphanumerics)
        case .okx: generator.string(count: 32, alphabet: Array("0123456789ABCDEF"))
        case .kucoin: uuid(&generator)
        case .bitget: generator.string(count: 64, alphabet: lowerHex)
        }
    }

    private static let lowerHex: [Character] = Array("0123456789abcdef")

    /// 8-4-4-4-12 lower-case hex digits.
    private static func uuid(_ generator: inout SeededGenerator) -> String {
        [8, 4, 4, 4, 12].map { generator.string(count: $0, alphabet: lowerHex) }.joined(separator: "-")
    }
}
