import SentinelCore
import SentinelExchanges

/// The creation steps of `ExchangeGuidance` as text for a person, shared by `sentinel guide` and
/// `sentinel connect`.
enum GuideText {
    /// The venue a person asked for: the exchange, `--product` (default: spot, or the exchange's only product) and
    /// `--env` (default: live), refused when the exchange does not have it.
    static func venue(
        exchange: String, product: String?, environment: String?, endpoint: String? = nil, insecureHTTP: Bool = false
    )
        throws(SentinelError) -> Venue
    {
        let exchangeID = try Arguments.exchange(exchange)
        let chosen = try VaultAddCommand.products(product.map { [$0] } ?? [], exchangeID).first ?? .spot
        return try Venue(
            exchangeID, chosen,
            Environment(
                try Arguments.environment(environment ?? "live"), customEndpoint: try Arguments.endpoint(endpoint, insecureHTTP: insecureHTTP)))
    }

    static func title(_ venue: Venue) -> String {
        "Creating \(withArticle(venue.exchange.displayName)) key for Sentinel — \(venue.product), \(venue.environment.kind)"
    }

    /// One step: its number and title, then its lines as bullets.
    static func render(_ step: GuidanceStep, number: Int, of total: Int) -> String {
        (["Step \(number)/\(total): \(step.title)"] + step.lines.map { "  - \($0)" }).joined(separator: "\n")
    }

    static func render(_ steps: [GuidanceStep]) -> String {
        steps.enumerated().map { render($1, number: $0 + 1, of: steps.count) }.joined(separator: "\n\n")
    }

    /// A name for the key when none is given: exchange and product, and the environment unless live.
    static func defaultName(_ venue: Venue) -> String {
        var name = "\(venue.exchange.rawValue)-\(venue.product.rawValue)"
        if venue.environment.kind != .live { name += "-\(venue.environment.kind.rawValue)" }
        return name
    }
}
