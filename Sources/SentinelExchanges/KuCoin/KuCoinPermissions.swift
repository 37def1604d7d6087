import Foundation
import SentinelCore

/// A KuCoin key's audit (kucoin.md §4, §7) from its `/api/v1/user/api-key` description.
enum KuCoinPermissions {
    static func map(_ info: KuCoinWire.KeyInfo) -> KeyPermissions {
        let granted = Set(info.permission.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
        let addresses = (info.ipWhitelist ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var permissions = KeyPermissions(
            read: granted.contains("General"), spotTrade: granted.contains("Spot"),
            futuresTrade: granted.contains("Futures"), withdraw: granted.contains("Transfer"),
            transfer: granted.contains("InnerTransfer"), ipRestricted: !addresses.isEmpty,
            ipWhitelist: addresses.isEmpty ? nil : addresses, createdAt: info.createdAt)
        permissions.reported = info.permission.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return permissions
    }
}
