import SentinelCore

/// Creating a key on Bybit (bybit.md §8).
extension ExchangeGuidance {
    public static let bybit = ExchangeGuidance(
        exchange: .bybit,
        apiPage: "bybit.com → Profile → API",
        environmentPages: [
            .testnet: "testnet.bybit.com → Profile → API (testnet keys, testnet funds)",
            .demo: "bybit.com → switch to Demo Trading → Profile → API (demo keys)",
        ],
        keyTypeAdvice: [
            "System-generated (HMAC): Bybit shows the API key and the secret, the secret only once.",
            "Self-generated RSA: you upload the public key; give Sentinel the PKCS#8 private key PEM.",
            "Choose \"Connect to Third-Party Applications: No\" (API transaction) and \"Read-Write\".",
        ],
        permissionsToTick: [
            .spot: ["Unified Trading → SPOT: Trade"],
            .linear: ["Unified Trading → Contract: Orders and Positions"],
            .inverse: ["Unified Trading → Contract: Orders and Positions"],
        ],
        neverTick: [
            "Assets → Wallet: Withdraw", "Assets → Wallet: Account Transfer and Subaccount Transfer",
            "Exchange, Earn, Fiat, P2P and the other non-trading groups",
        ],
        ipWhitelist: [
            "Choose \"Only IPs with permissions granted are allowed to access the OpenAPI\" and enter the public IP "
                + "of the machine the bot runs on (`curl https://ifconfig.me` there).",
            "Why: a leaked key then cannot be used from anywhere else, and keys without an IP stop working after "
                + "90 days.",
        ],
        expiry: [
            "Keys bound to an IP do not expire.",
            "Keys without an IP stop working after 90 days, and 7 days after an account password change; saving "
                + "\"No IP restriction\" again restarts the 90 days.",
        ],
        fixes: Fixes(
            tradePermission: [
                .spot: "edit the key: under Unified Trading tick Orders and Positions (Contract and Spot).",
                .linear: "edit the key: under Unified Trading tick Orders and Positions (Contract and Spot).",
                .inverse: "edit the key: under Unified Trading tick Orders and Positions (Contract and Spot).",
            ],
            withdrawBox: "Withdraw",
            transferBoxes: "\"Account Transfer\" and \"Subaccount Transfer\"",
            ipWhitelistConsequence: "Bybit keys without an IP restriction stop working after 90 days.",
            expiryPrevention: "Bybit keys bound to an IP do not expire: add one to stop this recurring."))
}
