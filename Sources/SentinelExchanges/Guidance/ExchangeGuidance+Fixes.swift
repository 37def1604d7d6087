import SentinelCore

/// The doctor's fixes, made from the same data as the creation steps.
extension ExchangeGuidance {
    /// How to give the key the trade permission it lacks for `product`.
    public func tradePermissionFix(_ product: Product) -> [String] {
        let box = fixes.tradePermission[product] ?? "edit the key and tick the trade permission for \(product)."
        return ["On \(apiPage), \(box)"]
    }

    /// How to take withdrawals away from a key.
    public var removeWithdrawFix: [String] {
        [
            "On \(apiPage), edit the key and untick withdrawals (\"\(fixes.withdrawBox)\").",
            "If the exchange does not allow editing it, delete the key and create a new one with Read and Trade only.",
        ]
    }

    /// How to take transfers away from a key whose bot does not move funds between wallets.
    public var removeTransferFix: [String] {
        guard let boxes = fixes.transferBoxes else {
            return [
                "\(exchange.displayName) has no separate transfer permission: keep the bot on a sub-account that "
                    + "holds only its funds."
            ]
        }
        return ["Unless your bot moves funds between wallets, on \(apiPage) edit the key and untick \(boxes)."]
    }

    /// How to restrict the key to this computer's address (`ip` when known).
    public func addIPFix(ip: String?) -> [String] {
        let address = ip.map { "this computer's address (\($0))" } ?? "this computer's public IP address"
        var steps = [
            "On \(apiPage), edit the key, choose \"Restrict access to trusted IPs only\" and add \(address).",
            "Find your public IP with `curl https://ifconfig.me` on the machine the bot runs on (a VPS has its own).",
        ]
        if let consequence = fixes.ipWhitelistConsequence { steps.append(consequence) }
        return steps
    }

    /// What to do about a key that expired or is about to.
    public var expiredFix: [String] {
        var steps = ["On \(apiPage), re-enable the key's trading permission, or create a new key."]
        if let prevention = fixes.expiryPrevention { steps.append(prevention) }
        steps.append("Then run `sentinel doctor` again.")
        return steps
    }
}
