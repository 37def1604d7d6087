import Foundation
import SentinelTestSupport
import Testing

/// The headless-Chromium driver the console's page tests use, checked against a tiny in-process site. The tests run
/// one at a time (each starts its own browser; several at once on a small CI machine only make them slow). Skipped
/// where no Chromium is installed, unless `SENTINEL_REQUIRE_BROWSER=1` (CI), where a missing browser fails them.
@Suite(.enabled(if: Browser.testsShouldRun), .timeLimit(.minutes(5)), .serialized)
struct BrowserDriverTests {
    /// Serves the test site and opens a fresh browser page for `body`; both end with it.
    func withSiteAndPage(_ body: @escaping @Sendable (URL, Page) async throws -> Void) async throws {
        try await FormPageServer.serve { site in
            try await Browser.withPage { page in try await body(site, page) }
        }
    }
}
