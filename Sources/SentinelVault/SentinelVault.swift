// SentinelVault: the encrypted keystore (scrypt + AEAD, atomic saves, credential hygiene).
// Filled by the vault issue; the credential checks it will use live in SentinelCore (`CredentialCheck`).
import SentinelCore

/// Where Sentinel keeps its data: `SENTINEL_HOME`, or `~/.sentinel`.
public enum SentinelHome {
    public static func path(environment: [String: String]) -> String {
        if let home = environment["SENTINEL_HOME"], !home.isEmpty { return home }
        return (environment["HOME"] ?? ".") + "/.sentinel"
    }
}
