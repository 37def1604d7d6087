import Foundation
import PropertyBased
import SentinelCore
import Testing

@testable import SentinelVault

/// The payload encoding gives back exactly what it was given, for any bytes in the secrets and any text in labels.
@Suite struct VaultPayloadPropertyTests {
    static let bytes = Gen<UInt8>.value(in: 0...255).array(of: 1...300)
    static let text = Gen.unicodeScalar(in: " "..."\u{10FF}").array(of: 0...40)
        .map { String(String.UnicodeScalarView($0)) }

    @Test func entriesRoundTripThroughThePayload() async {
        await propertyCheck(count: 200, input: Self.bytes, Self.bytes, Self.text, Gen.int(in: 0...4_000_000_000_000)) {
            secret, passphrase, label, milliseconds in
            let location = VaultLocation(home: "/nonexistent")
            var entry = Fixture.okx()
            entry.secret = SecretText(bytes: secret)
            entry.passphrase = SecretText(bytes: passphrase)
            entry.label = label
            entry.createdAt = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            entry.environment = Environment(.demo, customEndpoint: "http://127.0.0.1:8904")
            let encoded = VaultPayload.encode([entry, Fixture.binance()])
            #expect(encoded.count % VaultPayload.paddingBlock == 0)
            let decoded = try VaultPayload.decode(encoded, location: location)
            #expect(decoded == [entry, Fixture.binance()])
        }
    }
}
