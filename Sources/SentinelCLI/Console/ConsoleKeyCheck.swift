import SentinelCore
import SentinelExchanges

/// The vault's hygiene checks on a key typed into the page. Unlike `vault add`, which trims pasted whitespace
/// with a warning, the page refuses it and says where it is: the person sees the field and fixes the paste, and
/// a key that was copied wrongly is not stored as if it were right. Messages never show a character of a secret.
enum ConsoleKeyCheck {
    struct Finding: Encodable, Sendable {
        let field: String
        let message: String
    }

    struct Outcome: Encodable, Sendable {
        var problems: [Finding] = []
        var warnings: [Finding] = []
    }

    /// Checks what has been typed so far; `credentials` is set when the whole key is present and passes.
    static func review(_ form: ConsoleForm, exchange: ExchangeID) -> (credentials: Credentials?, outcome: Outcome) {
        var outcome = Outcome()
        let apiKey = form["apiKey"] ?? ""
        let secret = form.secret("secret")
        let passphrase = form.secret("passphrase")
        outcome.problems += surroundingWhitespace(Array(apiKey.utf8), field: "apiKey", name: "API key")
        if let secret, !isPEM(secret) {
            outcome.problems += secret.withRevealedBytes { surroundingWhitespace($0, field: "secret", name: "secret") }
        }
        if let passphrase {
            outcome.problems += passphrase.withRevealedBytes {
                surroundingWhitespace($0, field: "passphrase", name: "passphrase")
            }
        }
        let complete =
            !apiKey.isEmpty && secret != nil && (exchange.traits.passphrase != .required || passphrase != nil)
        guard complete, outcome.problems.isEmpty, let secret else { return (nil, outcome) }
        do throws(SentinelError) {
            try CredentialCheck.validate(apiKey: apiKey, secret: secret, passphrase: passphrase, for: exchange)
            let review = try CredentialCheck.review(
                apiKey: apiKey, secret: secret, passphrase: passphrase, declaredKeyType: nil, for: exchange,
                readKeyType: { (secret, declared) throws(SentinelError) in
                    try SigningKey(secret: secret, declared: declared).keyType
                })
            outcome.warnings = review.warnings.map { Finding(field: formField($0.field), message: $0.message) }
            return (review.credentials, outcome)
        } catch {
            let fix = error.diagnosis.fix.first.map { " " + $0 } ?? ""
            outcome.problems.append(Finding(field: "", message: error.diagnosis.cause + fix))
            return (nil, outcome)
        }
    }

    /// The refusal for a form whose key did not pass, as an error the page shows with its fixes.
    static func refusal(_ outcome: Outcome) -> SentinelError {
        .invalidInput(
            "The key was not stored: " + (outcome.problems.first?.message ?? "a field is missing."),
            evidence: outcome.problems.dropFirst().map { .init("also", $0.message) },
            fix: [
                "Copy the value again from the exchange's page, without the space or line break around it, and paste "
                    + "it into its field.",
                "Nothing was stored; the fields were emptied so that the secret is not sent back to the page.",
            ])
    }

    private static func surroundingWhitespace(_ bytes: [UInt8], field: String, name: String) -> [Finding] {
        guard let first = bytes.first, let last = bytes.last else { return [] }
        let where_: String
        switch (isSpace(first), isSpace(last)) {
        case (true, true): where_ = "starts and ends"
        case (true, false): where_ = "starts"
        case (false, true): where_ = "ends"
        case (false, false): return []
        }
        let kind = bytes.contains(0x0A) || bytes.contains(0x0D) ? "a line break or space" : "a space"
        return [
            Finding(
                field: field,
                message: "The \(name) \(where_) with \(kind) that came with the paste: remove it (the exchange would "
                    + "reject the key).")
        ]
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isPEM(_ secret: SecretText) -> Bool {
        secret.withRevealedBytes { $0.drop(while: isSpace).starts(with: Array("-----BEGIN".utf8)) }
    }

    private static func formField(_ field: CredentialCheck.Field) -> String {
        switch field {
        case .apiKey: "apiKey"
        case .secret: "secret"
        case .passphrase: "passphrase"
        }
    }
}
