import Foundation

/// Whether the page tests can run here: which Chromium they would start, and whether the run demands one.
extension Browser {
    /// The names looked up on `PATH` (after `SENTINEL_CHROMIUM`, which may be a path or a name).
    static let executableNames = ["chromium", "chromium-browser", "chromium-headless-shell"]

    /// Whether a Chromium binary exists on this machine.
    public static var isAvailable: Bool { executable != nil }

    /// Whether this run demands the browser (`SENTINEL_REQUIRE_BROWSER=1`, as CI sets): then a missing Chromium makes
    /// the page tests fail instead of being skipped.
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["SENTINEL_REQUIRE_BROWSER"] == "1" }

    /// The condition for a browser suite's `.enabled(if:)`: run when Chromium is here, or when it is required (so that
    /// its absence fails the run, through `launch()` throwing `BrowserError.notInstalled`).
    public static var testsShouldRun: Bool { isAvailable || isRequired }

    /// The Chromium to start: `SENTINEL_CHROMIUM` when set (and then only it), else the first of `executableNames`
    /// found on `PATH`.
    static var executable: URL? {
        candidates.lazy.compactMap { FileManager.default.isExecutableFile(atPath: $0) ? URL(fileURLWithPath: $0) : nil }
            .first
    }

    /// Every path `executable` tries, in order (for the error that says none was found).
    static var candidates: [String] {
        let environment = ProcessInfo.processInfo.environment
        let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin", "/snap/bin"]
        let names: [String]
        if let chosen = environment["SENTINEL_CHROMIUM"], !chosen.isEmpty {
            if chosen.contains("/") { return [chosen] }
            names = [chosen]
        } else {
            names = executableNames
        }
        var seen = Set<String>()
        return names.flatMap { name in directories.map { "\($0)/\(name)" } }.filter { seen.insert($0).inserted }
    }
}
