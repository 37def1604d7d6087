import SentinelCore

/// Creating a key on OKX (okx.md §8).
extension ExchangeGuidance {
    public static let okx = ExchangeGuidance(
        exchange: .okx,
        apiPage: "okx.com → Profile → API keys",
        environmentPages: [
            .demo: "okx.com → Trade → Demo Trading → Personal Center → Demo Trading API (demo keys)"
        ],
        keyTypeAdvice: ["OKX issues HMAC keys: it shows the API key and the secret key, the secret only once."],
        permissionsToTick: [
            .spot: ["Read", "Trade"], .linear: ["Read", "Trade"], .inverse: ["Read", "Trade"],
        ],
        neverTick: ["Withdraw"],
        ipWhitelist: [
            "Enter the public IP of the machine the bot runs on (`curl https://ifconfig.me` there). Up to 20 "
                + "addresses.",
            "Why: a leaked key then cannot be used from anywhere else, and keys with Trade and no IP expire after "
                + "14 days without use.",
        ],
        expiry: [
            "Keys bound to an IP do not expire.",
            "Keys with Trade (or Withdraw) and no IP expire after 14 days without a signed request.",
            "Demo keys never expire.",
        ],
        passphrase: [
            "You choose the passphrase when creating the key; OKX needs it on every request.",
            "OKX cannot show it again and it cannot be recovered: if it is lost, create a new key.",
            "Use a new random passphrase, not your login password.",
        ],
        notes: [
            "OKX's Trade permission also allows transfers between your own accounts; a sub-account holding only the "
                + "bot's funds limits what a leaked key can move."
        ],
        fixes: Fixes(
            tradePermission: [
                .spot: "edit the key and tick \"Trade\".", .linear: "edit the key and tick \"Trade\".",
                .inverse: "edit the key and tick \"Trade\".",
            ],
            withdrawBox: "Withdraw",
            ipWhitelistConsequence: "OKX keys with Trade and no IP address expire after 14 days without use.",
            expiryPrevention: "OKX keys bound to an IP do not expire: add one to stop this recurring."))
}
