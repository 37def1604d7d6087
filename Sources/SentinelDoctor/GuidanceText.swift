import SentinelCore

/// Where things are on each exchange's website, for the fixes the doctor prints.
enum GuidanceText {
    static func apiPage(_ exchange: ExchangeID) -> String {
        switch exchange {
        case .binance: "binance.com → Profile → API Management"
        case .binanceUS: "binance.us → Profile → API Management"
        case .bybit: "bybit.com → Profile → API"
        case .okx: "okx.com → Profile → API keys"
        case .kucoin: "kucoin.com → Account → API Management"
        case .bitget: "bitget.com → Personal Center → API Key Management"
        }
    }

    static func tradePermission(_ venue: Venue) -> [String] {
        let page = apiPage(venue.exchange)
        switch (venue.exchange, venue.product) {
        case (.binance, .spot), (.binanceUS, _):
            return ["On \(page), edit the key and tick \"Enable Spot & Margin Trading\"."]
        case (.binance, _):
            return [
                "On \(page), edit the key and tick \"Enable Futures\" (open the USDⓈ-M futures account first; keys "
                    + "created before it exist cannot get the permission: create a new key)."
            ]
        case (.bybit, _):
            return ["On \(page), edit the key: under Unified Trading tick Orders and Positions (Contract and Spot)."]
        case (.okx, _):
            return ["On \(page), edit the key and tick \"Trade\"."]
        case (.kucoin, .spot):
            return ["On \(page), the key needs the \"Spot\" permission."]
        case (.kucoin, _):
            return ["On \(page), the key needs the \"Futures\" permission (old keys made on futures.kucoin.com are separate)."]
        case (.bitget, _):
            return ["On \(page), edit the key: tick \"Trade\" for \(venue.product == .spot ? "spot" : "futures") (read-write)."]
        }
    }

    static func removeWithdraw(_ venue: Venue) -> [String] {
        [
            "On \(apiPage(venue.exchange)), edit the key and untick withdrawals (\"Enable Withdrawals\" / \"Withdraw\").",
            "If the exchange does not allow editing it, delete the key and create a new one with Read and Trade only.",
        ]
    }

    static func addIP(_ venue: Venue, ip: String?) -> [String] {
        let address = ip.map { "this computer's address (\($0))" } ?? "this computer's public IP address"
        var steps = [
            "On \(apiPage(venue.exchange)), edit the key, choose \"Restrict access to trusted IPs only\" and add \(address).",
            "Find your public IP with `curl https://ifconfig.me` on the machine the bot runs on (a VPS has its own).",
        ]
        if venue.exchange == .binance {
            steps.append("Binance keys without an IP restriction lose their trading permission after 30 days.")
        }
        return steps
    }

    static func expired(_ venue: Venue) -> [String] {
        var steps = ["On \(apiPage(venue.exchange)), re-enable the key's trading permission, or create a new key."]
        if venue.exchange == .binance {
            steps.append("Binance keys restricted to trusted IPs do not expire: add an IP whitelist to stop this recurring.")
        }
        steps.append("Then run `sentinel doctor` again.")
        return steps
    }
}
