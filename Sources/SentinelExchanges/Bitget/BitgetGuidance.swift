import SentinelCore

/// Creating a key on Bitget (bitget.md §7).
extension ExchangeGuidance {
    public static let bitget = ExchangeGuidance(
        exchange: .bitget,
        apiPage: "bitget.com → Personal Center → API Key Management",
        environmentPages: [
            .demo: "bitget.com → Demo trading → Personal Center → API Key Management (demo keys)"
        ],
        keyTypeAdvice: [
            "System-generated (HMAC): Bitget shows the API key and the secret, the secret only once.",
            "Self-generated RSA: you upload the public key; give Sentinel the PKCS#8 private key PEM.",
            "Choose read/write (not read-only) so that the bot can trade.",
        ],
        permissionsToTick: [
            .spot: ["Read-only", "Trade → Spot trading"],
            .linear: ["Read-only", "Trade → Futures (USDT-M; the same key serves USDC-M and Coin-M)"],
            .inverse: ["Read-only", "Trade → Futures (Coin-M; the same key serves USDT-M and USDC-M)"],
        ],
        neverTick: ["Withdraw", "Transfer"],
        ipWhitelist: [
            "Bind the public IP of the machine the bot runs on (`curl https://ifconfig.me` there).",
            "Why: a leaked key then cannot be used from anywhere else; withdrawals are only possible from a bound "
                + "IP.",
        ],
        expiry: [
            "Bitget publishes no expiry rule for keys without an IP; bind one anyway.",
            "Each account can have 10 keys: delete the ones no bot uses.",
        ],
        passphrase: [
            "You choose the passphrase when creating the key: 8–32 letters and digits.",
            "Bitget cannot show or change it: if it is lost, create a new key.",
            "Use a new random passphrase, not your login password.",
        ],
        fixes: Fixes(
            tradePermission: [
                .spot: "edit the key: tick \"Trade\" for spot (read-write).",
                .linear: "edit the key: tick \"Trade\" for futures (read-write).",
                .inverse: "edit the key: tick \"Trade\" for futures (read-write).",
            ],
            withdrawBox: "Withdraw",
            transferBoxes: "\"Transfer\""))
}
