import SentinelCore
import SentinelNet

/// The errors every connector words the same way: a transport failure, an HTTP status with no readable error.
public enum HTTPFailure {
    public static func transport(
        _ failure: TransportFailure, endpoint: VenueEndpoint, venue: Venue, host: String
    ) -> SentinelError {
        let name = venue.exchange.displayName
        if failure.mayHaveArrived && !endpoint.idempotent {
            return SentinelError(
                .ambiguousOutcome,
                Diagnosis(
                    cause: "No answer from \(name) to \(endpoint.method) \(endpoint.path): the request may or may not "
                        + "have taken effect.",
                    evidence: [.init("host", host), .init("error", failure.detail)],
                    fix: ["Sentinel looks the order up by its client id before anything is sent again."]))
        }
        return SentinelError(
            .network,
            Diagnosis(
                cause: "Could not reach \(name) (\(failure.detail)).",
                evidence: [.init("host", host), .init("endpoint", endpoint.path)],
                fix: [
                    "Check the internet connection and that \(host) is reachable from this computer.",
                    "If you use a custom endpoint, check that it is running (e.g. `sentinel sim`).",
                ]))
    }

    public static func unexpectedStatus(
        _ response: HTTPResponse, endpoint: VenueEndpoint, venue: Venue, host: String
    ) -> SentinelError {
        let kind: SentinelError.Kind = response.status >= 500 ? .exchangeUnavailable : .badResponse
        return SentinelError(
            kind,
            Diagnosis(
                cause: "\(venue.exchange.displayName) answered \(endpoint.path) with HTTP \(response.status).",
                evidence: [
                    .init("answer starts with", String(response.bodyText.prefix(160))), .init("host", host),
                ],
                fix: response.status == 404
                    ? wrongHostFix(path: endpoint.path, venue: venue)
                    : ["Try again shortly; if it persists, check the exchange's status page."]))
    }

    /// A 404 on a path the venue has: the endpoint is another product's host (a spot URL used for futures, a
    /// simulator port of another listener).
    public static func wrongHostFix(path: String, venue: Venue) -> [String] {
        [
            "This host does not serve \(path): check that the endpoint belongs to \(venue.product) on "
                + "\(venue.exchange.displayName) (each product has its own host; on the local simulator, its own port "
                + "— `sentinel sim` prints them).",
            "Or choose the product this endpoint serves with --product.",
        ]
    }
}
