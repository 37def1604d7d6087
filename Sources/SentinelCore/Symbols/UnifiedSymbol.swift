/// A market named the way traders already write it (the ccxt convention): `BTC/USDT` for spot,
/// `BTC/USDT:USDT` for a linear perpetual settled in USDT, `BTC/USD:BTC` for an inverse perpetual settled in BTC.
public struct UnifiedSymbol: Sendable, Hashable, Codable, CustomStringConvertible {
    public let base: String
    public let quote: String
    /// The settlement asset of a perpetual; nil for spot.
    public let settle: String?

    public init(base: String, quote: String, settle: String? = nil) {
        self.base = base.uppercased()
        self.quote = quote.uppercased()
        self.settle = settle?.uppercased()
    }

    /// Parses `BASE/QUOTE` or `BASE/QUOTE:SETTLE`; nil for anything else.
    public init?(_ text: String) {
        let (pair, settlePart): (Substring, Substring?) = {
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            return (parts[0], parts.count == 2 ? parts[1] : nil)
        }()
        let assets = pair.split(separator: "/", omittingEmptySubsequences: false)
        guard assets.count == 2, Self.isAsset(assets[0]), Self.isAsset(assets[1]) else { return nil }
        if let settlePart, !Self.isAsset(settlePart) { return nil }
        self.init(base: String(assets[0]), quote: String(assets[1]), settle: settlePart.map(String.init))
    }

    /// The product this symbol names: spot without a settle asset, linear when it settles in the quote asset,
    /// inverse when it settles in the base asset.
    public var product: Product? {
        guard let settle else { return .spot }
        if settle == quote { return .linear }
        if settle == base { return .inverse }
        return nil
    }

    public var description: String {
        settle.map { "\(base)/\(quote):\($0)" } ?? "\(base)/\(quote)"
    }

    private static func isAsset(_ text: Substring) -> Bool {
        !text.isEmpty && text.count <= 20 && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
}

extension UnifiedSymbol {
    /// Encoded as the text a person reads: `"BTC/USDT:USDT"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let symbol = UnifiedSymbol(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a symbol: \(text)")
        }
        self = symbol
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
