import SentinelCore

/// How to create a key on one exchange, as data: where the API pages are, which key type to choose, which
/// permissions to tick and never to tick, the IP whitelist, expiry and passphrase rules. `sentinel guide`,
/// `sentinel connect` and the doctor's fixes all read it, so that they never disagree. One value per exchange,
/// in the connector's folder (`Binance/BinanceGuidance.swift`, …); `ExchangeGuidance.for(_:)` finds it.
public struct ExchangeGuidance: Sendable {
    public let exchange: ExchangeID
    /// The menu path to API management on the live site, e.g. "binance.com → Profile → API Management".
    public let apiPage: String
    /// Where keys for the other environments are made (each environment has its own keys).
    public let environmentPages: [EnvironmentKind: String]
    /// Which key type to choose and why.
    public let keyTypeAdvice: [String]
    /// The permission boxes to tick for each product, by the names the exchange's page uses.
    public let permissionsToTick: [Product: [String]]
    /// The permission boxes a trading bot's key must never have.
    public let neverTick: [String]
    /// What to enter as the IP whitelist and why it matters on this exchange.
    public let ipWhitelist: [String]
    /// When keys stop working on this exchange.
    public let expiry: [String]
    /// The passphrase rules; empty when the exchange's keys have none.
    public let passphrase: [String]
    /// Anything else worth knowing before creating the key.
    public let notes: [String]
    /// The doctor's fixes, in the exchange's words.
    public let fixes: Fixes

    public struct Fixes: Sendable {
        /// Where the trade permission is, per product (the doctor prefixes "On <api page>, ").
        public let tradePermission: [Product: String]
        /// The name of the withdrawal box on the key's page.
        public let withdrawBox: String
        /// The names of the transfer boxes on the key's page; nil where transfers come with the trade permission.
        public let transferBoxes: String?
        /// A sentence added to the IP whitelist fix, if the exchange punishes keys without one.
        public let ipWhitelistConsequence: String?
        /// A sentence added to the expired-key fix: how to stop it recurring.
        public let expiryPrevention: String?

        public init(
            tradePermission: [Product: String], withdrawBox: String, transferBoxes: String? = nil,
            ipWhitelistConsequence: String? = nil, expiryPrevention: String? = nil
        ) {
            self.tradePermission = tradePermission
            self.withdrawBox = withdrawBox
            self.transferBoxes = transferBoxes
            self.ipWhitelistConsequence = ipWhitelistConsequence
            self.expiryPrevention = expiryPrevention
        }
    }

    public init(
        exchange: ExchangeID, apiPage: String, environmentPages: [EnvironmentKind: String] = [:],
        keyTypeAdvice: [String], permissionsToTick: [Product: [String]], neverTick: [String], ipWhitelist: [String],
        expiry: [String], passphrase: [String] = [], notes: [String] = [], fixes: Fixes
    ) {
        self.exchange = exchange
        self.apiPage = apiPage
        self.environmentPages = environmentPages
        self.keyTypeAdvice = keyTypeAdvice
        self.permissionsToTick = permissionsToTick
        self.neverTick = neverTick
        self.ipWhitelist = ipWhitelist
        self.expiry = expiry
        self.passphrase = passphrase
        self.notes = notes
        self.fixes = fixes
    }

    /// The guidance for `exchange`.
    public static func `for`(_ exchange: ExchangeID) -> ExchangeGuidance {
        ExchangeModules.module(for: exchange).guidance(for: exchange)
    }

    /// The page where keys for `environment` are made.
    public func page(for environment: EnvironmentKind) -> String {
        environmentPages[environment] ?? apiPage
    }

    /// A label for the key on the exchange's page, e.g. "Sentinel - binance-btc-grid".
    public static func suggestedLabel(for name: String) -> String {
        "Sentinel - \(name)"
    }
}
