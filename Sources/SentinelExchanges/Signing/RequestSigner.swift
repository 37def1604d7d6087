import SentinelCore
import SentinelNet

/// Signs requests for one venue with one key, following that exchange's published rules to the byte.
public protocol RequestSigner: Sendable {
    var venue: Venue { get }

    /// Signs `draft` as if sent at `timestampMs` (Unix milliseconds, already corrected for clock offset).
    func sign(_ draft: RequestDraft, timestampMs: Int64) throws(SentinelError) -> SignedRequest
}

extension RequestSigner {
    /// The URL for `path` and `query` on this venue's base URL.
    func url(base: String, path: String, query: String) -> String {
        query.isEmpty ? base + path : base + path + "?" + query
    }
}
