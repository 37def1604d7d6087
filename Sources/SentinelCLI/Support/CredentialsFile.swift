import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// Reads `{"apiKey": "...", "secret": "...", "passphrase": "...", "keyType": "hmac|ed25519|rsa"}` from a file.
/// Error messages name the file and the field, never a value from it.
enum CredentialsFile {
    /// Reads and checks the file: whitespace, passphrase rules, key type.
    static func load(path: String, exchange: ExchangeID) throws(SentinelError) -> Credentials {
        let fields = try read(path: path)
        try CredentialCheck.validate(
            apiKey: fields.apiKey, secret: fields.secret, passphrase: fields.passphrase, for: exchange)
        let keyType = try SigningKey(secret: fields.secret, declared: fields.keyType).keyType
        return Credentials(
            apiKey: fields.apiKey, secret: fields.secret, passphrase: fields.passphrase, keyType: keyType)
    }

    /// The fields exactly as written in the file, before any check (the doctor diagnoses them itself).
    /// The file must be private (chmod 600) and regular: it holds a secret like the vault.
    static func read(path: String) throws(SentinelError) -> Fields {
        var bytes = try PrivateFile.read(path, what: "the credentials file", limit: largestFile)
        defer { for index in bytes.indices { bytes[index] = 0 } }
        return try parse(Data(bytes), source: "the credentials file \(path)")
    }

    /// Far larger than any key file (an RSA-4096 PEM key is about 3.3 KB).
    static let largestFile = 64 << 10

    /// The fields of a credentials JSON object, as given (no checks beyond the shape).
    struct Fields {
        var apiKey: String
        var secret: SecretText
        var passphrase: SecretText?
        var keyType: KeyType?
    }

    /// Parses `{"apiKey", "secret", "passphrase", "keyType"}` from `data`; `source` names where it came from in
    /// errors ("the credentials file keys.json", "standard input").
    static func parse(_ data: Data, source: String) throws(SentinelError) -> Fields {
        let subject = source.prefix(1).uppercased() + source.dropFirst()
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalidInput(
                "\(subject) is not a JSON object.",
                fix: [
                    "Write it as {\"apiKey\": \"…\", \"secret\": \"…\", \"passphrase\": \"…\"} "
                        + "(passphrase only for OKX, KuCoin and Bitget)."
                ])
        }
        func field(_ name: String) throws(SentinelError) -> String? {
            guard let value = object[name], !(value is NSNull) else { return nil }
            guard let text = value as? String else {
                throw .invalidInput(
                    "\"\(name)\" in \(source) is not a string.", fix: ["Put the value in double quotes."])
            }
            return text
        }
        let known: Set<String> = ["apiKey", "secret", "passphrase", "keyType"]
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidInput(
                "\(subject) has an unknown field \"\(unknown.prefix(40))\".",
                fix: [
                    "Use exactly the fields apiKey, secret, passphrase (where the exchange has one) and "
                        + "optionally keyType (hmac, ed25519 or rsa)."
                ])
        }
        guard let apiKey = try field("apiKey") else {
            throw .invalidInput("\(subject) has no \"apiKey\".", fix: ["Add the API key as \"apiKey\"."])
        }
        guard let secretText = try field("secret") else {
            throw .invalidInput(
                "\(subject) has no \"secret\".",
                fix: ["Add the secret (or the PEM private key for Ed25519/RSA keys) as \"secret\"."])
        }
        var declared: KeyType?
        if let typeName = try field("keyType") {
            guard let type = KeyType(rawValue: typeName.lowercased()) else {
                throw .invalidInput(
                    "keyType \"\(typeName.prefix(20))\" is not hmac, ed25519 or rsa.",
                    fix: ["Use hmac for a secret issued by the exchange, ed25519 or rsa for your own key pair."])
            }
            declared = type
        }
        return Fields(
            apiKey: apiKey, secret: SecretText(secretText), passphrase: try field("passphrase").map(SecretText.init),
            keyType: declared)
    }
}
