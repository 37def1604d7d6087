import SentinelCore

/// KuCoin error codes (kucoin.md §3) as `SentinelError`s with diagnoses written for a person. The code picks the
/// kind; the host the answer came from tells a spot key on the futures host (400003 there) from a deleted key.
enum KuCoinErrors {
    static func map(code: String, message: String, context: ErrorContext) -> SentinelError {
        let venue = context.venue
        let futuresHost = venue.product != .spot
        var evidence: [Diagnosis.Evidence] = [
            .init("exchange said", "\(code) \(message)"), .init("HTTP status", String(context.httpStatus)),
            .init("endpoint", context.path), .init("venue", venue.description),
        ]
        func error(_ kind: SentinelError.Kind, _ cause: String, _ fix: [String]) -> SentinelError {
            SentinelError(
                kind, Diagnosis(cause: cause, evidence: evidence, fix: fix), exchangeCode: code,
                retryAfterSeconds: context.retryAfterSeconds ?? (kind == .rateLimited ? 30 : nil))
        }
        switch code {
        case "400001":
            return error(
                .authentication, "KuCoin says a KC-API header is missing (400001): key, signature, timestamp or passphrase.",
                ["Store the API key, secret and API passphrase together (`sentinel vault add`), then try again."])
        case "400002":
            if let clock = context.clockSummary { evidence.append(.init("measured clock offset", clock)) }
            return error(
                .invalidTimestamp,
                "KuCoin rejected the request's timestamp (400002): this computer's clock differs from KuCoin's by more "
                    + "than 5 seconds.",
                ClockAdvice.steps)
        case "400003":
            if futuresHost {
                return error(
                    .authentication,
                    "KuCoin Futures does not know this API key (400003): a key without the \"Futures\" permission — a "
                        + "spot key — is refused on the futures host, as are keys that were deleted or expired.",
                    [
                        "This looks like a spot key used on futures: edit the key on kucoin.com → Account → API "
                            + "Management and tick \"Futures\", or use it with --product spot.",
                        "Keys made before 2022 on futures.kucoin.com are separate: create a new key with \"Futures\".",
                        "Check the key is still listed: trading keys without an IP are deleted after 30 days unused.",
                    ])
            }
            return error(
                .authentication,
                "KuCoin does not know this API key (400003): it was deleted or expired, or it is an old futures-only "
                    + "key (made on futures.kucoin.com) used on the spot host.",
                [
                    "Copy the API key again from kucoin.com → Account → API Management and check it is still listed.",
                    "An old futures key works only with --product linear: use it there, or create a new key with "
                        + "\"General\" and \"Spot\".",
                    "Trading keys without an IP are deleted after 30 days unused: create a new one bound to an IP.",
                ])
        case "400004":
            return error(
                .authentication, "KuCoin says the API passphrase is wrong for this key (400004).",
                [
                    "Enter the API passphrase exactly as typed when the key was created (case-sensitive). It is not your "
                        + "login password nor your trading password.",
                    "Check the secret too: Sentinel sends the passphrase signed with the secret (key versions 2 and 3), "
                        + "so a wrong or mis-pasted secret is reported by KuCoin as a wrong passphrase.",
                    "KuCoin cannot show a lost passphrase again: if it is lost, delete the key and create a new one.",
                ])
        case "400005":
            return error(
                .authentication, "KuCoin says the request's signature is not valid (400005).",
                [
                    "Check that the secret belongs to this API key (copy both again; the secret is shown once).",
                    "Make sure no spaces or line breaks were pasted with the secret.",
                ])
        case "400006":
            return error(
                .permissionDenied,
                "KuCoin refused the request: this computer's IP address is not on the API key's IP whitelist (400006).",
                [
                    "Add this computer's public IP (`curl https://ifconfig.me`) to the key on kucoin.com → Account → "
                        + "API Management → Edit, or run the bot from a listed address.",
                ])
        case "400007":
            return error(
                .permissionDenied, "KuCoin says the API key lacks the permission for this action (400007).",
                [
                    futuresHost
                        ? "Edit the key on kucoin.com → API Management and tick \"Futures\" (keep Withdrawal off)."
                        : "Edit the key on kucoin.com → API Management and tick \"Spot\" (keep Withdrawal off).",
                ])
        case "411100":
            return error(.authentication, "KuCoin says this account is frozen (411100).", ["Contact KuCoin support."])
        case "429000", "200002", "1015":
            return error(
                .rateLimited, "KuCoin says too many requests were sent (\(code)): a resource pool is used up.",
                [
                    "Wait until the pool resets (at most 30 s) before trying again.",
                    "Another program using this account may share the pool.",
                ])
        case "415000":
            return error(
                .badResponse, "KuCoin refused the request's content type (415000).",
                ["Send JSON bodies with Content-Type: application/json."])
        case "500000", "503000":
            return error(
                .exchangeUnavailable, "KuCoin had an internal error (\(code)); the outcome is unknown.",
                ["Sentinel looks an order up by its client id before sending anything again.", "Try again shortly."])
        case "200004", "126013", "230003", "300003":
            return error(
                .insufficientFunds, "KuCoin says the account does not hold enough for this order (\(code)).",
                futuresHost
                    ? ["Lower the quantity or raise the leverage, or move USDT to the futures account."]
                    : ["Lower the quantity, or move funds from the funding (main) account to the trading account."])
        case "600100":
            return error(
                .invalidOrder, "KuCoin refused the order: its value is below the market's minimum (minFunds).",
                ["Increase the quantity or the price so that the order is worth at least minFunds (`sentinel markets`)."])
        case "126044", "300018":
            return error(
                .duplicateOrder, "KuCoin already has an order with this client order id (\(code)).",
                ["Look the order up by its client id before sending it again."])
        case "100001", "100004":
            return error(
                .orderNotFound, "KuCoin Futures has no such open order (\(message)).",
                ["Check the symbol and the order id; a filled or cancelled order cannot be cancelled."])
        case "400600", "900001", "126004":
            return error(
                .invalidOrder, "KuCoin does not trade this symbol (\(code)).", ["Check the symbol with `sentinel markets`."])
        case "300009":
            return error(
                .invalidOrder, "KuCoin refused the reduce-only order: there is no position to reduce.",
                ["Check `sentinel positions`; send it without reduce-only to open a position."])
        case "400100":
            // 400100 is every parameter error; KuCoin names this one with a machine token in `msg` (kucoin.md §3).
            if message == "order_not_exist_or_not_allow_to_cancel" {
                return error(
                    .orderNotFound, "KuCoin has no such open order (400100 \(message)).",
                    ["Check the symbol and the order id; a filled or cancelled order cannot be cancelled."])
            }
            return error(
                .invalidOrder, "KuCoin refused the request's parameters (400100): \(message)",
                ["Check the order against the market's rules (`sentinel markets`): tick, step, minimum size."])
        case "400000":
            return error(.invalidOrder, "KuCoin could not read the request (400000 \(message)).", ["Check the request."])
        case "404000":
            return error(
                .badResponse, "KuCoin does not serve \(context.path) on this host (404000).",
                HTTPFailure.wrongHostFix(path: context.path, venue: venue))
        default:
            if context.httpStatus >= 500 {
                return error(.exchangeUnavailable, "KuCoin had an internal error (\(code) \(message)).", ["Try again shortly."])
            }
            if context.httpStatus == 401 {
                return error(
                    .authentication, "KuCoin refused access: \(code) \(message)",
                    ["Check the key, secret and API passphrase."])
            }
            if context.httpStatus == 403 {
                return error(.permissionDenied, "KuCoin refused access: \(code) \(message)", ["Check the key's permissions."])
            }
            if context.httpStatus == 429 {
                return error(.rateLimited, "KuCoin says too many requests were sent.", ["Wait 30 s, then try again."])
            }
            return error(.badResponse, "KuCoin refused the request: \(code) \(message)", ["Check the request parameters."])
        }
    }
}
