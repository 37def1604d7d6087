/// What each exchange offers, as data in one place: which products exist in which environments, whether keys carry
/// a passphrase and which key types can sign. Every "does this combination exist?" question is answered here.
public struct ExchangeTraits: Sendable {
    public let exchange: ExchangeID
    /// Environments that exist for each product. A product missing from the table does not exist on the exchange.
    public let environments: [Product: Set<EnvironmentKind>]
    public let passphrase: PassphraseRule
    public let keyTypes: Set<KeyType>
    /// How the exchange tells its environments apart: by host (Binance, Bybit: the simulator then uses a `/testnet`
    /// or `/demo` path prefix on one port) or by a header on the live host (OKX `x-simulated-trading`, Bitget
    /// `paptrading`).
    public var environmentSelection: EnvironmentSelection { exchange == .okx || exchange == .bitget ? .header : .host }

    public enum EnvironmentSelection: Sendable, Equatable {
        case host
        case header
    }

    public enum PassphraseRule: Sendable, Equatable {
        case none
        /// Chosen by the user when the key was created and needed on every signed request.
        case required
    }

    public var products: [Product] { Product.allCases.filter { environments[$0] != nil } }

    public func supports(_ product: Product, in environment: EnvironmentKind) -> Bool {
        environments[product]?.contains(environment) ?? false
    }

    public static func of(_ exchange: ExchangeID) -> ExchangeTraits {
        switch exchange {
        case .binance:
            // Spot on api/testnet.binance.vision/demo-api; USDⓈ-M on fapi/testnet.binancefuture.com/demo-fapi.
            ExchangeTraits(
                exchange: .binance,
                environments: [.spot: [.live, .testnet, .demo], .linear: [.live, .testnet, .demo]],
                passphrase: .none, keyTypes: [.hmac, .ed25519, .rsa])
        case .binanceUS:
            // Spot only, live only; same signing as binance.com (Ed25519/RSA as on binance.com).
            ExchangeTraits(
                exchange: .binanceUS, environments: [.spot: [.live]],
                passphrase: .none, keyTypes: [.hmac, .ed25519, .rsa])
        case .bybit:
            ExchangeTraits(
                exchange: .bybit,
                environments: [
                    .spot: [.live, .testnet, .demo], .linear: [.live, .testnet, .demo],
                    .inverse: [.live, .testnet, .demo],
                ],
                passphrase: .none, keyTypes: [.hmac, .rsa])
        case .okx:
            // Demo is the live host with `x-simulated-trading: 1`; OKX has no separate testnet.
            ExchangeTraits(
                exchange: .okx,
                environments: [.spot: [.live, .demo], .linear: [.live, .demo], .inverse: [.live, .demo]],
                passphrase: .required, keyTypes: [.hmac])
        case .kucoin:
            // The sandbox was shut down in 2023: live only. Spot on api.kucoin.com, futures on api-futures.
            ExchangeTraits(
                exchange: .kucoin,
                environments: [.spot: [.live], .linear: [.live], .inverse: [.live]],
                passphrase: .required, keyTypes: [.hmac])
        case .bitget:
            // Demo is the live host with `paptrading: 1`.
            ExchangeTraits(
                exchange: .bitget,
                environments: [.spot: [.live, .demo], .linear: [.live, .demo], .inverse: [.live, .demo]],
                passphrase: .required, keyTypes: [.hmac, .rsa])
        }
    }
}

extension ExchangeID {
    public var traits: ExchangeTraits { ExchangeTraits.of(self) }
}
