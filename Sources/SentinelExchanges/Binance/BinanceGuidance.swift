import SentinelCore

/// Creating a key on Binance and Binance.US (binance.md §8).
extension ExchangeGuidance {
    public static let binance = ExchangeGuidance(
        exchange: .binance,
        apiPage: "binance.com → Profile → API Management",
        environmentPages: [
            .testnet: "testnet.binance.vision → Generate HMAC_SHA256 Key (spot) or testnet.binancefuture.com → "
                + "API Key (USDⓈ-M futures)",
            .demo: "demo.binance.com → Profile → API Management (Demo Trading keys)",
        ],
        keyTypeAdvice: binanceKeyTypes,
        permissionsToTick: [
            .spot: ["Enable Reading", "Enable Spot & Margin Trading"],
            .linear: [
                "Enable Reading",
                "Enable Futures (open the USDⓈ-M futures account before creating the key: older keys cannot get it)",
            ],
        ],
        neverTick: [
            "Enable Withdrawals", "Enable Universal Transfer", "Enable Internal Transfer",
            "Enable Margin Loan, Repay & Transfer",
        ],
        ipWhitelist: [
            "Choose \"Restrict access to trusted IPs only\" and enter the public IP of the machine the bot runs on "
                + "(`curl https://ifconfig.me` there; a VPS has its own). Up to 30 addresses.",
            "Why: a leaked key then cannot be used from anywhere else. Binance also takes the trading permission "
                + "away from unrestricted keys after 30 days.",
        ],
        expiry: [
            "Keys restricted to trusted IPs do not expire.",
            "On keys without an IP restriction, \"Enable Spot & Margin Trading\" switches itself off 30 days after "
                + "it was enabled; re-enabling it in the UI restarts the 30 days.",
        ],
        notes: ["New keys only have \"Enable Reading\" until you edit their restrictions: edit, tick, then save."],
        fixes: Fixes(
            tradePermission: [
                .spot: "edit the key and tick \"Enable Spot & Margin Trading\".",
                .linear: "edit the key and tick \"Enable Futures\" (open the USDⓈ-M futures account first; keys "
                    + "created before it exist cannot get the permission: create a new key).",
            ],
            withdrawBox: "Enable Withdrawals",
            transferBoxes: "\"Enable Universal Transfer\" and \"Enable Internal Transfer\"",
            ipWhitelistConsequence: "Binance keys without an IP restriction lose their trading permission after 30 "
                + "days.",
            expiryPrevention: "Binance keys restricted to trusted IPs do not expire: add an IP whitelist to stop this "
                + "recurring."))

    public static let binanceUS = ExchangeGuidance(
        exchange: .binanceUS,
        apiPage: "binance.us → Profile → API Management",
        keyTypeAdvice: binanceKeyTypes,
        permissionsToTick: [.spot: ["Enable Reading", "Enable Spot & Margin Trading"]],
        neverTick: ["Enable Withdrawals", "Enable Transfers"],
        ipWhitelist: [
            "Choose \"Restrict access to trusted IPs only\" and enter the public IP of the machine the bot runs on "
                + "(`curl https://ifconfig.me` there; a VPS has its own).",
            "Why: a leaked key then cannot be used from anywhere else.",
        ],
        expiry: [
            "Binance.US publishes no expiry rule for keys; the doctor reports it if the exchange says otherwise.",
            "Binance.US keys are separate from binance.com keys: one does not work on the other.",
        ],
        fixes: Fixes(
            tradePermission: [.spot: "edit the key and tick \"Enable Spot & Margin Trading\"."],
            withdrawBox: "Enable Withdrawals", transferBoxes: "\"Enable Transfers\""))

    private static let binanceKeyTypes = [
        "Self-generated Ed25519 (recommended): `sentinel connect` makes the key pair, keeps the private key in its "
            + "vault and shows the public key to paste; the exchange then shows only the API key.",
        "System-generated (HMAC): the exchange shows an API key and a secret, the secret only once.",
        "Self-generated RSA also works: give Sentinel the PKCS#8 private key PEM.",
    ]
}
