import Foundation
import SentinelCore
import SentinelVault

/// How entries are shown: a fingerprint instead of the API key, lengths instead of secrets, ages a person reads.
enum VaultEntryRendering {
    static func summary(_ entry: VaultEntry) -> String {
        "\(entry.name) (\(entry.exchange) \(products(entry)) \(environment(entry)), key \(entry.fingerprint), "
            + "\(entry.keyType))"
    }

    static func products(_ entry: VaultEntry) -> String {
        entry.products.map(\.rawValue).joined(separator: ",")
    }

    static func environment(_ entry: VaultEntry) -> String {
        entry.environment.customEndpoint.map { "\(entry.environment.kind)@\($0)" } ?? entry.environment.kind.rawValue
    }

    static func age(since date: Date, now: Date = Date()) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(date)))
        switch seconds {
        case ..<60: return "under a minute"
        case ..<3600: return "\(seconds / 60) min"
        case ..<86_400: return "\(seconds / 3600) h"
        default: return "\(seconds / 86_400) d"
        }
    }

    static func expiry(_ entry: VaultEntry, now: Date = Date()) -> String {
        guard let expiresAt = entry.expiresAt else { return "unknown" }
        let days = Int(expiresAt.timeIntervalSince(now) / 86_400)
        return expiresAt < now ? "EXPIRED \(day(expiresAt))" : "\(day(expiresAt)) (\(days) d)"
    }

    /// Keys are rotated this long after they were stored, unless the exchange sets an earlier expiry
    /// (`sentinel watch --rotation-days` reminds on another schedule).
    static let rotationDays = 90

    static func rotateBy(_ entry: VaultEntry) -> Date {
        entry.createdAt.addingTimeInterval(Double(rotationDays) * 86_400)
    }

    /// The rotation countdown: `in 85 d`, or `DUE` once the key is older than the rotation period.
    static func rotation(_ entry: VaultEntry, now: Date = Date()) -> String {
        let due = rotateBy(entry)
        guard due > now else { return "DUE since \(day(due))" }
        return "in \(Int(due.timeIntervalSince(now) / 86_400)) d"
    }

    static func day(_ date: Date) -> String {
        iso(date).prefix(10).description
    }

    static func iso(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    static func json(_ entry: VaultEntry, now: Date = Date()) -> JSONText.Value {
        func optionalDate(_ date: Date?) -> JSONText.Value { date.map { .string(iso($0)) } ?? .null }
        return .object([
            ("name", .string(entry.name)),
            ("fingerprint", .string(entry.fingerprint)),
            ("exchange", .string(entry.exchange.rawValue)),
            ("products", .array(entry.products.map { .string($0.rawValue) })),
            ("environment", .string(entry.environment.kind.rawValue)),
            ("endpoint", entry.environment.customEndpoint.map { .string($0) } ?? .null),
            ("keyType", .string(entry.keyType.rawValue)),
            ("label", entry.label.map { .string($0) } ?? .null),
            ("createdAt", .string(iso(entry.createdAt))),
            ("ageDays", .int(Int64(max(0, now.timeIntervalSince(entry.createdAt)) / 86_400))),
            ("expiresAt", optionalDate(entry.expiresAt)),
            ("rotateBy", .string(iso(rotateBy(entry)))),
            ("rotationDue", .bool(rotateBy(entry) <= now)),
            ("lastVerifiedAt", optionalDate(entry.lastVerifiedAt)),
            ("hasPassphrase", .bool(entry.passphrase != nil)),
        ])
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
