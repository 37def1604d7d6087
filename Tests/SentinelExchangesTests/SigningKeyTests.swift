import CryptoExtras
import SentinelCore
import Testing

@testable import SentinelExchanges

@Suite(.timeLimit(.minutes(5))) struct SigningKeyTests {
    @Test func keyTypeIsReadFromThePEMNotGuessed() throws {
        #expect(try SigningKey(secret: SecretText(TestKeys.ed25519PEM), declared: nil).keyType == .ed25519)
        #expect(try SigningKey(secret: SecretText(TestKeys.rsa.pemRepresentation), declared: nil).keyType == .rsa)
        // 64 hex characters is the length of an Ed25519 seed, yet without a PEM it is an HMAC secret.
        #expect(try SigningKey(secret: SecretText(String(repeating: "ab", count: 32)), declared: nil).keyType == .hmac)
    }

    /// Signing parts one after the other is signing their concatenation: empty parts, a part that ends inside what
    /// the next one starts, and non-ASCII text alike. RSA (PKCS#1 v1.5, deterministic) signs the joined bytes.
    @Test func partsAreSignedAsTheirConcatenation() throws {
        let hmac = try SigningKey(secret: SecretText("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"), declared: nil)
        let rsa = try SigningKey(secret: SecretText(TestKeys.rsa.pemRepresentation), declared: .rsa)
        for parts in [["1700000000000", "POST", "/api/v5/trade/order", "{\"a\":\"é中\"}"], ["", "", ""], ["ab", "c"], []] {
            for key in [hmac, rsa] {
                #expect(try key.signature(forConcatenationOf: parts) == key.signature(for: parts.joined()))
            }
        }
        #expect(try hmac.signature(forConcatenationOf: ["ab", "c"]) != hmac.signature(forConcatenationOf: ["ab", "d"]))
        for parts in [("1700000000000", "POST", "/api/v5/trade/order", "{\"a\":\"é中\"}"), ("", "", "", ""), ("ab", "", "c", "")] {
            for key in [hmac, rsa] {
                let joined = try key.signature(for: parts.0 + parts.1 + parts.2 + parts.3)
                #expect(try key.withSignature(forConcatenationOf: parts) { Array($0) } == joined)
            }
        }
        #expect(
            try hmac.withSignature(forConcatenationOf: ("a", "b", "c", "d")) { Array($0) }
                != hmac.withSignature(forConcatenationOf: ("a", "b", "c", "e")) { Array($0) })
    }

    @Test func windowsLineEndingsAndIndentationAreTolerated() throws {
        let crlf = TestKeys.ed25519PEM.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try SigningKey(secret: SecretText(crlf), declared: .ed25519).keyType == .ed25519)
        let indented = "\n   " + TestKeys.ed25519PEM.replacingOccurrences(of: "\n", with: "\n   ")
        #expect(try SigningKey(secret: SecretText(indented), declared: nil).keyType == .ed25519)
        let rsaCRLF = TestKeys.rsa.pemRepresentation.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try SigningKey(secret: SecretText(rsaCRLF), declared: .rsa).keyType == .rsa)
    }

    @Test func pkcs1RSAKeysAreAccepted() throws {
        let pkcs1 = try _RSA.Signing.PrivateKey(derRepresentation: TestKeys.rsa.derRepresentation)
        let pem = "-----BEGIN RSA PRIVATE KEY-----\n"
            + pkcs1.derRepresentation.base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
            + "\n-----END RSA PRIVATE KEY-----\n"
        #expect(try SigningKey(secret: SecretText(pem), declared: nil).keyType == .rsa)
    }

    @Test(arguments: [
        (TestKeys.ed25519PublicPEM, "public key"),
        ("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----", "encrypted"),
        ("-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----", "OpenSSH"),
        ("-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----", "could not be read"),
        ("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f", "could not be read"),
        ("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----", "not a private key"),
    ])
    func badPEMIsRefusedWithTheReason(pem: String, reason: String) {
        do {
            _ = try SigningKey(secret: SecretText(pem), declared: nil)
            Issue.record("accepted: \(reason)")
        } catch {
            #expect(error.kind == .invalidInput)
            #expect(error.diagnosis.cause.contains(reason), "\(error.diagnosis.cause)")
            #expect(!error.diagnosis.fix.isEmpty)
        }
    }

    @Test func smallRSAKeysAreRefused() throws {
        let weak = try _RSA.Signing.PrivateKey(unsafeKeySize: .init(bitCount: 1024))
        #expect(throws: SentinelError.self) { try SigningKey(secret: SecretText(weak.pemRepresentation), declared: nil) }
    }

    @Test func declaredTypeMustMatchTheSecret() {
        #expect(throws: SentinelError.self) { try SigningKey(secret: SecretText(TestKeys.ed25519PEM), declared: .rsa) }
        #expect(throws: SentinelError.self) { try SigningKey(secret: SecretText(TestKeys.ed25519PEM), declared: .hmac) }
        #expect(throws: SentinelError.self) { try SigningKey(secret: SecretText("plainsecret123"), declared: .ed25519) }
    }

    @Test func registryRefusesKeyTypesTheExchangeDoesNotTake() throws {
        let ed = credentials("key0123456789abc", TestKeys.ed25519PEM, passphrase: "Passphrase1", keyType: .ed25519)
        for exchange in [ExchangeID.okx, .kucoin, .bitget] {
            #expect(throws: SentinelError.self) { try ExchangeRegistry.signer(for: venue(exchange), credentials: ed) }
        }
        let edNoPass = credentials("key0123456789abc", TestKeys.ed25519PEM, keyType: .ed25519)
        #expect(throws: SentinelError.self) { try ExchangeRegistry.signer(for: venue(.bybit), credentials: edNoPass) }
        _ = try ExchangeRegistry.signer(for: venue(.binance), credentials: edNoPass)
        #expect(throws: SentinelError.self) {
            try ExchangeRegistry.signer(for: venue(.okx), credentials: credentials("k0123456789", "s0123456789", passphrase: "p"), recvWindow: 5000)
        }
    }

    @Test func noErrorRevealsTheSecret() {
        let secret = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4\n-----END PRIVATE KEY-----"
        // The base64 body is cut short (its last character is missing), so the key must be refused.
        do {
            _ = try SigningKey(secret: SecretText(secret), declared: nil)
            Issue.record("a truncated PEM private key was accepted")
        } catch {
            for text in [error.description, String(describing: error), String(reflecting: error)] {
                #expect(!text.contains("MC4CAQAw") && !text.contains("FxgZ"), "\(text)")
            }
        }
    }
}
