import Foundation
import SentinelSimulator
import Testing

/// Issue 17 as a user meets it on the command line: endpoints (finding 2), `sign` passphrases (3), secrets in
/// errors (5) and private files (6). No test here sends anything to a non-loopback address: every refused
/// endpoint is refused before a connection is made, and the accepted insecure one is only printed by `sign`.
@Suite(.timeLimit(.minutes(5))) struct HardeningCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: Finding 3

    @Test func signMasksPassphrasesUnlessRevealed() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": "secret-0123456789", "passphrase": "Pass-phrase1"])
        let cases: [(String, [String], String)] = [
            ("okx", ["--env", "demo"], "OK-ACCESS-PASSPHRASE"),
            ("kucoin", [], "KC-API-PASSPHRASE"),
            ("bitget", ["--env", "demo"], "ACCESS-PASSPHRASE"),
        ]
        for (exchange, extra, header) in cases {
            let base = ["sign", exchange, "--method", "GET", "--path", "/api/test", "--credentials", file,
                        "--timestamp", "1700000000000"] + extra
            let masked = try await CLIRunner.run(base)
            #expect(masked.status == 0, "\(exchange): \(masked.stderr)")
            let maskedHeaders = try #require(try json(masked.stdout)["headers"] as? [String: String])
            #expect(maskedHeaders[header] == "<redacted: add --reveal to show>", "\(exchange)")
            #expect(!masked.stdout.contains("Pass-phrase1"))
            let revealed = try await CLIRunner.run(base + ["--reveal"])
            let revealedHeaders = try #require(try json(revealed.stdout)["headers"] as? [String: String])
            let value = try #require(revealedHeaders[header])
            #expect(value != maskedHeaders[header] && !value.isEmpty, "\(exchange)")
            #expect(!masked.stdout.contains(value), "\(exchange): the (HMAC'd) passphrase is nowhere in the output")
            // Everything else is the same request.
            var others = revealedHeaders
            others[header] = maskedHeaders[header]
            #expect(others == maskedHeaders)
        }
    }

    // MARK: Finding 2

    @Test func plainHTTPToAnotherHostIsRefusedBeforeAnythingIsSent() async throws {
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.credentials(["apiKey": "key-0123456789", "secret": "secret-0123456789"])
        let endpoints: [(String, String)] = [
            ("http://127.example.com:8900", "not this machine"),
            ("http://192.0.2.10:8900", "not this machine"),
            ("http://127.0.0.1:1@192.0.2.2:2", "user information"),
            ("http://0177.0.0.1:8900", "four decimal numbers"),
        ]
        for (endpoint, message) in endpoints {
            let commands: [[String]] = [
                ["balance", "--exchange", "binance", "--credentials", keyFile, "--endpoint", endpoint],
                ["doctor", "--exchange", "binance", "--credentials", keyFile, "--endpoint", endpoint],
                ["sign", "binance", "--method", "GET", "--path", "/api/v3/account", "--credentials", keyFile,
                 "--endpoint", endpoint],
                ["vault", "add", "k", "--exchange", "binance", "--endpoint", endpoint, "--stdin"],
                ["connect", "binance", "--endpoint", endpoint, "--stdin", "--yes"],
            ]
            for command in commands {
                let outcome = try await sandbox.sentinel(
                    command, input: #"{"apiKey": "key-0123456789", "secret": "secret-0123456789"}"#)
                #expect(outcome.status != 0, "\(command)")
                #expect(outcome.stderr.contains(message), "\(command): \(outcome.stderr)")
                #expect(!outcome.stderr.contains("192.0.2.2"), "userinfo URLs are not repeated")
            }
        }
        // Accepted with the flag, which says what it risks; `sign` sends nothing.
        let signed = try await sandbox.sentinel(
            ["sign", "binance", "--method", "GET", "--path", "/api/v3/account", "--credentials", keyFile,
             "--endpoint", "http://192.0.2.10:8900", "--insecure-http", "--timestamp", "1700000000000"])
        #expect(signed.status == 0, "\(signed.stderr)")
        #expect(signed.stderr.contains("over plain HTTP"))
        let url = try #require(try json(signed.stdout)["url"] as? String)
        #expect(url.hasPrefix("http://192.0.2.10:8900/api/v3/account?timestamp=1700000000000"), "\(url)")
    }

    @Test func aStoredInsecureEndpointNeedsTheFlagAgainAtEachUse() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let key = #"{"apiKey": "key-0123456789", "secret": "secret-0123456789"}"#
        let refused = try await sandbox.vault(
            ["add", "remote", "--exchange", "binance", "--endpoint", "http://192.0.2.10:8900", "--stdin"], input: key)
        #expect(refused.status != 0 && refused.stderr.contains("not this machine"), "\(refused.stderr)")
        let stored = try await sandbox.vault(
            ["add", "remote", "--exchange", "binance", "--endpoint", "http://192.0.2.10:8900", "--insecure-http",
             "--stdin"], input: key)
        #expect(stored.status == 0, "\(stored.stderr)")
        #expect(stored.stderr.contains("over plain HTTP"))
        for command in [["balance", "--key", "remote"], ["doctor", "remote"]] {
            let outcome = try await sandbox.sentinel(command)
            #expect(outcome.status != 0, "\(command)")
            #expect(outcome.stderr.contains("not this machine") && outcome.stderr.contains("--insecure-http"), "\(outcome.stderr)")
        }
        // Rotating sends the new key to the stored endpoint: refused before anything is sent, the old key kept.
        let newKey = #"{"apiKey": "key-9876543210", "secret": "secret-9876543210"}"#
        let rotate = try await sandbox.vault(["rotate", "remote", "--stdin"], input: newKey)
        #expect(rotate.status != 0 && rotate.stderr.contains("not this machine"), "\(rotate.stderr)")
        let kept = try sandbox.open().requireEntry(named: "remote")
        #expect(kept.apiKey == "key-0123456789")
    }

    // MARK: Finding 5

    @Test func aBrokenPEMSecretIsNeverEchoed() async throws {
        let folder = try TemporaryFolder()
        let secretLine = "-----BEGIN zQ8sEcReTpArT0fTheKeyXy7-----"
        let file = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": secretLine + "\nAAAA\n-----END zQ8sEcReTpArT0fTheKeyXy7-----\n"])
        let outcome = try await CLIRunner.run(
            ["sign", "binance", "--method", "GET", "--path", "/api/v3/account", "--credentials", file])
        #expect(outcome.status != 0)
        #expect(!outcome.stderr.contains("zQ8s"), "\(outcome.stderr)")
        #expect(!outcome.stdout.contains("zQ8s"))
        #expect(outcome.stderr.contains("PEM private key label"))
        let certificate = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"],
            name: "cert.json")
        let named = try await CLIRunner.run(
            ["sign", "binance", "--method", "GET", "--path", "/api/v3/account", "--credentials", certificate])
        #expect(named.stderr.contains("CERTIFICATE, not a private key"), "\(named.stderr)")
    }

    // MARK: Finding 6

    /// `--credentials` without `--exchange` names what is missing instead of saying that no key was given.
    @Test func aCredentialsFileWithoutAnExchangeNamesTheMissingOption() async throws {
        let sandbox = try VaultSandbox()
        let keyFile = try sandbox.folder.credentials(["apiKey": "key-0123456789", "secret": "secret-0123456789"])
        let balance = try await sandbox.sentinel(["balance", "--credentials", keyFile])
        #expect(balance.status != 0 && balance.stdout.isEmpty)
        #expect(balance.stderr.contains("--credentials needs --exchange"), "\(balance.stderr)")
        #expect(!balance.stderr.contains("No key given"))
    }

    @Test func secretFilesOthersCanReadAreRefusedWithTheChmod() async throws {
        let sandbox = try VaultSandbox()
        try await sandbox.initialize()
        let keyFile = try sandbox.folder.credentials(["apiKey": "key-0123456789", "secret": "secret-0123456789"])
        chmod(keyFile, 0o644)
        let sign = try await sandbox.sentinel(
            ["sign", "binance", "--method", "GET", "--path", "/api/v3/account", "--credentials", keyFile])
        #expect(sign.status != 0 && sign.stdout.isEmpty)
        #expect(sign.stderr.contains("chmod 600 \(keyFile)"), "\(sign.stderr)")
        #expect(!sign.stderr.contains("secret-0123456789"))

        chmod(sandbox.passwordFile, 0o640)
        let list = try await sandbox.vault(["list"])
        #expect(list.status != 0 && list.stderr.contains("chmod 600 \(sandbox.passwordFile)"), "\(list.stderr)")
        #expect(!list.stderr.contains(VaultSandbox.password))
        chmod(sandbox.passwordFile, 0o600)

        let large = try sandbox.folder.write(Data(repeating: 0x61, count: 5000), name: "large-password")
        chmod(large, 0o600)
        let tooLarge = try await sandbox.vault(["list"], environment: ["SENTINEL_PASSWORD_FILE": large])
        #expect(tooLarge.status != 0 && tooLarge.stderr.contains("larger than 4096 bytes"), "\(tooLarge.stderr)")

        let fifo = sandbox.folder.url.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let pipe = try await sandbox.vault(["list"], environment: ["SENTINEL_PASSWORD_FILE": fifo])
        #expect(pipe.status != 0 && pipe.stderr.contains("not a regular file"), "\(pipe.stderr)")
    }

    @Test func aHomeThatIsAFileIsReportedAsSuch() async throws {
        let sandbox = try VaultSandbox()
        _ = FileManager.default.createFile(atPath: sandbox.home, contents: Data("not a folder".utf8))
        for command in [["vault", "init"], ["vault", "list"]] {
            let outcome = try await sandbox.sentinel(command)
            #expect(outcome.status != 0)
            #expect(outcome.stderr.contains("is a file, not a folder"), "\(command): \(outcome.stderr)")
        }
    }
}
