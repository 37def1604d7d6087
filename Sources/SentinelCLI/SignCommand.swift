import ArgumentParser
import Foundation
import SentinelCore
import SentinelExchanges
import SentinelNet

/// `sentinel sign`: prints the request exactly as the client would send it, signed (design.md §2).
struct SignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Show exactly what would be sent: one signed request as JSON.",
        discussion: """
            Prints {"method", "url", "headers", "body"} for the request, signed with the key in the credentials \
            file ({"apiKey", "secret", "passphrase"}; the secret may be a PEM private key for Ed25519/RSA keys). \
            Nothing is sent. Secrets are never taken as command-line arguments. Passphrase headers (OKX, KuCoin, \
            Bitget) are shown as \(SignCommand.redacted) unless --reveal is given: each, even KuCoin's HMAC'd form, \
            works as a credential.
            """)

    @Argument(help: "binance, binance-us, bybit, okx, kucoin or bitget.")
    var exchange: String

    @Option(help: "GET, POST, PUT or DELETE.")
    var method: String

    @Option(help: "The request path, e.g. /api/v3/order (a ?query on it is kept).")
    var path: String

    @Option(help: "The query string, e.g. 'symbol=BTCUSDT&limit=5'.")
    var query: String = ""

    @Option(help: "The body: JSON, or for Binance a form such as 'symbol=BTCUSDT&side=BUY'.")
    var body: String?

    @Option(help: "A JSON file with apiKey, secret and passphrase.")
    var credentials: String

    @Option(help: "The timestamp in Unix milliseconds (default: now). Fixes the output for comparisons.")
    var timestamp: Int64?

    @Option(help: "spot, linear or inverse (default: spot; Binance /fapi paths are linear).")
    var product: String?

    @Option(name: .customLong("env"), help: "live, testnet or demo.")
    var environment: String = "live"

    @Option(help: "A base URL that replaces the exchange's host, e.g. the simulator's http://127.0.0.1:8900.")
    var endpoint: String?

    @OptionGroup var insecureHTTP: InsecureHTTPOption

    @Flag(help: "Show passphrase headers as they would be sent (default: masked; they work as credentials).")
    var reveal = false

    @Option(help: "recvWindow in milliseconds (Binance and Bybit; default 5000).")
    var recvWindow: Int?

    func run() async throws {
        do {
            let request = try signedRequest()
            Console.output(Self.render(request, revealingPassphrase: reveal))
        } catch {
            throw Failure.report(error)
        }
    }

    func signedRequest() throws(SentinelError) -> SignedRequest {
        let exchangeID = try Arguments.exchange(exchange)
        guard let httpMethod = HTTPMethod(name: method) else {
            throw .invalidInput("\"\(method)\" is not an HTTP method.", fix: ["Use GET, POST, PUT or DELETE."])
        }
        let draft = try RequestDraft(
            method: httpMethod, pathAndQuery: path, query: query, body: body)
        let productValue = try resolveProduct(exchangeID, path: draft.path)
        let environmentKind = try Arguments.environment(environment)
        let venue = try Venue(
            exchangeID, productValue, Environment(environmentKind, customEndpoint: try Arguments.endpoint(endpoint, insecureHTTP: insecureHTTP.allowed)))
        let keys = try CredentialsFile.load(path: credentials, exchange: exchangeID)
        let signer = try ExchangeRegistry.signer(for: venue, credentials: keys, recvWindow: recvWindow)
        let time = timestamp ?? Int64(Date().timeIntervalSince1970 * 1000)
        guard time > 0 else {
            throw .invalidInput("The timestamp must be positive Unix milliseconds.", fix: ["Leave it out to use now."])
        }
        return try signer.sign(draft, timestampMs: time)
    }

    /// The product from --product, or from the path for Binance (`/fapi` is USDⓈ-M), else spot. The venue is
    /// checked first, so a product the exchange lacks is named as such rather than as a path mismatch.
    private func resolveProduct(_ exchange: ExchangeID, path: String) throws(SentinelError) -> Product {
        let fromPath = ExchangeModules.module(for: exchange).product(ofPath: path)
        guard let product else { return fromPath ?? .spot }
        let chosen = try Arguments.product(product)
        _ = try Venue(exchange, chosen, Environment(try Arguments.environment(environment)))
        if let fromPath, fromPath != chosen {
            throw .invalidInput(
                "The path \(path) is a \(fromPath) endpoint, but --product is \(chosen).",
                fix: ["Leave out --product, or use a \(chosen) path (/api/v3/... spot, /fapi/... USDⓈ-M)."])
        }
        return chosen
    }

    /// What a passphrase header shows without `--reveal`.
    static let redacted = "<redacted: add --reveal to show>"

    /// True for the headers that carry a passphrase (OKX `OK-ACCESS-PASSPHRASE`, KuCoin `KC-API-PASSPHRASE`,
    /// Bitget `ACCESS-PASSPHRASE`), whatever the exchange.
    static func isPassphraseHeader(_ name: String) -> Bool {
        name.lowercased().contains("passphrase")
    }

    static func render(_ request: SignedRequest, revealingPassphrase: Bool = false) -> String {
        JSONText.render(
            .object([
                ("method", .string(request.method.rawValue)),
                ("url", .string(request.url)),
                (
                    "headers",
                    .object(
                        request.headers.map {
                            ($0.name, .string(!revealingPassphrase && isPassphraseHeader($0.name) ? redacted : $0.value))
                        })
                ),
                ("body", request.body.map { .string($0) } ?? .null),
            ]))
    }
}
