import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// Format, pasted whitespace, passphrase, key type — before anything is sent.
    mutating func checkCredentials() -> DoctorCheck {
        let exchange = venue.exchange
        do throws(SentinelError) {
            try CredentialCheck.validate(
                apiKey: subject.apiKey, secret: subject.secret, passphrase: subject.passphrase, for: exchange)
            let key = try SigningKey(secret: subject.secret, declared: subject.keyType)
            guard exchange.traits.keyTypes.contains(key.keyType) else {
                throw SentinelError.invalidInput(
                    "\(exchange.displayName) does not take \(key.keyType) keys.",
                    fix: ["Create an HMAC key (or a key type \(exchange.displayName) supports) and store it again."])
            }
            let credentials = Credentials(
                apiKey: subject.apiKey, secret: subject.secret, passphrase: subject.passphrase, keyType: key.keyType)
            self.credentials = credentials
            // A client that cannot be made (no connector for this exchange yet) is the environment check's to
            // report: the key itself is fine.
            do { client = try environment.makeClient(venue, credentials) } catch { clientError = error }
            var evidence = ["api key": credentials.fingerprint, "key type": key.keyType.rawValue]
            if exchange.traits.passphrase == .required { evidence["passphrase"] = "present" }
            return DoctorCheck(
                .credentials, .pass, "The key is well-formed: \(key.keyType) key \(credentials.fingerprint).",
                evidence: evidence)
        } catch {
            stopReason = "the credentials must be fixed first"
            return DoctorCheck.from(.credentials, .fail, error)
        }
    }
}
