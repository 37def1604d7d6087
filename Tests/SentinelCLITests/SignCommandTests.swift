import Foundation
import Testing

@Suite(.timeLimit(.minutes(5))) struct SignCommandTests {
    static let binanceSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let ed25519PEM =
        "-----BEGIN PRIVATE KEY-----\r\nMC4CAQAwBQYDK2VwBCIEIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f\r\n-----END PRIVATE KEY-----\r\n"

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func binancePrintsTheSignedRequest() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.credentials([
            "apiKey": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "secret": Self.binanceSecret,
        ])
        let outcome = try await CLIRunner.run([
            "sign", "binance", "--method", "POST", "--path", "/api/v3/order", "--query",
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
            "--credentials", file,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try json(outcome.stdout)
        #expect(object["method"] as? String == "POST")
        #expect(object["url"] as? String == "https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
        #expect((object["headers"] as? [String: String])?["X-MBX-APIKEY"] == "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A")
        #expect(object["body"] is NSNull)
        #expect(!outcome.stdout.contains(Self.binanceSecret))
        #expect(outcome.stdout.hasPrefix(#"{"method": "POST", "url": "https://api.binance.com/api/v3/order?"#))
    }

    @Test func futuresPathsGoToTheFuturesHostAndTheTimestampFlagIsUsed() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.credentials(["apiKey": "futureskey0123456", "secret": Self.binanceSecret])
        let outcome = try await CLIRunner.run([
            "sign", "binance", "--method", "GET", "--path", "/fapi/v3/positionRisk", "--env", "demo",
            "--credentials", file, "--timestamp", "1700000000000",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let url = try #require(try json(outcome.stdout)["url"] as? String)
        #expect(url.hasPrefix("https://demo-fapi.binance.com/fapi/v3/positionRisk?timestamp=1700000000000&recvWindow=5000&signature="))
    }

    @Test func ed25519KeyWithWindowsLineEndingsIsDetectedFromThePEM() async throws {
        let folder = try TemporaryFolder()
        let file = try folder.credentials(["apiKey": "edkey0123456789", "secret": Self.ed25519PEM])
        let outcome = try await CLIRunner.run([
            "sign", "binance", "--method", "POST", "--path", "/api/v3/order", "--body",
            "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000",
            "--credentials", file,
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let body = try #require(try json(outcome.stdout)["body"] as? String)
        #if os(Linux)
            #expect(body.hasSuffix("&signature=m5loLRxgkb9HyW0wkZ4KNrpck881bx5D0OrKNnPklvk4tlGjEJkhiP9DoyC0sc1lXA%2FTWugjVPrMb%2FbfNdmdBw%3D%3D"))
        #endif
        #expect(!outcome.stdout.contains("MC4CAQAw"))
    }

    @Test func everyExchangeSignsWithItsOwnHeaders() async throws {
        let folder = try TemporaryFolder()
        let withPass = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": "secret-0123456789", "passphrase": "Pass-phrase1"], name: "p.json")
        let plain = try folder.credentials(["apiKey": "key-0123456789", "secret": "secret-0123456789"])
        let cases: [(String, String, [String], String)] = [
            ("bybit", plain, ["--env", "testnet"], "X-BAPI-SIGN"),
            ("okx", withPass, ["--env", "demo"], "OK-ACCESS-SIGN"),
            ("kucoin", withPass, ["--product", "linear"], "KC-API-SIGN"),
            ("bitget", withPass, ["--env", "demo", "--product", "inverse"], "ACCESS-SIGN"),
            ("binance-us", plain, [], "X-MBX-APIKEY"),
        ]
        for (exchange, file, extra, header) in cases {
            let outcome = try await CLIRunner.run(
                ["sign", exchange, "--method", "GET", "--path", "/api/test", "--query", "a=1", "--credentials", file,
                 "--timestamp", "1700000000000"] + extra)
            #expect(outcome.status == 0, "\(exchange): \(outcome.stderr)")
            let headers = try #require(try json(outcome.stdout)["headers"] as? [String: String])
            #expect(headers[header] != nil, "\(exchange)")
            #expect(!outcome.stdout.contains("secret-0123456789"))
        }
    }

    /// Each refusal: non-zero exit, nothing on stdout, a message on stderr naming the problem, and no secret.
    @Test func refusesBadInputClearly() async throws {
        let folder = try TemporaryFolder()
        let secret = "secret-0123456789-abcdefgh"
        let good = try folder.credentials(["apiKey": "key-0123456789", "secret": secret, "passphrase": "Pass-phrase1"], name: "good.json")
        let plain = try folder.credentials(["apiKey": "key-0123456789", "secret": secret], name: "plain.json")
        let spacedKey = try folder.credentials(["apiKey": " key-0123456789", "secret": secret], name: "k.json")
        let newlineSecret = try folder.credentials(["apiKey": "key-0123456789", "secret": secret + "\n"], name: "s.json")
        let spacedPass = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": secret, "passphrase": "Pass-phrase1 "], name: "pp.json")
        let badPEM = try folder.credentials(
            ["apiKey": "key-0123456789", "secret": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"],
            name: "pem.json")
        let notJSON = try folder.write(Data("apiKey=abc".utf8), name: "bad.json")
        let unknownField = try folder.credentials(["apiKey": "key-0123456789", "api_secret": secret], name: "u.json")

        let base = ["--method", "GET", "--path", "/api/x"]
        let cases: [([String], String)] = [
            (["sign", "coinbase"] + base + ["--credentials", plain], "Unknown exchange"),
            (["sign", "kucoin"] + base + ["--credentials", good, "--env", "demo"], "no demo environment"),
            (["sign", "binance-us"] + base + ["--credentials", plain, "--product", "linear"], "has no linear market"),
            (["sign", "okx"] + base + ["--credentials", plain], "need the passphrase"),
            (["sign", "binance"] + base + ["--credentials", good], "have no passphrase"),
            (["sign", "binance"] + base + ["--credentials", badPEM], "could not be read"),
            (["sign", "bybit", "--method", "POST", "--path", "/v5/order/create", "--body", "{not json", "--credentials", plain], "not valid JSON"),
            (["sign", "bitget", "--method", "POST", "--path", "/api/v2/x", "--body", "a=1", "--credentials", good], "not valid JSON"),
            (["sign", "binance"] + base + ["--credentials", spacedKey], "The API key has whitespace at the start"),
            (["sign", "binance"] + base + ["--credentials", newlineSecret], "The secret has whitespace at the end (a line break)"),
            (["sign", "okx"] + base + ["--credentials", spacedPass], "The passphrase has whitespace at the end"),
            (["sign", "binance"] + base + ["--credentials", notJSON], "is not a JSON object"),
            (["sign", "binance"] + base + ["--credentials", unknownField], "unknown field"),
            (["sign", "binance"] + base + ["--credentials", folder.url.path + "/missing.json"], "Cannot read"),
            (["sign", "binance", "--method", "FETCH", "--path", "/api/x", "--credentials", plain], "not an HTTP method"),
            (["sign", "binance", "--method", "GET", "--path", "api/x", "--credentials", plain], "not a request path"),
            (["sign", "binance", "--method", "GET", "--path", "/fapi/v1/order", "--product", "spot", "--credentials", plain], "linear endpoint"),
            (["sign", "okx"] + base + ["--credentials", good, "--recv-window", "5000"], "has no recvWindow"),
            (["sign", "binance"] + base + ["--credentials", plain, "--endpoint", "ftp://x"], "not a usable base URL"),
        ]
        for (arguments, message) in cases {
            let outcome = try await CLIRunner.run(arguments)
            #expect(outcome.status != 0, "\(arguments)")
            #expect(outcome.stdout.isEmpty, "\(arguments): \(outcome.stdout)")
            #expect(outcome.stderr.contains(message), "\(arguments): \(outcome.stderr)")
            #expect(outcome.stderr.contains("fix:") || message == "not a usable base URL" || outcome.stderr.contains("1."), "\(arguments)")
            #expect(!outcome.stderr.contains(secret), "\(arguments)")
            #expect(!outcome.stderr.contains("Pass-phrase1"), "\(arguments)")
        }
    }

    @Test func secretsAreNotAcceptedAsArguments() async throws {
        let outcome = try await CLIRunner.run(["sign", "binance", "--method", "GET", "--path", "/api/x", "--secret", "abc"])
        #expect(outcome.status != 0)
        #expect(outcome.stdout.isEmpty)
    }
}

@Suite(.timeLimit(.minutes(5))) struct DemoCommandTests {
    /// The README's first command: offline, every good key passes, every classic bad key is caught by its check.
    @Test func demoCatchesEveryClassicBadKeyWithTheRightCheck() async throws {
        let outcome = try await CLIRunner.run(["demo"])
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        #expect(outcome.stdout.contains(
            "12/12 vectors reproduced — 4 published by the exchanges themselves (Binance, KuCoin), 8 computed with ccxt "
                + "and cross-checked (Bybit, OKX and Bitget publish none that verify)."))
        #expect(outcome.stdout.contains("11 good keys passed (no check failed), 31 bad keys caught by the right check, 0 unexpected."))
        for (key, check) in [
            ("binance-withdraw", "permissions.withdraw"), ("binance-whitespace", "credentials"), ("binance-clock", "clock"),
            ("binance-usdm-ip", "ip-whitelist"), ("binance-wrong-env", "environment"), ("binance-expired", "expiry"),
            ("binance-us-key-on-global", "environment"), ("bybit-withdraw", "permissions.withdraw"),
            ("bybit-read-only", "permissions.trade"), ("bybit-wrong-env", "environment"), ("bybit-clock", "clock"),
            ("bybit-wrong-secret", "auth"), ("bybit-unbound", "ip-whitelist (warn)"),
            ("okx-withdraw", "permissions.withdraw"), ("okx-passphrase", "auth"), ("okx-demo-on-live", "environment"), ("okx-ip", "ip-whitelist"),
            ("okx-clock", "clock"), ("okx-whitespace", "credentials"),
            ("bitget-withdraw", "permissions.withdraw"), ("bitget-read-only", "permissions.trade"),
            ("bitget-passphrase", "auth"), ("bitget-demo-on-live", "environment"), ("bitget-clock", "clock"),
            ("bitget-unbound", "ip-whitelist (warn)"),
            ("kucoin-withdraw", "permissions.withdraw"), ("kucoin-passphrase", "auth"),
            ("kucoin-spot-on-futures", "environment"), ("kucoin-clock", "clock"), ("kucoin-whitespace", "credentials"),
        ] {
            #expect(outcome.stdout.contains("✔ \(key) ("), "\(key)")
            #expect(outcome.stdout.contains("caught by \(check) —"), "\(check)")
        }
        #expect(!outcome.stdout.contains("UNEXPECTED"))
        #expect(outcome.stdout.contains("caught by auth — OKX says the passphrase is wrong for this API key (50105)."))
        #expect(outcome.stdout.contains("This is an OKX demo key, but it was used on OKX live."))
        // Binance spot does not name the refused IP; the doctor asks USDⓈ-M with the same key, which does.
        #expect(outcome.stdout.contains(
            "✔ binance-spot-ip (IP not whitelisted): caught by ip-whitelist — The key's IP whitelist leaves out this "
                + "computer (127.0.0.1)"))
        #expect(outcome.stdout.contains("caught by auth — Bitget says the passphrase is wrong for this API key (40012"))
        #expect(outcome.stdout.contains("This is a Bitget demo key, but it was used on Bitget live."))
    }
}
