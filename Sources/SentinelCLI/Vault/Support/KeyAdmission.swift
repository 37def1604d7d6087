import Foundation
import Sentinel
import SentinelCore
import SentinelVault

/// Asks the exchange about a key before it is stored (`vault add`, `connect`): a key that can withdraw is refused
/// unless the user named the risk (`--allow-withdraw-key`). A key the exchange cannot be asked about yet (no
/// connector, `--offline`, no network) is stored with a warning: the doctor checks it before it trades.
enum KeyAdmission {
    /// The entry to store: as given, or — when the exchange answered — verified now and with the exchange's expiry.
    static func check(
        _ entry: VaultEntry, allowWithdraw: Bool, offline: Bool, insecureHTTP: Bool
    ) async throws(SentinelError) -> VaultEntry {
        guard ExchangeCredentialVerifier.canCheck(entry.exchange) else { return entry }
        if offline || ProcessInfo.processInfo.environment["SENTINEL_OFFLINE"] == "1" {
            Console.warning(
                "the key was not checked with \(entry.exchange.displayName) (offline): run `sentinel doctor "
                    + "\(entry.name)` before trading with it.")
            return entry
        }
        do {
            let admitted = try await ExchangeCredentialVerifier(
                refusesWithdraw: !allowWithdraw, allowsInsecureHTTP: insecureHTTP
            ).admitted(entry)
            Console.output("The key authenticated on \(entry.exchange.displayName) (a signed read succeeded).")
            return admitted
        } catch {
            if error == ExchangeCredentialVerifier.withdrawRefusal(entry) { throw error }
            Console.warning(
                "\(entry.exchange.displayName) did not accept a signed read with this key (\(error.diagnosis.cause)) "
                    + "It is stored anyway; `sentinel doctor \(entry.name)` names what is wrong.")
            return entry
        }
    }
}
