import Testing

@testable import SentinelCore

@Suite struct CredentialsTests {
    let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    let passphrase = "Very-Secret-Phrase-42"

    var credentials: Credentials {
        Credentials(
            apiKey: "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
            secret: SecretText(secret), passphrase: SecretText(passphrase))
    }

    @Test func noRenderingRevealsTheSecretOrPassphrase() {
        var dumped = ""
        dump(credentials, to: &dumped)
        var dumpedSecret = ""
        dump(credentials.secret, to: &dumpedSecret)
        let renderings = [
            credentials.description, credentials.debugDescription, "\(credentials)", String(reflecting: credentials),
            dumped, dumpedSecret, "\(credentials.secret)", String(reflecting: credentials.passphrase),
            Mirror(reflecting: credentials).children.map { "\($0.label ?? ""): \($0.value)" }.joined(),
        ]
        for text in renderings {
            #expect(!text.contains(secret))
            #expect(!text.contains(passphrase))
            #expect(!text.contains(String(secret.prefix(12))))
        }
        #expect(credentials.description.contains("vmPU…Eh8A"))
    }

    @Test func secretsCompareByContent() {
        #expect(SecretText("abc") == SecretText("abc"))
        #expect(SecretText("abc") != SecretText("abd"))
        #expect(SecretText("abc") != SecretText("abcd"))
    }

    @Test(arguments: [
        (" key-with-space-0123", "s3cretvalue0123456789", nil as String?, ExchangeID.binance, "API key"),
        ("key0123456789abcdef", "s3cretvalue0123456789\n", nil, .binance, "secret"),
        ("key0123456789abcdef", "s3cretvalue0123456789", "pass phrase ", .okx, "passphrase"),
        ("key0123456789abcdef", "s3cret value0123456789", "passphrase1", .kucoin, "secret"),
    ])
    func whitespaceIsNamedByField(apiKey: String, secret: String, passphrase: String?, exchange: ExchangeID, field: String)
    {
        do {
            try CredentialCheck.validate(
                apiKey: apiKey, secret: SecretText(secret), passphrase: passphrase.map(SecretText.init),
                for: exchange)
            Issue.record("whitespace in the \(field) was not caught")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.diagnosis.cause.contains("The \(field) has whitespace"))
            #expect(!error.description.contains(secret.trimmingWhitespace))
        }
    }

    @Test func passphraseRules() {
        #expect(throws: SentinelError.self) {
            try CredentialCheck.validate(
                apiKey: "key0123456789", secret: SecretText("secret0123456789"), passphrase: nil, for: .okx)
        }
        #expect(throws: SentinelError.self) {
            try CredentialCheck.validate(
                apiKey: "key0123456789", secret: SecretText("secret0123456789"), passphrase: SecretText("phrase"),
                for: .bybit)
        }
        #expect(throws: SentinelError.self) {
            try CredentialCheck.validate(
                apiKey: "same0123456789", secret: SecretText("same0123456789"), passphrase: nil, for: .binance)
        }
        #expect(throws: SentinelError.self) {
            try CredentialCheck.validate(
                apiKey: "key0123456789", secret: SecretText("secret0123456789"),
                passphrase: SecretText("secret0123456789"), for: .bitget)
        }
    }

    @Test func aPEMPrivateKeyMayEndWithALineBreak() throws {
        try CredentialCheck.validate(
            apiKey: "key0123456789",
            secret: SecretText("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\n-----END PRIVATE KEY-----\n"),
            passphrase: nil, for: .binance)
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
