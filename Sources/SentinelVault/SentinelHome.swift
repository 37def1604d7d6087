// SentinelVault: the encrypted keystore — scrypt and AES-256-GCM over one file, atomic saves, credential hygiene.
import SentinelCore

/// Where Sentinel keeps its data: `SENTINEL_HOME`, or `~/.sentinel`.
public enum SentinelHome {
    public static func path(environment: [String: String]) -> String {
        if let home = environment["SENTINEL_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? ".") + "/.sentinel"
    }
}
