import Foundation
import SentinelCore

/// One stored key: what it is for, the credentials, and what Sentinel learned about it.
///
/// `description` shows the key's fingerprint and never the secret or the passphrase.
public struct VaultEntry: Sendable, Hashable, CustomStringConvertible {
    /// The name a person types (`--key NAME`): letters, digits, `.`, `_` and `-`.
    public var name: String
    public var exchange: ExchangeID
    /// The products the key is meant for, at least one, in the order given.
    public var products: [Product]
    /// The exchange's live, testnet or demo environment, or a custom endpoint (the simulator) speaking its protocol.
    public var environment: Environment
    public var apiKey: String
    public var keyType: KeyType
    /// The HMAC secret, or the PEM private key for Ed25519 and RSA keys.
    public var secret: SecretText
    public var passphrase: SecretText?
    /// A note for people, e.g. "Sentinel - BTC strategy".
    public var label: String?
    public var createdAt: Date
    /// When the exchange says the key stops working (Bybit's unbound keys after 90 days), if it told.
    public var expiresAt: Date?
    /// The last time the key was seen to authenticate on the exchange.
    public var lastVerifiedAt: Date?

    public init(
        name: String, exchange: ExchangeID, products: [Product], environment: Environment,
        credentials: Credentials, label: String? = nil, createdAt: Date = Date(), expiresAt: Date? = nil,
        lastVerifiedAt: Date? = nil
    ) {
        self.name = name
        self.exchange = exchange
        self.products = products
        self.environment = environment
        self.apiKey = credentials.apiKey
        self.keyType = credentials.keyType
        self.secret = credentials.secret
        self.passphrase = credentials.passphrase
        self.label = label
        self.createdAt = Self.toMilliseconds(createdAt)
        self.expiresAt = expiresAt.map(Self.toMilliseconds)
        self.lastVerifiedAt = lastVerifiedAt.map(Self.toMilliseconds)
    }

    /// The vault stores times to the millisecond; rounding here makes an entry equal to itself after a save.
    static func toMilliseconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: Double(Int64((date.timeIntervalSince1970 * 1000).rounded())) / 1000)
    }

    public var credentials: Credentials {
        get { Credentials(apiKey: apiKey, secret: secret, passphrase: passphrase, keyType: keyType) }
        set {
            apiKey = newValue.apiKey
            secret = newValue.secret
            passphrase = newValue.passphrase
            keyType = newValue.keyType
        }
    }

    /// The first four and last four characters of the API key.
    public var fingerprint: String { credentials.fingerprint }

    /// The venue of the first product. Throws for a combination the exchange does not have.
    public var venue: Venue {
        get throws(SentinelError) { try Venue(exchange, products.first ?? .spot, environment) }
    }

    /// The venue for `product`, which must be one of the entry's products.
    public func venue(for product: Product) throws(SentinelError) -> Venue {
        guard products.contains(product) else {
            throw VaultError.make(
                .invalidInput, .invalidEntry,
                "The key \"\(name)\" is stored for \(products.map(\.rawValue).joined(separator: ", ")), not "
                    + "\(product).",
                fix: [
                    "Use a key stored for \(product), or add one: `sentinel vault add NAME --exchange \(exchange) "
                        + "--product \(product)`."
                ])
        }
        return try Venue(exchange, product, environment)
    }

    /// Every venue the key is stored for.
    public var venues: [Venue] {
        get throws(SentinelError) {
            var result: [Venue] = []
            for product in products { result.append(try Venue(exchange, product, environment)) }
            return result
        }
    }

    public var description: String {
        "VaultEntry(\(name), \(exchange) \(products.map(\.rawValue).joined(separator: "+")) \(environment), "
            + "\(credentials))"
    }
}
