/// The checks every pasted key goes through before Sentinel uses it: the classic copy-paste faults named with the
/// field they are in and how to fix them. The secret itself never appears in a message.
public enum CredentialCheck {
    public enum Field: String, Sendable {
        case apiKey = "API key"
        case secret = "secret"
        case passphrase = "passphrase"
    }

    /// Throws the first problem found with `apiKey`, `secret` and `passphrase` for `exchange`.
    /// A PEM private key may end with a line break; every other field must be exactly as issued.
    public static func validate(
        apiKey: String, secret: SecretText, passphrase: SecretText?, for exchange: ExchangeID
    ) throws(SentinelError) {
        try checkPresent(apiKey.isEmpty, .apiKey, exchange)
        try checkPresent(secret.isEmpty, .secret, exchange)
        if apiKey.contains("-----BEGIN") {
            throw .invalidInput(
                "The API key field holds a PEM key: the private key was pasted where the API key goes.",
                fix: [
                    "Put the private key (-----BEGIN PRIVATE KEY-----) in the secret field.",
                    "The API key is the short id \(exchange.displayName) showed after you registered the public key.",
                ])
        }
        try checkWhitespace(Array(apiKey.utf8), .apiKey, exchange)
        let secretIsPEM = secret.withRevealedBytes { bytes in
            bytes.starts(with: Array("-----BEGIN".utf8))
                || bytes.drop(while: isWhitespace).starts(with: Array("-----BEGIN".utf8))
        }
        if !secretIsPEM {
            try secret.withRevealedBytes { (bytes) throws(SentinelError) in
                try checkWhitespace(bytes, .secret, exchange)
            }
        }
        if let passphrase, !passphrase.isEmpty {
            guard exchange.traits.passphrase == .required else {
                throw .invalidInput(
                    "\(exchange.displayName) keys have no passphrase, but one was given.",
                    fix: [
                        "Remove the passphrase. \(exchange.displayName) issues only an API key and a secret.",
                        "If this key came from OKX, KuCoin or Bitget, choose that exchange instead.",
                    ])
            }
            try passphrase.withRevealedBytes { (bytes) throws(SentinelError) in
                try checkWhitespace(bytes, .passphrase, exchange)
            }
        } else if exchange.traits.passphrase == .required {
            throw .invalidInput(
                "\(exchange.displayName) keys need the passphrase you chose when you created the key.",
                fix: [
                    "Add the passphrase exactly as you typed it when creating the key (it is case-sensitive).",
                    "\(exchange.displayName) cannot show it again; if it is lost, create a new key.",
                ])
        }
        if apiKey.utf8.elementsEqual(secret.withRevealedBytes { $0 }) {
            throw .invalidInput(
                "The API key and the secret are the same text: one of them was pasted twice.",
                fix: ["Copy the API key and the secret again, each into its own field."])
        }
        if let passphrase, !passphrase.isEmpty, passphrase == secret {
            throw .invalidInput(
                "The passphrase is the same as the secret.",
                fix: ["The passphrase is the one you chose when creating the key, not the secret the exchange showed."])
        }
        if let passphrase, !passphrase.isEmpty, passphrase == SecretText(apiKey) {
            throw .invalidInput(
                "The passphrase is the same as the API key.",
                fix: ["The passphrase is the one you chose when creating the key, not the API key the exchange showed."]
            )
        }
    }

    private static func checkPresent(_ missing: Bool, _ field: Field, _ exchange: ExchangeID) throws(SentinelError) {
        guard missing else { return }
        throw .invalidInput(
            "The \(field.rawValue) is empty.",
            fix: ["Copy the \(field.rawValue) from \(exchange.displayName)'s API management page."])
    }

    private static func checkWhitespace(_ bytes: [UInt8], _ field: Field, _ exchange: ExchangeID)
        throws(SentinelError)
    {
        guard let first = bytes.first, let last = bytes.last else { return }
        let leading = isWhitespace(first)
        let trailing = isWhitespace(last)
        let inner = bytes.contains(where: isWhitespace)
        guard leading || trailing || inner else { return }
        let place: String
        switch (leading, trailing) {
        case (true, true): place = "at the start and at the end"
        case (true, false): place = "at the start"
        case (false, true): place = bytes.last == 0x0A || bytes.last == 0x0D ? "at the end (a line break)" : "at the end"
        default: place = "inside it"
        }
        throw SentinelError(
            .invalidInput,
            Diagnosis(
                cause: "The \(field.rawValue) has whitespace \(place) — the classic copy-paste fault.",
                evidence: [.init("field", field.rawValue), .init("length", "\(bytes.count) characters")],
                fix: [
                    "Copy the \(field.rawValue) again from \(exchange.displayName) without the spaces or line breaks "
                        + "around it (double-click selects just the value).",
                    "If you typed it into a file, make sure the editor did not add a newline inside the quotes.",
                ]))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
    }
}
