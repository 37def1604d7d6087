import Foundation

/// The admin API (design.md §2) on base+99: keys, clock skew, faults, market prices, health. JSON in, JSON out;
/// bad input gets 400 with `{"error": "..."}` naming the field.
struct AdminDialect: VenueDialect {
    var exchangeName: String { "admin" }

    func respond(to request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        let segments = request.path.split(separator: "/").map { FormParameters.decode($0) }
        do throws(SimulatorError) {
            switch (request.method, segments.first ?? "") {
            case ("GET", "health") where segments.count == 1:
                return .json(200, .object([("ok", .bool(true))]))
            case ("POST", "keys") where segments.count == 1:
                let key = try engine.createKey(try Self.decode(SimulatedKeyRequest.self, request.body))
                var members: [(String, JSONValue)] = [("apiKey", .string(key.apiKey)), ("secret", .string(key.secret))]
                if let passphrase = key.passphrase { members.append(("passphrase", .string(passphrase))) }
                return .json(200, .object(members))
            case ("PATCH", "keys") where segments.count == 2:
                try engine.changeKey(segments[1], try Self.decode(SimulatedKeyChange.self, request.body))
                return .json(200, .object([("ok", .bool(true))]))
            case ("POST", "keys") where segments.count == 3 && segments[2] == "orders":
                let placed = try engine.placeOtherOrder(segments[1], try Self.decode(SimulatedOtherOrder.self, request.body))
                return .json(
                    200,
                    .object([
                        ("orderId", .string(String(placed.orderID))), ("clientOrderId", .string(placed.clientOrderID)),
                        ("symbol", .string(placed.symbol)),
                    ]))
            case ("POST", "keys") where segments.count == 3 && segments[2] == "withdrawals":
                let id = try engine.withdraw(segments[1], try Self.decode(SimulatedWithdrawal.self, request.body))
                return .json(200, .object([("id", .string(id))]))
            case ("POST", "clock") where segments.count == 1:
                let clock = try Self.decode(ClockRequest.self, request.body)
                try SimulatorEngine.checkClockSkew(clock.skewMs)
                engine.setClockSkew(milliseconds: clock.skewMs)
                return .json(200, .object([("skewMs", .int(clock.skewMs))]))
            case ("POST", "faults") where segments.count == 1:
                try engine.addFault(try Self.decode(SimulatedFault.self, request.body))
                return .json(200, .object([("ok", .bool(true))]))
            case ("DELETE", "faults") where segments.count == 1:
                engine.clearFaults()
                return .json(200, .object([("ok", .bool(true))]))
            case ("POST", "markets") where segments.count >= 4 && segments.last == "price":
                // The symbol may arrive as BTC%2FUSDT or, decoded by a client, as two segments.
                let symbol = segments[2..<(segments.count - 1)].joined(separator: "/")
                let body = try Self.decode(PriceRequest.self, request.body)
                try engine.setPrice(exchange: segments[1], symbol: symbol, price: body.price)
                return .json(200, .object([("ok", .bool(true))]))
            default:
                return .json(
                    404,
                    .object([
                        (
                            "error",
                            .string(
                                "no admin endpoint \(request.method) \(request.path); see GET /health, POST /keys, "
                                    + "PATCH /keys/{apiKey}, POST /keys/{apiKey}/orders, POST /keys/{apiKey}/withdrawals, "
                                    + "POST /clock, POST|DELETE /faults, POST /markets/{exchange}/{symbol}/price")
                        )
                    ]))
            }
        } catch {
            return .json(400, .object([("error", .string(error.description))]))
        }
    }

    func faultPath(of request: SimulatorRequest) -> String { request.path }

    func injectedFailure(_ kind: FaultKind, request: SimulatorRequest, engine: SimulatorEngine) -> SimulatorResponse {
        .json(503, .object([("error", .string("injected \(kind.rawValue)"))]))
    }

    struct ClockRequest: Decodable {
        let skewMs: Int64
    }

    struct PriceRequest: Decodable {
        let price: String
    }

    /// Decodes a JSON body, refusing unknown fields (a typo must not silently fall back to a default).
    static func decode<Body: Decodable>(_ type: Body.Type, _ text: String) throws(SimulatorError) -> Body {
        let data = Data(text.utf8)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw .invalidRequest("the body must be a JSON object")
        }
        let known = knownFields(of: type)
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw .invalidRequest("unknown field \"\(unknown.prefix(40))\"; known fields: " + known.sorted().joined(separator: ", "))
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw .invalidRequest("missing field \"\(key.stringValue)\"")
        } catch let DecodingError.typeMismatch(_, context) {
            throw .invalidRequest("field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" has the wrong type")
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            // E.g. a number that does not fit the field (1e300 for an integer).
            throw .invalidRequest(
                "field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is out of range or malformed")
        } catch let DecodingError.valueNotFound(_, context) {
            throw .invalidRequest("field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is null")
        } catch {
            // E.g. a number too large for its field, reported by Foundation without the field's name.
            throw .invalidRequest(
                "a value is out of range or of the wrong type; check the fields " + known.sorted().joined(separator: ", "))
        }
    }

    static func knownFields(of type: Any.Type) -> Set<String> {
        switch type {
        case is SimulatedKeyRequest.Type: Set(SimulatedKeyRequest.CodingKeys.allCases.map(\.rawValue))
        case is SimulatedFault.Type: ["exchange", "kind", "path", "count", "probability", "latencyMs"]
        case is ClockRequest.Type: ["skewMs"]
        case is PriceRequest.Type: ["price"]
        case is SimulatedKeyChange.Type: Set(SimulatedKeyChange.CodingKeys.allCases.map(\.rawValue))
        case is SimulatedOtherOrder.Type: Set(SimulatedOtherOrder.CodingKeys.allCases.map(\.rawValue))
        case is SimulatedWithdrawal.Type: Set(SimulatedWithdrawal.CodingKeys.allCases.map(\.rawValue))
        default: []
        }
    }
}
