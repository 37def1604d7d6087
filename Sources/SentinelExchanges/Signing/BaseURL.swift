import SentinelCore

/// The base URL requests go to: the exchange's own host for the venue, or the custom endpoint that replaces it.
enum BaseURL {
    static func resolve(_ venue: Venue, own: String) -> String {
        guard var custom = venue.environment.customEndpoint else { return own }
        while custom.hasSuffix("/") { custom.removeLast() }
        return custom
    }
}
