import SentinelCore

/// A Bybit key's audit (bybit.md §8) from its `/v5/user/query-api` description.
enum BybitPermissions {
    static func map(_ info: BybitWire.KeyInfo) -> KeyPermissions {
        let groups = info.permissions
        let writes = info.readOnly.value == 0
        let wallet = groups["Wallet"] ?? []
        let ips = (info.ips ?? []).filter { !$0.isEmpty }
        let unbound = ips.isEmpty || ips.contains("*")
        var permissions = KeyPermissions(
            read: true,
            spotTrade: writes && (groups["Spot"] ?? []).contains("SpotTrade"),
            futuresTrade: writes
                && (!(groups["ContractTrade"] ?? []).isEmpty || (groups["Derivatives"] ?? []).contains("DerivativesTrade")),
            withdraw: wallet.contains("Withdraw"),
            transfer: wallet.contains("AccountTransfer") || wallet.contains("SubMemberTransfer"),
            ipRestricted: !unbound, ipWhitelist: unbound ? nil : ips,
            expiresAt: info.expiredAt.flatMap(isoMilliseconds).flatMap { $0 > 0 ? $0 : nil },
            createdAt: info.createdAt.flatMap(isoMilliseconds))
        permissions.reported = groups.keys.sorted().compactMap { name in
            guard let list = groups[name], !list.isEmpty else { return nil }
            return "\(name): \(list.joined(separator: ", "))"
        } + (writes ? [] : ["readOnly"])
        return permissions
    }

    /// `2025-10-13T03:20:45Z` (optionally with fractional seconds) → Unix milliseconds.
    static func isoMilliseconds(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z"), bytes[4] == UInt8(ascii: "-"),
            bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
            bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int64(byte - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        // Days from the civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1000
    }
}
