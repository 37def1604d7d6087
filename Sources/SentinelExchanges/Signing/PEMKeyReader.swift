import Foundation
import Crypto
import CryptoExtras
import SentinelCore

/// Reads a PEM private key pasted by a person: Windows line endings, stray indentation and surrounding blank
/// lines are tolerated; public keys, encrypted keys and OpenSSH keys are refused with what to do instead.
enum PEMKeyReader {
    /// The key in `secret`, or nil when the secret is not PEM at all (an HMAC secret).
    static func read(_ secret: SecretText) throws(SentinelError) -> SigningKey.Material? {
        let text = secret.revealed()
        guard text.contains("-----BEGIN") else { return nil }
        let pem = normalize(text)
        let label = pem.split(separator: "\n").first.map(String.init) ?? ""

        switch label {
        case "-----BEGIN PUBLIC KEY-----", "-----BEGIN RSA PUBLIC KEY-----":
            throw .invalidInput(
                "The secret is a public key. Sentinel signs with the private key.",
                fix: [
                    "The public key is what you upload to the exchange; keep it there.",
                    "Give Sentinel the matching private key (-----BEGIN PRIVATE KEY-----).",
                ])
        case "-----BEGIN ENCRYPTED PRIVATE KEY-----":
            throw .invalidInput(
                "The private key is encrypted with a password of its own.",
                fix: [
                    "Export it unencrypted, e.g. `openssl pkcs8 -in key.pem -nocrypt -topk8 -out plain.pem`; "
                        + "Sentinel's vault encrypts it on your machine.",
                    "Delete the unencrypted file once it is stored in the vault.",
                ])
        case "-----BEGIN OPENSSH PRIVATE KEY-----":
            throw .invalidInput(
                "The private key is in OpenSSH format, which exchanges do not use.",
                fix: ["Generate the key with `openssl genpkey -algorithm ed25519 -out key.pem` (PKCS#8)."])
        case "-----BEGIN RSA PRIVATE KEY-----":
            return try rsa(pem)
        case "-----BEGIN PRIVATE KEY-----":
            if let key = try? Curve25519.Signing.PrivateKey(pemRepresentation: pem) { return .ed25519(key) }
            return try rsa(pem)
        default:
            // The first line is part of the secret: it is named only when it is a PEM label Sentinel knows.
            if let known = otherLabels.first(where: { "-----BEGIN \($0)-----" == label }) {
                throw malformed("The PEM block is a \(known), not a private key.")
            }
            throw malformed(
                "The secret contains -----BEGIN but does not start with a PEM private key label "
                    + "(-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----).")
        }
    }

    /// PEM labels that are not private keys Sentinel signs with; an error may name these (and only these).
    static let otherLabels = [
        "CERTIFICATE", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST", "TRUSTED CERTIFICATE", "X509 CRL",
        "EC PRIVATE KEY", "DSA PRIVATE KEY", "EC PARAMETERS", "DH PARAMETERS", "PKCS7", "CMS",
        "PGP PRIVATE KEY BLOCK", "PGP PUBLIC KEY BLOCK", "SSH2 PUBLIC KEY", "ENCRYPTED PRIVATE KEY",
    ]

    private static func rsa(_ pem: String) throws(SentinelError) -> SigningKey.Material {
        do {
            return .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem))
        } catch {
            if let weak = try? _RSA.Signing.PrivateKey(unsafePEMRepresentation: pem) {
                throw .invalidInput(
                    "The RSA key has \(weak.keySizeInBits) bits; exchanges require at least 2048.",
                    fix: ["Generate a new key: `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048`."])
            }
            throw malformed("The PEM private key could not be read as Ed25519 or RSA.")
        }
    }

    private static func malformed(_ cause: String) -> SentinelError {
        .invalidInput(
            cause,
            fix: [
                "Paste the whole private key file, from -----BEGIN PRIVATE KEY----- to -----END PRIVATE KEY-----, "
                    + "with its line breaks.",
                "Check that nothing was cut off or added when copying.",
            ])
    }

    /// CRLF and CR to LF, each line trimmed, blank lines dropped.
    static func normalize(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: "\n") + "\n"
    }
}
