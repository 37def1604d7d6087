import Foundation
import SentinelCore

/// The key audit's reading of Bitget's `authorities` and `ips` (bitget.md §4 key info).
enum BitgetPermissions {
    static func permissions(authorities: [String], ips: String) -> KeyPermissions {
        let granted = Set(authorities.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        let addresses = ips.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let trade = granted.contains("trade")
        let readCodes: Set<String> = ["readonly", "stor", "coor", "cpor", "smor", "ttor", "wtor", "taxr", "chor"]
        let spotTrade = trade || granted.contains("stow")
        let futuresTrade = trade || granted.contains("coow") || granted.contains("cpow")
        var permissions = KeyPermissions(
            read: !granted.isDisjoint(with: readCodes) || spotTrade || futuresTrade, spotTrade: spotTrade,
            futuresTrade: futuresTrade, withdraw: granted.contains("wwow"), transfer: granted.contains("wtow"),
            ipRestricted: !addresses.isEmpty, ipWhitelist: addresses)
        permissions.reported = authorities.sorted()
        return permissions
    }
}
