import SentinelCore

/// OKX error codes (okx.md §3) as `SentinelError`s with diagnoses written for a person. Codes, never messages, pick
/// the kind; the only thing read from a message is the IP that 50110 names.
enum OKXErrors {
    static func map(code: String, message: String, context: ErrorContext) -> SentinelError {
        let venue = context.venue
        var evidence: [Diagnosis.Evidence] = [
            .init("exchange said", "\(code) \(message)"), .init("HTTP status", String(context.httpStatus)),
            .init("endpoint", context.path), .init("venue", venue.description),
        ]
        func error(_ kind: SentinelError.Kind, _ cause: String, _ fix: [String]) -> SentinelError {
            SentinelError(
                kind, Diagnosis(cause: cause, evidence: evidence, fix: fix), exchangeCode: code,
                retryAfterSeconds: context.retryAfterSeconds ?? (kind == .rateLimited ? 2 : nil),
                requestIP: code == "50110" ? requestIP(in: message) : nil)
        }
        let base = code.split(separator: "_").first.map(String.init) ?? code

        switch base {
        case "50101":
            let isDemo = venue.environment.kind == .demo
            return error(
                .authentication,
                isDemo
                    ? "This is a live key: OKX's demo trading does not know it (50101, environment mismatch)."
                    : "This is a demo key: OKX live trading does not know it (50101, environment mismatch).",
                isDemo
                    ? ["Use the key without --env demo (live), or create a demo key under Demo Trading → Demo Trading API."]
                    : ["This is a demo key: add --env demo (demo keys only work with x-simulated-trading: 1).",
                       "For live trading, create a key on okx.com → Profile → API keys."])
        case "50102":
            if let clock = context.clockSummary { evidence.append(.init("measured clock offset", clock)) }
            return error(
                .invalidTimestamp, "OKX rejected the request's timestamp: this computer's clock is more than 30 s off.",
                ClockAdvice.steps)
        case "50112":
            return error(
                .invalidTimestamp, "OKX could not read the request's OK-ACCESS-TIMESTAMP (ISO-8601 with milliseconds).",
                ["Sign with an ISO-8601 UTC timestamp with milliseconds, e.g. 2020-12-08T09:08:57.715Z."])
        case "50103", "50104", "50106", "50107":
            return error(
                .authentication, "OKX says a required header is missing: \(message)",
                ["Store the API key, secret and passphrase together (`sentinel vault add`), then try again."])
        case "50105":
            return error(
                .authentication, "OKX says the passphrase is wrong for this API key (50105).",
                [
                    "Enter the passphrase exactly as typed when the key was created (case-sensitive, no spaces); it is "
                        + "not your login password.",
                    "OKX cannot show a lost passphrase again: if it is lost, delete the key and create a new one.",
                ])
        case "50111", "50119":
            return error(
                .authentication, "OKX does not know this API key (\(code)): it was deleted, expired, or belongs to "
                    + "another OKX site.",
                [
                    "Copy the API key again from okx.com → Profile → API keys; check it is still listed there.",
                    "Keys made on my.okx.com (EEA) work on eea.okx.com, keys made on app.okx.com (US) on app.okx.com.",
                    "Keys with Trade and no IP expire after 14 days without use: create a new one and bind an IP.",
                    "Demo keys work only in demo: add --env demo for a key from Demo Trading.",
                ])
        case "50113":
            return error(
                .authentication, "OKX says the request's signature is not valid (50113).",
                [
                    "Check that the secret belongs to this API key (copy both again; the secret is shown once).",
                    "Make sure no spaces or line breaks were pasted with the secret.",
                ])
        case "50100":
            return error(.authentication, "OKX has frozen this API key.", ["Contact OKX support, or create a new key."])
        case "50110":
            return error(
                .permissionDenied, "OKX refused the request: this IP is not on the API key's IP whitelist (50110).",
                [
                    "Add this computer's public IP" + (requestIP(in: message).map { " (\($0))" } ?? "")
                        + " to the key on okx.com → Profile → API keys → Edit, or run the bot from a listed address."
                ])
        case "50035":
            return error(
                .permissionDenied, "OKX says this endpoint needs a key bound to an IP address.",
                ["Edit the key on okx.com and bind it to this computer's public IP."])
        case "50120", "50030":
            return error(
                .permissionDenied, "OKX says the API key lacks the permission for this action (\(code)).",
                ["Edit the key on okx.com → Profile → API keys and tick \"Trade\" (keep Withdraw off)."])
        case "50011", "50061":
            return error(
                .rateLimited, "OKX says too many requests were sent (\(code)).",
                ["Wait two seconds before trying again; OKX counts most limits per 2 s, per endpoint and instrument.",
                 "Another program using this account may share the budget."])
        case "50038":
            return error(.unsupported, "OKX demo trading does not offer this feature.", ["Use live trading for it."])
        case "50001", "50004", "50013", "50026", "51149":
            return error(
                .exchangeUnavailable, "OKX could not process the request (\(code) \(message)); the outcome is unknown.",
                ["Sentinel looks the order up before sending anything again.", "Try again in a few seconds."])
        case "51008", "51127", "51131":
            return error(
                .insufficientFunds, "OKX says the account does not hold enough for this order (\(code)).",
                ["Lower the quantity, or move funds into the trading account (Assets → Transfer)."])
        case "51016", "50071":
            return error(
                .duplicateOrder, "OKX already has a pending order with this client order id.",
                ["Look the order up by its client id before sending it again."])
        case "51400", "51603":
            return error(
                .orderNotFound, "OKX has no such open order (\(message)).",
                ["Check the symbol and the order id; a filled or cancelled order cannot be cancelled."])
        case "51121":
            return error(
                .invalidOrder, "OKX refused the order: the size is not a whole number of lots (lotSz).",
                ["Round the quantity to the market's step (`sentinel markets` shows it)."])
        case "51020", "51120":
            return error(
                .invalidOrder, "OKX refused the order: it is below the minimum size (minSz).",
                ["Increase the quantity to at least the market's minimum (`sentinel markets` shows it)."])
        case "51006", "51137", "51138":
            return error(
                .invalidOrder, "OKX refused the order: the price is outside OKX's price limit (\(message)).",
                ["Use a price closer to the market: buys may not be above the max buy price, sells not below the "
                    + "min sell price."])
        case "51001":
            return error(
                .invalidOrder, "OKX does not list this instrument.", ["Check the symbol with `sentinel markets`."])
        case "51169":
            return error(
                .invalidOrder, "OKX refused the reduce-only order: there is no position in that direction to reduce.",
                ["Check `sentinel positions`; send it without reduce-only to open a position."])
        case "51000", "50014", "51111", "50002":
            return error(
                .invalidOrder, "OKX refused the request: \(message)", ["Check the order's parameters against `sentinel markets`."])
        default:
            if context.httpStatus >= 500 {
                return error(.exchangeUnavailable, "OKX had an internal error (\(code) \(message)).", ["Try again shortly."])
            }
            if context.httpStatus == 401 || context.httpStatus == 403 {
                return error(.authentication, "OKX refused access: \(code) \(message)", ["Check the key, secret and passphrase."])
            }
            if context.httpStatus == 429 {
                return error(.rateLimited, "OKX says too many requests were sent.", ["Wait two seconds, then try again."])
            }
            return error(.badResponse, "OKX refused the request: \(code) \(message)", ["Check the request parameters."])
        }
    }

    /// 50110 names the address: "Your IP 203.0.113.9 is not included in your API key's IP whitelist."
    static func requestIP(in message: String) -> String? {
        guard let range = message.range(of: "Your IP ") else { return nil }
        let ip = message[range.upperBound...].prefix { $0.isHexDigit || $0 == "." || $0 == ":" }
        return ip.isEmpty ? nil : String(ip)
    }
}
