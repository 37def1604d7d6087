import SentinelCore
import Testing

@testable import SentinelExchanges

/// The start-up self-test that `sentinel demo` prints: every vector reproduces, and each says truthfully whether the
/// exchange published it or it is a cross-check against another implementation.
@Suite(.timeLimit(.minutes(5))) struct SigningSelfTestTests {
    @Test func everyVectorReproducesAndNamesItsOrigin() {
        let results = SigningSelfTest.run()
        #expect(results.count == 12)
        for result in results { #expect(result.passed, "\(result.exchange): \(result.name)") }
        // Bybit, OKX and Bitget publish no vector that can be reproduced: theirs can only be cross-checks.
        for result in results where [.bybit, .okx, .bitget].contains(result.exchange) {
            #expect(result.origin == .crossChecked, "\(result.exchange): \(result.name)")
        }
        let own = results.filter { $0.origin == .exchange }.map { "\($0.exchange.rawValue): \($0.name)" }
        #expect(own == [
            "binance: HMAC, parameters in the query", "binance: HMAC, query and body mixed",
            "binance-us: HMAC, non-ASCII symbol percent-encoded", "kucoin: official doc example",
        ])
    }

    @Test func aWrongExpectationFails() throws {
        var vector = try #require(SigningSelfTest.vectors.first)
        #expect(try SigningSelfTest.actual(vector) == vector.expected)
        vector = SigningSelfTest.Vector(
            exchange: vector.exchange, name: vector.name, product: vector.product, environment: vector.environment,
            apiKey: vector.apiKey, secret: vector.secret + "x", passphrase: vector.passphrase, method: vector.method,
            path: vector.path, query: vector.query, body: vector.body, timestampMs: vector.timestampMs,
            location: vector.location, expected: vector.expected)
        #expect(try SigningSelfTest.actual(vector) != vector.expected)
    }
}
