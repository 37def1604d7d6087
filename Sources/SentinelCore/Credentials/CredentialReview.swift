/// Something unusual about a pasted credential that is not certainly wrong: shown to the person, never refused.
/// The message names the field and lengths only, never a character of a secret.
public struct CredentialWarning: Sendable, Hashable, CustomStringConvertible {
    public let field: CredentialCheck.Field
    public let message: String

    public init(_ field: CredentialCheck.Field, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

/// Pasted credentials made ready for storage, with what was noticed on the way.
public struct CredentialReview: Sendable {
    public let credentials: Credentials
    public let warnings: [CredentialWarning]
}

extension CredentialCheck {
    /// Reads the key type from the secret (PEM header and contents), checking it against the declared one.
    /// The PEM reader lives with the signers; callers pass `{ try SigningKey(secret: $0, declared: $1).keyType }`.
    public typealias KeyTypeReader = (SecretText, KeyType?) throws(SentinelError) -> KeyType

    /// The checks for storing a key (`vault add`, `sentinel connect`): unlike `validate`, which refuses pasted
    /// whitespace, surrounding whitespace is removed with a warning. Then everything certainly wrong is refused
    /// (inner whitespace, control or non-ASCII characters, a missing or superfluous passphrase, fields pasted into
    /// each other, a key type the exchange does not take, an unreadable PEM) and the unusual is warned about.
    public static func review(
        apiKey rawAPIKey: String, secret rawSecret: SecretText, passphrase rawPassphrase: SecretText?,
        declaredKeyType: KeyType?, for exchange: ExchangeID, readKeyType: KeyTypeReader
    ) throws(SentinelError) -> CredentialReview {
        var warnings: [CredentialWarning] = []
        let apiKeyBytes = trimmed(Array(rawAPIKey.utf8), .apiKey, warnings: &warnings, silent: false)
        let apiKey = String(decoding: apiKeyBytes, as: UTF8.self)
        let secretIsPEM = rawSecret.withRevealedBytes { bytes in
            bytes.drop(while: isWhitespace).starts(with: Array("-----BEGIN".utf8))
        }
        let secret = rawSecret.withRevealedBytes { bytes in
            SecretText(bytes: trimmed(bytes, .secret, warnings: &warnings, silent: secretIsPEM))
        }
        var passphrase = rawPassphrase.map { phrase in
            phrase.withRevealedBytes { SecretText(bytes: trimmed($0, .passphrase, warnings: &warnings, silent: false)) }
        }
        if passphrase?.isEmpty == true { passphrase = nil }

        try validate(apiKey: apiKey, secret: secret, passphrase: passphrase, for: exchange)
        try checkCharacters(apiKey: apiKeyBytes, secret: secret, secretIsPEM: secretIsPEM, exchange: exchange)
        let keyType = try readKeyType(secret, declaredKeyType)
        guard exchange.traits.keyTypes.contains(keyType) else {
            let accepted = KeyType.allCases.filter(exchange.traits.keyTypes.contains).map(\.rawValue)
            throw .invalidInput(
                "\(exchange.displayName) does not take \(keyType) keys.",
                evidence: [.init("key types \(exchange.displayName) takes", accepted.joined(separator: ", "))],
                fix: ["Create a key of a type \(exchange.displayName) takes: \(accepted.joined(separator: ", "))."])
        }
        try checkShape(apiKey: apiKey, secret: secret, keyType: keyType, exchange: exchange, warnings: &warnings)
        if let passphrase { warnings += passphraseWarnings(passphrase, exchange) }
        return CredentialReview(
            credentials: Credentials(apiKey: apiKey, secret: secret, passphrase: passphrase, keyType: keyType),
            warnings: warnings)
    }

    /// Longest API key and HMAC secret accepted: every exchange's are under 100 characters, so anything longer
    /// is something else pasted by mistake.
    static let maximumAPIKeyLength = 256
    static let maximumHMACSecretLength = 512

    private static func trimmed(
        _ bytes: [UInt8], _ field: Field, warnings: inout [CredentialWarning], silent: Bool
    ) -> [UInt8] {
        let leading = bytes.prefix(while: isWhitespace).count
        guard leading < bytes.count else {
            if !bytes.isEmpty, !silent {
                warnings.append(.init(field, "The \(field.rawValue) was only whitespace; it was removed."))
            }
            return []
        }
        let trailing = bytes.reversed().prefix(while: isWhitespace).count
        guard leading + trailing > 0 else { return bytes }
        if !silent {
            let lineBreak = bytes.suffix(trailing).contains { $0 == 0x0A || $0 == 0x0D }
            let count = leading + trailing
            let plural = count == 1 ? "" : "s"
            let kind = lineBreak ? "space\(plural) or line break\(plural)" : "space\(plural)"
            warnings.append(
                .init(
                    field,
                    "The \(field.rawValue) had \(count) \(kind) around it (the classic copy-paste fault); "
                        + (count == 1 ? "it was" : "they were") + " removed. If the exchange refuses the key, copy it "
                        + "again."))
        }
        return Array(bytes[leading..<(bytes.count - trailing)])
    }

    private static func checkCharacters(
        apiKey: [UInt8], secret: SecretText, secretIsPEM: Bool, exchange: ExchangeID
    ) throws(SentinelError) {
        if !apiKey.allSatisfy(ByteClass.isPrintableASCII) {
            throw .invalidInput(
                "The API key has characters no exchange uses (accented letters, typographic quotes or invisible "
                    + "characters).",
                evidence: [.init("field", Field.apiKey.rawValue), .init("length", "\(apiKey.count) bytes")],
                fix: [
                    "Copy the API key again from \(exchange.displayName)'s API management page, straight into "
                        + "Sentinel (a word processor or chat app may have changed characters)."
                ])
        }
        if apiKey.count > maximumAPIKeyLength {
            throw .invalidInput(
                "The API key is \(apiKey.count) characters long; \(exchange.displayName)'s are far shorter, so "
                    + "something else was pasted.",
                fix: ["Copy just the API key from \(exchange.displayName)'s API management page."])
        }
        guard !secretIsPEM else { return }
        let (length, visibleASCII) = secret.withRevealedBytes { ($0.count, $0.allSatisfy(ByteClass.isPrintableASCII)) }
        if !visibleASCII {
            throw .invalidInput(
                "The secret has characters no exchange uses (accented letters, typographic quotes or invisible "
                    + "characters).",
                evidence: [.init("field", Field.secret.rawValue), .init("length", "\(length) bytes")],
                fix: [
                    "Copy the secret again, straight from where \(exchange.displayName) showed it into Sentinel.",
                    "If it was lost, create a new key: exchanges show the secret only once.",
                ])
        }
        if length > maximumHMACSecretLength {
            throw .invalidInput(
                "The secret is \(length) characters long; \(exchange.displayName)'s are far shorter, so something "
                    + "else was pasted.",
                fix: ["Copy just the secret \(exchange.displayName) showed when the key was created."])
        }
    }

    private static func checkShape(
        apiKey: String, secret: SecretText, keyType: KeyType, exchange: ExchangeID,
        warnings: inout [CredentialWarning]
    ) throws(SentinelError) {
        let shape = CredentialShape.of(exchange)
        let keyIsUsual = shape.isUsualAPIKey(apiKey)
        guard keyType == .hmac else {
            if !keyIsUsual { warnings.append(unusualKey(apiKey, shape, exchange)) }
            return
        }
        let secretIsUsual = shape.isUsualSecret(secret)
        let keyLooksLikeSecret = shape.secretMatches(Array(apiKey.utf8))
        let secretLooksLikeKey = secret.withRevealedBytes { shape.apiKeyMatches($0) }
        if !keyIsUsual, !secretIsUsual, keyLooksLikeSecret, secretLooksLikeKey {
            throw .invalidInput(
                "The API key and the secret look swapped: the API key field holds what \(exchange.displayName) "
                    + "secrets look like, and the secret field what its API keys look like.",
                evidence: [
                    .init("\(exchange.displayName) API key", shape.apiKeyLooks),
                    .init("\(exchange.displayName) secret", shape.secretLooks),
                ],
                fix: ["Paste the API key into the API key field and the secret into the secret field."])
        }
        if !keyIsUsual { warnings.append(unusualKey(apiKey, shape, exchange)) }
        if !secretIsUsual {
            warnings.append(
                .init(
                    .secret,
                    "\(exchange.displayName) secrets are usually \(shape.secretLooks); this one (\(secret.byteCount) "
                        + "characters) is not. Check that the whole secret was copied, and that it is the secret."))
        }
    }

    private static func unusualKey(_ apiKey: String, _ shape: CredentialShape, _ exchange: ExchangeID)
        -> CredentialWarning
    {
        .init(
            .apiKey,
            "\(exchange.displayName) API keys are usually \(shape.apiKeyLooks); this one (\(apiKey.utf8.count) "
                + "characters) is not. Check that the whole key was copied, and that it is the API key.")
    }

    /// Passphrase rules from the exchanges' key-creation APIs (KuCoin 7–32 characters without spaces, Bitget 8–32
    /// letters and digits). Warnings only: those rules are documented for sub-account keys and may differ in the UI.
    private static func passphraseWarnings(_ passphrase: SecretText, _ exchange: ExchangeID) -> [CredentialWarning] {
        let (length, visibleASCII, alphanumeric) = passphrase.withRevealedBytes {
            ($0.count, $0.allSatisfy(ByteClass.isPrintableASCII), $0.allSatisfy(ByteClass.isAlphanumeric))
        }
        var warnings: [CredentialWarning] = []
        switch exchange {
        case .kucoin where !(7...32).contains(length):
            warnings.append(
                .init(.passphrase, "KuCoin passphrases are 7 to 32 characters; this one has \(length)."))
        case .bitget where !(8...32).contains(length) || !alphanumeric:
            warnings.append(
                .init(
                    .passphrase,
                    "Bitget passphrases are 8 to 32 letters and digits; this one has \(length) characters"
                        + (alphanumeric ? "." : ", not all letters or digits.")))
        default:
            break
        }
        if !visibleASCII {
            warnings.append(
                .init(
                    .passphrase,
                    "The passphrase has characters outside plain ASCII (accents, typographic quotes); check it is "
                        + "exactly what you typed when creating the key."))
        }
        return warnings
    }
}
