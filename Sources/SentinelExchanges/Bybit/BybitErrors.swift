import SentinelCore

/// Bybit `retCode`s (bybit.md §3) as `SentinelError`s with diagnoses written for a person. Bybit answers business
/// errors, authentication errors and even its rate limit with HTTP 200: the code decides, never the status.
enum BybitErrors {
    static func map(code: Int, message: String, context: ErrorContext) -> SentinelError {
        let venue = context.venue
        let name = venue.exchange.displayName
        let environment = venue.environment.kind
        var evidence: [Diagnosis.Evidence] = [
            .init("exchange said", "\(code) \(message)"), .init("HTTP status", String(context.httpStatus)),
            .init("endpoint", context.path), .init("venue", venue.description),
        ]
        func error(_ kind: SentinelError.Kind, _ cause: String, _ fix: [String]) -> SentinelError {
            SentinelError(
                kind, Diagnosis(cause: cause, evidence: evidence, fix: fix), exchangeCode: String(code),
                retryAfterSeconds: context.retryAfterSeconds)
        }
        let orderPath = context.path.hasPrefix("/v5/order/") || context.path.hasPrefix("/v5/position/set")

        switch code {
        case 10002:
            if let clock = context.clockSummary { evidence.append(.init("measured clock offset", clock)) }
            return error(
                .invalidTimestamp,
                "\(name) rejected the request's timestamp: this computer's clock is off, or the request took longer "
                    + "than its recv_window.",
                ClockAdvice.steps)
        case 10003:
            return error(
                .authentication, "\(name) does not know this API key on \(environment) (\(message)).",
                [
                    "Bybit keys belong to one environment: mainnet keys come from bybit.com → API, testnet keys from "
                        + "testnet.bybit.com, demo keys from Demo Trading on bybit.com. This request went to "
                        + "\(environment).",
                    "Store the key again with the environment it was created in (--env live|testnet|demo).",
                    "Copy the API key again if it may have been cut short; a deleted key also gets this answer.",
                ])
        case 10004:
            return error(
                .authentication, "\(name) says the request's signature is not valid: the secret does not match the key.",
                [
                    "Copy the secret again from the page where the key was created (Bybit shows it only once; "
                        + "if it is lost, create a new key).",
                    "Make sure no spaces or line breaks were pasted with the secret.",
                    "For a self-generated RSA key, use the private key whose public key you uploaded for this API key.",
                ])
        case 10005:
            return error(
                .permissionDenied, "\(name) says this key lacks the permission for this action (\(context.path)).",
                permissionFix(venue))
        case 10006:
            return error(
                .rateLimited, "\(name) says this account sent too many requests to \(context.path) this second.",
                [
                    "Wait until the time in X-Bapi-Limit-Reset-Timestamp (about a second), then send fewer requests.",
                    "Another program using the same account (UID) shares this budget.",
                ])
        case 10007:
            return error(
                .authentication, "\(name) could not authenticate the account behind this key (\(message)).",
                ["Log in to bybit.com and check that the account and the key are active; create a new key if not."])
        case 10008, 10027:
            return error(
                .permissionDenied, "\(name) has restricted trading on this account (\(message)).",
                ["Check the account's notifications on bybit.com or ask Bybit support why trading is restricted."])
        case 10009:
            return error(
                .permissionDenied, "\(name) does not serve this region (\(message)).",
                ["Bybit refuses some countries (the US, mainland China); use Bybit only where it is allowed."])
        case 10010:
            return error(
                .permissionDenied, "\(name) refused this computer's IP address: it is not among the key's bound IPs.",
                [
                    "Add this computer's public IP (`curl https://ifconfig.me`) to the key's IP list on the API page.",
                    "If the bot runs elsewhere, run Sentinel from that machine.",
                ])
        case 10016, 10019:
            return error(
                .exchangeUnavailable, "\(name) had a server error or is restarting (\(message)); the outcome is unknown.",
                ["Sentinel looks an order up before sending it again.", "Try again in a few seconds."])
        case 10017:
            return error(
                .badResponse, "\(name) has no such route (\(context.path)).",
                ["Check that the endpoint points at Bybit V5 (api.bybit.com or its testnet/demo host)."])
        case 10024:
            return error(
                .permissionDenied, "\(name)'s compliance rules blocked this request (\(message)).",
                ["Complete the account's verification on bybit.com, or contact Bybit support."])
        case 10029:
            return error(
                .permissionDenied, "This key may only trade the symbols on its whitelist (\(message)).",
                ["Edit the key on Bybit's API page to allow this symbol, or use a key without a symbol list."])
        case 33004, -2015:
            return error(
                .authentication, "\(name) says this API key has expired.",
                [
                    "Keys without a bound IP stop working after 90 days (7 days after a password change): bind the "
                        + "key to this computer's IP on the API page, or create a new key.",
                    "Then `sentinel vault rotate` the stored key.",
                ])
        case 110001, 170213:
            return error(
                .orderNotFound, "\(name) has no such order (\(message)).",
                ["Check the symbol and the order id; Bybit keeps closed orders in /v5/order/history."])
        case 110008, 110010, 170142:
            return error(
                .orderNotFound, "\(name) says the order is already finished or cancelled (\(message)).",
                ["Look the order up to see its final state; nothing is left to cancel."])
        case 110004, 110007, 110012, 110044, 110045, 170131:
            return error(
                .insufficientFunds, "\(name) says the account does not hold enough for this order (\(message)).",
                ["Lower the quantity or the leverage, or add funds to the unified trading account."])
        case 110072, 170141:
            return error(
                .duplicateOrder, "\(name) already has an order with this client order id (orderLinkId).",
                ["Look the order up by its client id before sending it again."])
        case 110020:
            return error(
                .invalidOrder, "\(name) allows at most 500 active orders per symbol (\(message)).",
                ["Cancel orders you no longer need before placing more."])
        case 10001, 110003, 110017, 110094, 170121, 170132, 170133, 170134, 170135, 170136, 170137, 170140, 170148,
            170210:
            return orderPath || code != 10001
                ? error(.invalidOrder, "\(name) rejected the order: \(message)", orderFix(code))
                : error(.invalidInput, "\(name) rejected the request's parameters: \(message)",
                    ["Check the request's parameters (category, symbol) against `sentinel markets`."])
        case 170005:
            return error(
                .rateLimited, "\(name) says too many spot orders were sent (\(message)).",
                ["Wait a second, then send fewer orders."])
        default:
            if context.httpStatus == 403 {
                return error(
                    .ipBanned, "\(name) blocked this IP after too many requests (more than 600 in 5 seconds).",
                    [
                        "Stop every program using this IP with Bybit for at least 10 minutes.",
                        "Then lower the request rate; Sentinel paces itself, so look for another program.",
                    ])
            }
            if context.httpStatus >= 500 || context.httpStatus == 429 {
                return error(.exchangeUnavailable, "\(name) could not process the request (\(message)).", ["Try again shortly."])
            }
            return error(.badResponse, "\(name) refused the request: \(code) \(message)", ["Check the request parameters."])
        }
    }

    static func permissionFix(_ venue: Venue) -> [String] {
        var steps = [
            "A read-only key cannot trade: edit the key on Bybit's API page and choose Read-Write.",
        ]
        switch venue.product {
        case .spot: steps.append("Tick Unified Trading → SPOT: Trade.")
        case .linear, .inverse: steps.append("Tick Unified Trading → Contract: Orders and Positions.")
        }
        steps.append("Never tick Withdraw: Sentinel does not need it.")
        return steps
    }

    static func orderFix(_ code: Int) -> [String] {
        switch code {
        case 170134, 170137, 170148, 110017:
            return ["Round the price to the tick size and the quantity to the step (`sentinel markets` shows both)."]
        case 170136, 170140, 110094:
            return ["Increase the quantity so it meets the market's minimum quantity and order value."]
        case 110003, 170132, 170133:
            return ["Use a price closer to the current market price; Bybit limits how far a limit order may be."]
        case 170121:
            return ["Check the symbol with `sentinel markets --exchange bybit`."]
        default:
            return ["Check the order's parameters against `sentinel markets`."]
        }
    }
}
