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
        let (admitted, refused) = try await ask(entry, allowWithdraw: allowWithdraw, insecureHTTP: insecureHTTP)
        if let refused {
            Console.warning(refused + " `sentinel doctor \(entry.name)` names what is wrong.")
        } else {
            Console.output(accepted(entry))
        }
        return admitted
    }

    /// Asks the exchange (`vault add`, `connect` and the console's store): the entry to store — verified now and
    /// with the exchange's expiry when a signed read succeeded — and, when it did not, why (the key is stored
    /// anyway). Throws only the refusal of a key that can withdraw.
    static func ask(
        _ entry: VaultEntry, allowWithdraw: Bool, insecureHTTP: Bool
    ) async throws(SentinelError) -> (entry: VaultEntry, notAccepted: String?) {
        do {
            let admitted = try await ExchangeCredentialVerifier(
                refusesWithdraw: !allowWithdraw, allowsInsecureHTTP: insecureHTTP
            ).admitted(entry)
            return (admitted, nil)
        } catch {
            if error == ExchangeCredentialVerifier.withdrawRefusal(entry) { throw error }
            return (
                entry,
                "\(entry.exchange.displayName) did not accept a signed read with this key (\(error.diagnosis.cause)) "
                    + "It is stored anyway;"
            )
        }
    }

    static func accepted(_ entry: VaultEntry) -> String {
        "The key authenticated on \(entry.exchange.displayName) (a signed read succeeded)."
    }
}
