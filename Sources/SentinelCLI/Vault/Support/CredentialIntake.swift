import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// Takes a new key from a person — no-echo prompts on a terminal, or `{"apiKey", "secret", "passphrase"}` JSON on
/// standard input — and runs the vault's hygiene checks, printing each warning. Returns clean credentials.
enum CredentialIntake {
    static func read(exchange: ExchangeID, declaredKeyType: KeyType?, fromStandardInput: Bool)
        throws(SentinelError) -> Credentials
    {
        let apiKey: String
        let secret: SecretText
        let passphrase: SecretText?
        var keyType = declaredKeyType
        if fromStandardInput {
            let data = Data(TerminalInput.readAll())
            let fields = try CredentialsFile.parse(data, source: "standard input")
            if let given = fields.keyType, let declaredKeyType, given != declaredKeyType {
                throw .invalidInput(
                    "--key-type says \(declaredKeyType) but the JSON's keyType says \(given).",
                    fix: ["Give the key type once, either as --key-type or as keyType in the JSON."])
            }
            keyType = keyType ?? fields.keyType
            (apiKey, secret, passphrase) = (fields.apiKey, fields.secret, fields.passphrase)
        } else {
            guard TerminalInput.standardInputIsTerminal else {
                throw .invalidInput(
                    "Standard input is not a terminal, so Sentinel cannot ask for the key without showing it.",
                    fix: [
                        "Pass --stdin and give the key as JSON: {\"apiKey\": \"…\", \"secret\": \"…\", "
                            + "\"passphrase\": \"…\"}, with the vault password in --password-file.",
                        "Or run the command in a terminal to be asked (nothing is shown as you type or paste).",
                    ])
            }
            Console.error("Paste each value and press Enter; nothing is shown on screen.")
            apiKey = String(decoding: try TerminalInput.readHidden(prompt: "API key: "), as: UTF8.self)
            Console.error("  read \(Credentials.mask(apiKey)) (\(apiKey.utf8.count) characters)")
            secret = SecretText(
                bytes: try TerminalInput.readHiddenSecret(prompt: "Secret (or the whole PEM private key): "))
            Console.error("  read \(secret.byteCount) characters")
            if exchange.traits.passphrase == .required {
                passphrase = SecretText(
                    bytes: try TerminalInput.readHidden(prompt: "Passphrase (the one you chose for this key): "))
            } else {
                passphrase = nil
            }
        }
        return try review(
            apiKey: apiKey, secret: secret, passphrase: passphrase, declaredKeyType: keyType, exchange: exchange)
    }

    /// For a key pair Sentinel made (`GeneratedKeyPair`): asks only for the API key the exchange issued for the
    /// public key, and the passphrase where the exchange has one.
    static func read(exchange: ExchangeID, generated pair: GeneratedKeyPair) throws(SentinelError) -> Credentials {
        Console.error("Paste the API key \(exchange.displayName) shows and press Enter; nothing is shown on screen.")
        let apiKey = String(decoding: try TerminalInput.readHidden(prompt: "API key: "), as: UTF8.self)
        Console.error("  read \(Credentials.mask(apiKey)) (\(apiKey.utf8.count) characters)")
        let passphrase: SecretText? =
            exchange.traits.passphrase == .required
            ? SecretText(bytes: try TerminalInput.readHidden(prompt: "Passphrase (the one you chose for this key): "))
            : nil
        return try review(
            apiKey: apiKey, secret: pair.privateKey, passphrase: passphrase, declaredKeyType: pair.keyType,
            exchange: exchange)
    }

    /// The vault's hygiene checks on a key, each warning printed; returns the cleaned credentials.
    static func review(
        apiKey: String, secret: SecretText, passphrase: SecretText?, declaredKeyType: KeyType?, exchange: ExchangeID
    ) throws(SentinelError) -> Credentials {
        let review = try CredentialCheck.review(
            apiKey: apiKey, secret: secret, passphrase: passphrase, declaredKeyType: declaredKeyType, for: exchange,
            readKeyType: { (secret, declared) throws(SentinelError) in
                try SigningKey(secret: secret, declared: declared).keyType
            })
        for warning in review.warnings { Console.warning(warning.message) }
        return review.credentials
    }
}
