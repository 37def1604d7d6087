import SentinelCore

/// Bitget error codes (bitget.md §3) as `SentinelError`s with diagnoses written for a person. Codes, never
/// messages, pick the kind. Bitget answers auth and parameter errors with HTTP 400 and rate limits with 429.
enum BitgetErrors {
    static let apiPage = "bitget.com → Personal Center → API Key Management"

    static func map(code: String, message: String, context: ErrorContext) -> SentinelError {
        let venue = context.venue
        let isDemo = venue.environment.kind == .demo
        let futures = context.path.hasPrefix("/api/v2/mix/")
        var evidence: [Diagnosis.Evidence] = [
            .init("exchange said", "\(code) \(message)"), .init("HTTP status", String(context.httpStatus)),
            .init("endpoint", context.path), .init("venue", venue.description),
        ]
        func error(_ kind: SentinelError.Kind, _ cause: String, _ fix: [String]) -> SentinelError {
            SentinelError(
                kind, Diagnosis(cause: cause, evidence: evidence, fix: fix), exchangeCode: code,
                retryAfterSeconds: context.retryAfterSeconds ?? (kind == .rateLimited ? 1 : nil))
        }

        switch code {
        case "40001", "40002", "40003", "40011":
            return error(
                .authentication, "Bitget says a required header is missing (\(code) \(message)).",
                ["Store the API key, secret and passphrase together (`sentinel vault add`), then try again."])
        case "40005", "40008":
            if let clock = context.clockSummary { evidence.append(.init("measured clock offset", clock)) }
            return error(
                .invalidTimestamp,
                code == "40008"
                    ? "Bitget rejected the request's timestamp: this computer's clock is more than 30 s off Bitget's."
                    : "Bitget could not read the request's ACCESS-TIMESTAMP (milliseconds since 1970).",
                ClockAdvice.steps)
        case "40078", "40079":
            return error(
                .invalidTimestamp,
                "Bitget dropped the order: it arrived after its receive window (\(code) \(message)).",
                ["Sentinel looks the order up before sending it again.", "Check the network latency and the clock."]
                    + ClockAdvice.steps)
        case "40099":
            return error(
                .authentication,
                isDemo
                    ? "This is a live key: Bitget's demo trading (paptrading: 1) does not take it (40099)."
                    : "This is a demo key: Bitget live trading does not take it (40099, exchange environment is incorrect).",
                isDemo
                    ? ["Use the key without --env demo (live), or create a demo key: switch bitget.com to Demo mode, "
                        + "then Personal Center → API Key Management."]
                    : ["This is a demo key: add --env demo (Sentinel then sends the paptrading: 1 header Bitget's demo needs).",
                       "For live trading, create a key on \(apiPage) outside Demo mode."])
        case "40006", "40037", "40041":
            return error(
                .authentication,
                "Bitget does not know this API key (\(code) \(message)): it was deleted, mistyped, or belongs to "
                    + (isDemo ? "live trading." : "demo trading."),
                [
                    "Copy the API key again from \(apiPage); check it is still listed there.",
                    isDemo
                        ? "A live key does not work in demo: drop --env demo, or create a demo key in Demo mode."
                        : "A demo key works only in demo: add --env demo for a key made in Demo mode.",
                ])
        case "40009":
            return error(
                .authentication, "Bitget says the request's signature is not valid (40009 sign signature error).",
                [
                    "Check that the secret belongs to this API key (copy both again; Bitget shows the secret once).",
                    "Make sure no spaces or line breaks were pasted with the secret.",
                    "For an RSA key, give Sentinel the PKCS#8 private key whose public key you registered.",
                ])
        case "40012", "40036":
            return error(
                .authentication, "Bitget says the passphrase is wrong for this API key (\(code) \(message)).",
                [
                    "Enter the passphrase exactly as chosen when the key was created (8–32 letters and digits, "
                        + "case-sensitive); it is not your login password.",
                    "Bitget cannot show or change a lost passphrase: delete the key and create a new one.",
                ])
        case "40038", "40018":
            return error(
                .permissionDenied, "Bitget refused the request: this computer's IP is not on the key's IP whitelist (\(code)).",
                [
                    "Add this computer's public IP (`curl https://ifconfig.me`) to the key on \(apiPage) → Edit, or "
                        + "run the bot from a listed address."
                ])
        case "40014", "40025":
            return error(
                .permissionDenied, "Bitget says the API key lacks the permission for this action (\(code) \(message)).",
                [
                    "Edit the key on \(apiPage): choose read/write and tick Trade for "
                        + (futures ? "Futures (contract trading)." : "Spot.")
                        + " Keep Withdraw and Transfer off."
                ])
        case "40013", "40022", "40023", "40024", "40026":
            return error(
                .authentication, "Bitget has restricted or frozen this account or key (\(code) \(message)).",
                ["Check the account on bitget.com (security settings, KYC); contact Bitget support if it persists."])
        case "429":
            return error(
                .rateLimited, "Bitget says too many requests were sent (429).",
                ["Wait a second before trying again; Bitget counts each endpoint per second, per account or IP.",
                 "Another program using this account may share the budget."])
        case "40015", "45001", "40725":
            return error(
                .exchangeUnavailable, "Bitget could not process the request (\(code) \(message)); the outcome is unknown.",
                ["Sentinel looks orders up before sending anything again.",
                 "Try again in a few seconds (Bitget releases on Tue–Thu 14:00–17:00 UTC+8)."])
        case "43012", "40754", "40762":
            return error(
                .insufficientFunds, "Bitget says the account does not hold enough for this order (\(code)).",
                [futures
                    ? "Lower the quantity, or transfer margin into this futures account (Assets → Transfer → the "
                        + "product's futures account)."
                    : "Lower the quantity, or move funds into the spot account (Assets → Transfer)."])
        case "40786", "25212":
            return error(
                .duplicateOrder, "Bitget already has an order with this clientOid.",
                ["Look the order up by its client id before sending it again."])
        case "43001", "40109", "40768", "43004", "22001", "43025":
            return error(
                .orderNotFound, "Bitget has no such open order (\(code) \(message)).",
                futures
                    ? ["Check the symbol and the order id; a filled or cancelled order cannot be cancelled.",
                       "Bitget keeps USDT-M, Coin-M and USDC-M apart by productType: an order placed under one is not "
                        + "found under another. Use the product the order was placed on (--product)."]
                    : ["Check the symbol and the order id; a filled or cancelled order cannot be cancelled."])
        case "43028", "45115":
            return error(
                .invalidOrder, "Bitget refused the order: the price is not a multiple of the tick size (\(code)).",
                ["Round the price to the market's tick (`sentinel markets` shows it)."])
        case "22038":
            return error(
                .invalidOrder, "Bitget refused the order: the size is not a multiple of the size step.",
                ["Round the quantity to the market's step (`sentinel markets` shows it)."])
        case "43006", "45111", "43027", "45110":
            return error(
                .invalidOrder, "Bitget refused the order: it is below the market's minimum (\(message)).",
                ["Increase the quantity to at least the market's minimum size and value (`sentinel markets`)."])
        case "40102", "40034":
            return error(
                .invalidOrder, "Bitget does not list this symbol (\(code) \(message)).",
                futures
                    ? ["Check the symbol with `sentinel markets`; futures symbols are listed per productType "
                        + "(USDT-M BTCUSDT, Coin-M BTCUSD)."]
                    : ["Check the symbol with `sentinel markets`."])
        case "40019", "40020", "40017":
            // These codes are shared by every parameter; only the message says which one ("Parameter productType
            // cannot be empty"), and a wrong productType is the classic futures mistake worth its own fix.
            if message.contains("productType") {
                return error(
                    .invalidInput, "Bitget refused the productType (\(code) \(message)).",
                    ["Futures calls need productType USDT-FUTURES (USDT-M), COIN-FUTURES (Coin-M) or USDC-FUTURES "
                        + "(USDC-M): choose the product the position or order belongs to (--product linear|inverse)."])
            }
            return error(
                .invalidOrder, "Bitget refused the request: \(message)", ["Check the order's parameters against `sentinel markets`."])
        case "40808", "41103", "40304", "40305", "40402", "40815", "45112", "43026", "22002":
            return error(
                .invalidOrder, "Bitget refused the order: \(message) (\(code)).",
                ["Check the order's parameters against `sentinel markets` (tick, step, minimum, price limits)."])
        case "22030", "40081":
            return error(
                .unsupported, "Bitget demo trading does not offer this (\(code) \(message)).", ["Use live trading for it."])
        default:
            if context.httpStatus >= 500 {
                return error(.exchangeUnavailable, "Bitget had an internal error (\(code) \(message)).", ["Try again shortly."])
            }
            if context.httpStatus == 401 || context.httpStatus == 403 {
                return error(.authentication, "Bitget refused access: \(code) \(message)", ["Check the key, secret and passphrase."])
            }
            if context.httpStatus == 429 {
                return error(.rateLimited, "Bitget says too many requests were sent.", ["Wait a second, then try again."])
            }
            return error(.badResponse, "Bitget refused the request: \(code) \(message)", ["Check the request parameters."])
        }
    }
}
