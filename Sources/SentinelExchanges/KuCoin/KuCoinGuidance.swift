import SentinelCore

/// Creating a key on KuCoin (kucoin.md §7).
extension ExchangeGuidance {
    private static let futuresPermission =
        "the key needs the \"Futures\" permission (old keys made on futures.kucoin.com are separate)."

    public static let kucoin = ExchangeGuidance(
        exchange: .kucoin,
        apiPage: "kucoin.com → Account → API Management",
        keyTypeAdvice: ["KuCoin issues HMAC keys: it shows the API key and the secret, the secret only once."],
        permissionsToTick: [
            .spot: ["General", "Spot"],
            .linear: ["General", "Futures (one key with Futures signs for the futures host too)"],
            .inverse: ["General", "Futures (one key with Futures signs for the futures host too)"],
        ],
        neverTick: ["Withdrawal", "FlexTransfers", "Margin (unless the bot trades on margin)"],
        ipWhitelist: [
            "Choose to restrict the key to IP addresses and enter the public IP of the machine the bot runs on "
                + "(`curl https://ifconfig.me` there). Up to 20 addresses.",
            "Why: a leaked key then cannot be used from anywhere else, and trading keys without an IP are deleted "
                + "or lose trading after 30 days without use.",
        ],
        expiry: [
            "Keys bound to an IP do not expire.",
            "Keys with Spot, Margin or Futures and no IP are deleted, or lose their trading permissions, after 30 "
                + "days without use.",
        ],
        passphrase: [
            "KuCoin asks for an API passphrase when creating the key: 7–32 characters, no spaces.",
            "It is not your login password nor your trading password: choose a new one for this key.",
            "It cannot be recovered: if it is lost, create a new key.",
        ],
        notes: ["Keys made before 2022 on futures.kucoin.com are separate from spot keys and may not work here."],
        fixes: Fixes(
            tradePermission: [
                .spot: "the key needs the \"Spot\" permission (a key with only \"Futures\" trades on the futures "
                    + "host: use it with --product linear).",
                .linear: futuresPermission, .inverse: futuresPermission,
            ],
            withdrawBox: "Withdrawal",
            transferBoxes: "\"FlexTransfers\"",
            ipWhitelistConsequence: "KuCoin deletes trading keys without an IP, or disables their trading, after 30 "
                + "days without use.",
            expiryPrevention: "KuCoin keys bound to an IP do not expire: add one to stop this recurring."))
}
