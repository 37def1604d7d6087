import SentinelCore

/// `POST /api/v3/order/cancelReplace`: cancels one spot order and places another in one request. With
/// STOP_ON_FAILURE a failed cancel stops there; with ALLOW_FAILURE the new order is tried anyway. One success of
/// two answers HTTP 409 (-2021), two failures HTTP 400 (-2022), each with both results in `data`.
extension BinanceDialect {
    static let cancelReplaceOnlyNames: Set<String> = [
        "cancelReplaceMode", "cancelOrderId", "cancelOrigClientOrderId", "cancelNewClientOrderId", "cancelRestrictions",
        "orderRateLimitExceededMode", "timestamp", "recvWindow", "signature",
    ]

    static func spotCancelReplace(_ call: inout BinanceCall, _ state: inout EngineState) throws(BinanceError) -> JSONValue {
        let mode = try call.parameters.required("cancelReplaceMode")
        guard mode == "STOP_ON_FAILURE" || mode == "ALLOW_FAILURE" else { throw .mandatory("cancelReplaceMode") }
        let symbol = try call.parameters.required("symbol")
        var cancelPairs: [(name: String, value: String)] = [("symbol", symbol)]
        if let id = call.parameters["cancelOrderId"] { cancelPairs.append(("orderId", id)) }
        if let id = call.parameters["cancelOrigClientOrderId"] { cancelPairs.append(("origClientOrderId", id)) }
        guard cancelPairs.count > 1 else {
            throw BinanceError(
                status: 400, code: -1102, message: "Param 'cancelOrigClientOrderId' or 'cancelOrderId' must be sent, but both were empty/null!")
        }
        if let id = call.parameters["cancelNewClientOrderId"] { cancelPairs.append(("newClientOrderId", id)) }
        let placePairs = call.parameters.allPairs.filter { !cancelReplaceOnlyNames.contains($0.name) }

        var cancelCall = BinanceCall(
            flavor: call.flavor, environment: call.environment, parameters: BinanceParameters(pairs: cancelPairs),
            key: call.key, now: call.now)
        let cancelled: Result<JSONValue, BinanceError>
        do { cancelled = .success(try spotCancelOrder(&cancelCall, &state)) } catch { cancelled = .failure(error) }

        if case .failure(let error) = cancelled, mode == "STOP_ON_FAILURE" {
            throw outcome(cancelled: .failure(error), placed: nil)
        }
        var placeCall = BinanceCall(
            flavor: call.flavor, environment: call.environment, parameters: BinanceParameters(pairs: placePairs),
            key: call.key, now: call.now)
        let placed: Result<JSONValue, BinanceError>
        do { placed = .success(try spotPlaceOrder(&placeCall, &state)) } catch { placed = .failure(error) }
        call.responseHeaders += placeCall.responseHeaders
        if case .success(let cancelAnswer) = cancelled, case .success(let placeAnswer) = placed {
            return .object([
                ("cancelResult", .string("SUCCESS")), ("newOrderResult", .string("SUCCESS")),
                ("cancelResponse", cancelAnswer), ("newOrderResponse", placeAnswer),
            ])
        }
        throw outcome(cancelled: cancelled, placed: placed)
    }

    /// The error answer for a cancel-replace that did not fully succeed.
    private static func outcome(
        cancelled: Result<JSONValue, BinanceError>, placed: Result<JSONValue, BinanceError>?
    ) -> BinanceError {
        func parts(_ result: Result<JSONValue, BinanceError>?) -> (String, JSONValue) {
            switch result {
            case .success(let answer)?: ("SUCCESS", answer)
            case .failure(let error)?: ("FAILURE", error.json)
            case nil: ("NOT_ATTEMPTED", .null)
            }
        }
        let (cancelResult, cancelResponse) = parts(cancelled)
        let (newResult, newResponse) = parts(placed)
        let data: JSONValue = .object([
            ("cancelResult", .string(cancelResult)), ("newOrderResult", .string(newResult)),
            ("cancelResponse", cancelResponse), ("newOrderResponse", newResponse),
        ])
        let partial = cancelResult == "SUCCESS" || newResult == "SUCCESS"
        return BinanceError(
            status: partial ? 409 : 400, code: partial ? -2021 : -2022,
            message: partial ? "Order cancel-replace partially failed." : "Order cancel-replace failed.",
            data: EquatableJSON(value: data))
    }
}
