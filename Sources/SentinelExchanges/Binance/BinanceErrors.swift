import SentinelCore

/// Binance error codes (binance.md §3) as `SentinelError`s with diagnoses written for a person.
enum BinanceErrors {
    static func map(code: Int, message: String, context: ErrorContext) -> SentinelError {
        let exchange = context.venue.exchange
        let name = exchange.displayName
        var evidence: [Diagnosis.Evidence] = [
            .init("exchange said", "\(code) \(message)"), .init("HTTP status", String(context.httpStatus)),
            .init("endpoint", context.path), .init("venue", context.venue.description),
        ]
        func error(_ kind: SentinelError.Kind, _ cause: String, _ fix: [String]) -> SentinelError {
            SentinelError(
                kind, Diagnosis(cause: cause, evidence: evidence, fix: fix), exchangeCode: String(code),
                retryAfterSeconds: context.retryAfterSeconds, requestIP: requestIP(in: message))
        }

        switch code {
        case -1021, -5028:
            if let clock = context.clockSummary { evidence.append(.init("measured clock offset", clock)) }
            return error(
                .invalidTimestamp, "\(name) rejected the request's timestamp: this computer's clock is off.",
                ClockAdvice.steps)
        case -1022:
            return error(
                .authentication, "\(name) says the request's signature is not valid.",
                [
                    "Check that the secret belongs to this API key (copy both again from the API management page).",
                    "Make sure no spaces or line breaks were pasted with the secret.",
                    "For Ed25519/RSA keys, use the private key whose public key you registered for this API key.",
                ])
        case -2014:
            return error(
                .authentication, "\(name) says the API key has the wrong format.",
                ["Copy the API key again; it is one line of letters and digits with nothing around it."])
        case -2015:
            return error(.authentication, invalidKeyCause(context.venue), invalidKeyFix(context.venue))
        case -2008:
            return error(
                .authentication,
                "\(name) USDⓈ-M does not know this API key in the \(context.venue.environment.kind) environment.",
                [
                    "Futures demo keys come from Binance Demo Trading; live keys from binance.com API Management. "
                        + "A key from one does not work on the other.",
                    "Check that the environment you chose (live, testnet, demo) is where the key was created.",
                ])
        case -1003:
            if context.httpStatus == 418 {
                return error(
                    .ipBanned, "\(name) has banned this IP address for a while after too many requests.",
                    [
                        "Stop every program using this IP with \(name) until the ban ends"
                            + (context.retryAfterSeconds.map { " (in \($0) s)" } ?? "") + ".",
                        "Then lower the request rate; Sentinel paces itself, so look for another program.",
                    ])
            }
            return error(
                .rateLimited, "\(name) says too much request weight was used from this IP.",
                ["Wait \(context.retryAfterSeconds.map { "\($0) s" } ?? "a minute") before trying again.",
                 "Another program on this IP may be using the same budget."])
        case -1015:
            return error(
                .rateLimited, "\(name) says too many new orders were sent.",
                ["Wait for the order-rate window to pass (10 s or a day), then send fewer orders."])
        case -1013, -1111, -4003, -4004, -4005, -4013, -4014, -4023, -4164, -1100, -1102, -1115, -1116, -1117, -1121,
            -4061, -4120, -5022:
            return error(.invalidOrder, "\(name) rejected the order: \(message)", orderFix(code: code, message: message))
        case -2010:
            if message.contains("insufficient balance") {
                return error(
                    .insufficientFunds, "\(name) says the account does not hold enough to place this order.",
                    ["Lower the quantity, or move funds into this account (spot or futures wallet)."])
            }
            if message.contains("Duplicate order") {
                return error(
                    .duplicateOrder, "\(name) already has an open order with this client order id.",
                    ["Look the order up by its client id before sending it again."])
            }
            return error(.invalidOrder, "\(name) rejected the order: \(message)", orderFix(code: code, message: message))
        case -2018, -2019:
            return error(
                .insufficientFunds, "\(name) says the futures margin is not enough for this order.",
                ["Lower the quantity or the leverage, or transfer USDT to the USDⓈ-M wallet."])
        case -4116:
            // USDⓈ-M: "ClientOrderId is duplicated." — an order with this client id exists: most likely our own.
            return error(
                .duplicateOrder, "\(name) already has an order with this client order id.",
                ["Look the order up by its client id before sending it again."])
        case -2039:
            return error(
                .invalidInput, "\(name) says the order id and the client order id name different orders.",
                ["Look the order up by one of them only (`--id` or `--client-id`), not both."])
        case -5021:
            return error(
                .invalidOrder, "\(name) rejected the fill-or-kill order: it could not fill entirely at once.",
                ["Nothing was bought or sold. Use IOC to take what is there, or GTC to rest the rest in the book."])
        case -2022:
            return error(
                .invalidOrder, "\(name) rejected the reduce-only order: it would not reduce the position.",
                ["Check that a position is open on this side and that the order's side closes it (sell closes a long)."])
        case -4015, -1106:
            return error(
                .invalidInput, "\(name) refused a parameter of the request: \(message)",
                ["Client order ids are 1–36 letters, digits, `-` or `_`; leave out parameters the order type does not take."])
        case -1125:
            return error(
                .authentication, "\(name) no longer knows this listen key (it expired or was closed).",
                ["Create a new listen key; keep it alive at least every 60 minutes."])
        case -2011, -2013, -2026:
            return error(
                .orderNotFound, "\(name) has no such order (\(message)).",
                ["Check the symbol and the order id; a filled or cancelled order may already be gone from open orders."])
        case -1000, -1001, -1006, -1007, -1008:
            return error(
                .exchangeUnavailable, "\(name) could not process the request (\(message)); the outcome is unknown.",
                ["Sentinel looks the order up before sending anything again.", "Try again in a few seconds."])
        case -5000 where context.httpStatus == 404:
            // Binance's JSON 404: the path is unknown at this host, usually another product's endpoint.
            return error(
                .badResponse,
                "This \(name) host does not serve \(context.path) (\(context.venue.product)): the endpoint belongs to "
                    + "another product.",
                HTTPFailure.wrongHostFix(path: context.path, venue: context.venue))
        default:
            if context.httpStatus >= 500 {
                return error(.exchangeUnavailable, "\(name) had an internal error (\(message)).", ["Try again shortly."])
            }
            if context.httpStatus == 401 || context.httpStatus == 403 {
                return error(.permissionDenied, "\(name) refused access: \(message)", invalidKeyFix(context.venue))
            }
            return error(.badResponse, "\(name) refused the request: \(message)", ["Check the request parameters."])
        }
    }

