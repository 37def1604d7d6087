import Foundation
import SentinelCore

/// Decodes an exchange's JSON answer, turning any mismatch into a `badResponse` that says what was expected.
enum WireDecoding {
    static func decode<T: Decodable>(
        _ type: T.Type, from body: [UInt8], exchange: ExchangeID, endpoint: String
    ) throws(SentinelError) -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(body))
        } catch {
            throw SentinelError(
                .badResponse,
                Diagnosis(
                    cause: "\(exchange.displayName) answered \(endpoint) with something Sentinel could not read.",
                    evidence: [
                        .init("expected", String(describing: type)),
                        .init("problem", describe(error)),
                        .init("answer starts with", String(decoding: body.prefix(160), as: UTF8.self)),
                    ],
                    fix: [
                        "Check that the endpoint points at \(exchange.displayName) itself, not a proxy or a login page.",
                        "If it persists, the exchange may have changed its API: report it with this message.",
                    ]))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
            DecodingError.dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "not JSON"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
