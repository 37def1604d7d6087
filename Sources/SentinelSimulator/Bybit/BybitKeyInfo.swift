import Foundation
import SentinelCore

/// `GET /v5/user/query-api`: the key as Bybit describes it, which is what a key audit reads (fact sheet §4, §8).
enum BybitKeyInfo {
    static func render(_ key: SimulatedAPIKey, now: Int64) -> JSONValue {
        let permissions = key.permissions
        let trades = permissions.contains(.trade)
        let derivatives = trades && permissions.contains(.futures)
        var wallet: [String] = []
        if permissions.contains(.transfer) { wallet += ["AccountTransfer", "SubMemberTransfer"] }
        if permissions.contains(.withdraw) { wallet.append("Withdraw") }
        func group(_ names: [String]) -> JSONValue { .array(names.map(JSONValue.string)) }
        let expiry = BybitAuthenticator.expiry(of: key)
        let deadlineDay = expiry.map { Int(max(0, ($0 - now + 86_399_999) / 86_400_000)) } ?? -2
        return .object([
            ("id", .string(String(2_200_000 + key.accountID))),
            ("note", .string("sentinel simulator")),
            ("apiKey", .string(key.apiKey)),
            ("readOnly", .int(trades ? 0 : 1)),
            ("secret", .string("")),
            (
                "permissions",
                .object([
                    ("ContractTrade", group(derivatives ? ["Order", "Position"] : [])),
                    ("Spot", group(trades ? ["SpotTrade"] : [])),
                    ("Wallet", group(wallet)),
                    ("Options", group([])),
                    ("Derivatives", group(derivatives ? ["DerivativesTrade"] : [])),
                    ("CopyTrading", group([])), ("BlockTrade", group([])),
                    ("Exchange", group(["ExchangeHistory"])),
                    ("NFT", group([])), ("Affiliate", group([])), ("Earn", group([])),
                ])
            ),
            ("ips", group(key.ipWhitelist.isEmpty ? ["*"] : key.ipWhitelist)),
            ("type", .int(1)),
            ("deadlineDay", .int(deadlineDay)),
            ("expiredAt", .string(isoTime(expiry ?? 0))),
            ("createdAt", .string(isoTime(key.createdAt))),
            ("unified", .int(0)), ("uta", .int(1)),
            ("userID", .int(Int64(userID(key)))), ("inviterID", .int(0)), ("vipLevel", .string("No VIP")),
            ("mktMakerLevel", .string("0")), ("affiliateID", .int(0)),
            ("rsaPublicKey", .string(rsaPublicKey(key))), ("isMaster", .bool(true)), ("parentUid", .string("0")),
            ("kycLevel", .string("LEVEL_1")), ("kycRegion", .string("")),
        ])
    }

    static func userID(_ key: SimulatedAPIKey) -> Int { 100_000_000 + key.accountID }

    static func rsaPublicKey(_ key: SimulatedAPIKey) -> String {
        guard case .rsa(let publicKey) = key.material else { return "" }
        return publicKey.pemRepresentation
    }

    /// `2025-10-13T03:20:45Z`.
    static func isoTime(_ milliseconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(milliseconds / 1000)))
    }
}