    /// USDⓈ-M's -2015 says which address it saw: "Invalid API-key, IP, or permissions for action, request ip: 1.2.3.4".
    static func requestIP(in message: String) -> String? {
        guard let range = message.range(of: "request ip: ") else { return nil }
        let ip = message[range.upperBound...].prefix { $0.isHexDigit || $0 == "." || $0 == ":" }
        return ip.isEmpty ? nil : String(ip)
    }

    /// -2015 is one code for three causes; say all three, most likely first, and the classic domain mix-up.
    static func invalidKeyCause(_ venue: Venue) -> String {
        let name = venue.exchange.displayName
        return "\(name) refused the API key: it is unknown here, this IP is not on its whitelist, or it lacks the "
            + "permission for this action."
    }

    static func invalidKeyFix(_ venue: Venue) -> [String] {
        var steps: [String] = []
        switch venue.exchange {
        case .binance:
            steps.append(
                "If the key was created on binance.us, it only works with Binance.US: choose the exchange binance-us.")
        case .binanceUS:
            steps.append(
                "If the key was created on binance.com, it only works with Binance (global): choose the exchange binance.")
        default: break
        }
        steps.append(
            "Check the environment: live keys come from the exchange's API Management, testnet keys from the testnet "
                + "site, demo keys from Demo Trading; a key works only where it was created (this request went to "
                + "\(venue.environment.kind)).")
        steps.append(
            "If the key is restricted to trusted IPs, add this computer's public IP address to the key's whitelist.")
        steps.append(
            "Check the key's permissions: Enable Reading, plus Spot & Margin Trading for spot orders or Futures for "
                + "USDⓈ-M.")
        steps.append("A key without an IP restriction loses its trading permission after 30 days; re-enable or whitelist.")
        return steps
    }

    static func orderFix(code: Int, message: String) -> [String] {
        if message.contains("LOT_SIZE") || code == -4023 {
            return ["Round the quantity to the market's step size (`sentinel markets` shows it)."]
        }
        if message.contains("PRICE_FILTER") || code == -4014 {
            return ["Round the price to the market's tick size (`sentinel markets` shows it)."]
        }
        if message.contains("NOTIONAL") || code == -4164 {
            return ["Increase the quantity so price × quantity reaches the minimum order value."]
        }
        if message.contains("PERCENT_PRICE") {
            return ["Use a price closer to the current market price; the exchange limits how far a limit order may be."]
        }
        if message.contains("immediately match") || code == -5022 {
            return ["A post-only order must not cross the book: buy below the best ask, sell above the best bid."]
        }
        return ["Check the order's parameters against `sentinel markets`."]
    }
}
