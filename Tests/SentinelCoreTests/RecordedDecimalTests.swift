import Foundation
import Testing

@testable import SentinelCore

/// Every decimal string in real recorded exchange responses parses and formats back to the same text.
@Suite struct RecordedDecimalTests {
    static let files: [URL] = {
        let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/recorded")
        return (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil))?
            .filter { $0.pathExtension == "json" }.sorted { $0.lastPathComponent < $1.lastPathComponent } ?? []
    }()

    @Test func fixturesArePresent() {
        #expect(Self.files.count >= 20)
    }

    @Test(arguments: files)
    func everyDecimalStringRoundTrips(file: URL) throws {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file), options: [.fragmentsAllowed])
        var strings: [String] = []
        collectStrings(json, into: &strings)
        let decimals = strings.filter(Self.looksDecimal)
        #expect(!decimals.isEmpty, "no decimal strings in \(file.lastPathComponent)")
        for text in decimals {
            let value = try ExactDecimal(text)
            if text.contains("e") || text.contains("E") {
                #expect(try ExactDecimal(value.description) == value)
            } else if text.hasPrefix("-0"), value.isZero {
                #expect(value.description == String(text.dropFirst()))
            } else {
                #expect(value.description == text, "\(file.lastPathComponent): \(text)")
            }
        }
    }

    /// The shape of an exchange decimal: digits without a leading zero, an optional fraction, an optional
    /// exponent. Zero-padded digit strings such as Bitget's success code `"00000"` are codes, not numbers.
    static func looksDecimal(_ text: String) -> Bool {
        text.range(of: #"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$"#, options: .regularExpression) != nil
            && text.count < 40
    }

    func collectStrings(_ value: Any, into strings: inout [String]) {
        switch value {
        case let text as String: strings.append(text)
        case let array as [Any]: for item in array { collectStrings(item, into: &strings) }
        case let object as [String: Any]: for item in object.values { collectStrings(item, into: &strings) }
        default: break
        }
    }
}
