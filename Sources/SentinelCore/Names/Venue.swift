/// One place orders can go: an exchange, a product and an environment. Only combinations that exist can be made.
public struct Venue: Sendable, Hashable, Codable, CustomStringConvertible {
    public let exchange: ExchangeID
    public let product: Product
    public let environment: Environment

    /// Throws `SentinelError.unsupported` for combinations the exchange does not have (KuCoin demo, Binance.US
    /// linear), with what does exist in the diagnosis.
    public init(_ exchange: ExchangeID, _ product: Product, _ environment: Environment) throws(SentinelError) {
        let traits = exchange.traits
        guard let environments = traits.environments[product] else {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "\(exchange.displayName) has no \(product) market.",
                    evidence: [.init("products", traits.products.map(\.rawValue).joined(separator: ", "))],
                    fix: ["Use one of the products \(exchange.displayName) offers: "
                        + traits.products.map(\.rawValue).joined(separator: ", ") + "."]))
        }
        guard environments.contains(environment.kind) else {
            let offered = EnvironmentKind.allCases.filter(environments.contains).map(\.rawValue)
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "\(exchange.displayName) has no \(environment.kind) environment for \(product).",
                    evidence: [.init("environments", offered.joined(separator: ", "))],
                    fix: [
                        "Use one of: \(offered.joined(separator: ", ")).",
                        "To rehearse without real money, point Sentinel at the local simulator (`sentinel sim`).",
                    ]))
        }
        self.exchange = exchange
        self.product = product
        self.environment = environment
    }

    public var description: String { "\(exchange) \(product) \(environment)" }
}
