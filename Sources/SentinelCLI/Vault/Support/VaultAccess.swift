import Foundation
import Synchronization
import SentinelCore
import SentinelVault

/// Opening the vault the way every `vault` command does: from SENTINEL_HOME, with the password from its source,
/// and a warning when the vault uses test-only KDF parameters.
enum VaultAccess {
    /// Set only by tests: `vault init` and `vault passwd` then use `KDFParameters.weakForTesting`, which the file
    /// records; every later open warns about it.
    static let weakKDFVariable = "SENTINEL_TEST_ONLY_WEAK_KDF"

    static var location: VaultLocation { .standard() }

    static func open(_ password: VaultPasswordOptions) throws(SentinelError) -> UnlockedVault {
        let location = location
        try Vault.checkOpenable(at: location)
        let typed = try password.current()
        let vault = try Spinner.whileRunning("Unlocking the vault") { () throws(SentinelError) in
            try Vault.open(at: location, password: typed)
        }
        warnIfWeak(vault.kdfParameters)
        return vault
    }

    /// The stored entry `name` for a trading command. The vault is unlocked once per process (scrypt takes about a
    /// second): `positions` asks for several products of one key and reads the entry once for each.
    static func entry(named name: String, _ password: VaultPasswordOptions) throws(SentinelError) -> VaultEntry {
        if let unlocked = unlockedForReading.withLock({ $0 }) { return try unlocked.requireEntry(named: name) }
        let vault = try open(password)
        unlockedForReading.withLock { $0 = vault }
        return try vault.requireEntry(named: name)
    }

    private static let unlockedForReading = Mutex<UnlockedVault?>(nil)

    /// A new empty vault (what `vault init` does): the password from the password file, or typed twice.
    static func create(_ password: VaultPasswordOptions) throws(SentinelError) -> UnlockedVault {
        let location = location
        try Vault.checkCreatable(at: location)
        let newPassword = try password.new(file: password.file, prompt: "New vault password: ")
        let vault = try Vault.create(at: location, password: newPassword, parameters: newParameters)
        Console.output("Created the vault \(vault.location.file) (\(vault.kdfParameters), AES-256-GCM).")
        Console.output("Sentinel cannot recover a forgotten password: keep it in your password manager.")
        return vault
    }

    /// The vault, created first when there is none yet.
    static func openOrCreate(_ password: VaultPasswordOptions) throws(SentinelError) -> UnlockedVault {
        guard Vault.exists(at: location) else {
            Console.output("There is no vault yet at \(location.file): creating one to keep the key encrypted.")
            return try create(password)
        }
        return try open(password)
    }

    /// The parameters for a new vault or a new password.
    static var newParameters: KDFParameters {
        guard ProcessInfo.processInfo.environment[weakKDFVariable] == "1" else { return .standard }
        Console.warning(
            "\(weakKDFVariable)=1: using test-only weak key derivation (\(KDFParameters.weakForTesting)). "
                + "Never store real keys in this vault.")
        return .weakForTesting
    }

    static func warnIfWeak(_ parameters: KDFParameters) {
        guard parameters.isBelowStandard else { return }
        Console.warning(
            "this vault uses weak test-only key derivation (\(parameters)); run `sentinel vault passwd` "
                + "(without \(weakKDFVariable)) to strengthen it before storing real keys.")
    }
}
