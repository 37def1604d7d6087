import Foundation
import SentinelCore
import SentinelExchanges

/// Reads `{"apiKey": "...", "secret": "...", "passphrase": "...", "keyType": "hmac|ed25519|rsa"}` from a file.
/// Error messages name the file and the field, never a value from it.
enum CredentialsFile {
    /// The fields exactly as written in the file, before any check (the doctor diagnoses them itself).
    struct Raw {
        let apiKey: String
        let secret: SecretText
        let passphrase: SecretText?
        let keyType: KeyType?
    }

    /// Reads and checks the file: whitespace, passphrase rules, key type.
    static func load(path: String, exchange: ExchangeID) throws(SentinelError) -> Credentials {
        let raw = try read(path: path)
        try CredentialCheck.validate(apiKey: raw.apiKey, secret: raw.secret, passphrase: raw.passphrase, for: exchange)
        let keyType = try SigningKey(secret: raw.secret, declared: raw.keyType).keyType
        return Credentials(apiKey: raw.apiKey, secret: raw.secret, passphrase: raw.passphrase, keyType: keyType)
    }

    static func read(path: String) throws(SentinelError) -> Raw {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .invalidInput(
                "Cannot read the credentials file \(path).",
                fix: ["Check the path, and that the file is readable by you (and only you: chmod 600)."])
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalidInput(
                "The credentials file \(path) is not a JSON object.",
                fix: ["Write it as {\"apiKey\": \"…\", \"secret\": \"…\", \"passphrase\": \"…\"} "
                    + "(passphrase only for OKX, KuCoin and Bitget)."])
        }
        func field(_ name: String) throws(SentinelError) -> String? {
            guard let value = object[name] else { return nil }
            guard let text = value as? String else {
                throw .invalidInput(
                    "\"\(name)\" in \(path) is not a string.", fix: ["Put the value in double quotes."])
            }
            return text
        }
        let known: Set<String> = ["apiKey", "secret", "passphrase", "keyType"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidInput(
                "The credentials file has an unknown field \"\(unknown)\".",
                fix: ["Use exactly the fields apiKey, secret, passphrase (where the exchange has one) and "
                    + "optionally keyType (hmac, ed25519 or rsa)."])
        }
        guard let apiKey = try field("apiKey") else {
            throw .invalidInput("The credentials file has no \"apiKey\".", fix: ["Add the API key as \"apiKey\"."])
        }
        guard let secretText = try field("secret") else {
            throw .invalidInput(
                "The credentials file has no \"secret\".",
                fix: ["Add the secret (or the PEM private key for Ed25519/RSA keys) as \"secret\"."])
        }
        let declared: KeyType?
        if let typeName = try field("keyType") {
            guard let type = KeyType(rawValue: typeName.lowercased()) else {
                throw .invalidInput(
                    "keyType \"\(typeName.prefix(20))\" is not hmac, ed25519 or rsa.",
                    fix: ["Use hmac for a secret issued by the exchange, ed25519 or rsa for your own key pair."])
            }
            declared = type
        } else {
            declared = nil
        }
        return Raw(
            apiKey: apiKey, secret: SecretText(secretText), passphrase: try field("passphrase").map(SecretText.init),
            keyType: declared)
    }
}
