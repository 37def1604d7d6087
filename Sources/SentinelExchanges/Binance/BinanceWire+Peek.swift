import SentinelCore

extension BinanceWire.OrderBody {
    /// The members read, in the order of `Slot`.
    static let memberNames = JSONMemberNames(Slot.allCases.map { "\($0)" })

    private enum Slot: Int, CaseIterable {
        case symbol, orderId, clientOrderId, origClientOrderId, price, avgPrice, origQty, executedQty
        case cummulativeQuoteQty, cumQuote, status, timeInForce, type, side, reduceOnly, time, transactTime
        case updateTime
    }

    /// An order answer read at byte level, the hot path of placing and cancelling (`JSONDecoder` cost more than
    /// the rest of an order). Nil for anything else than plainly such an order: a string with escapes, a repeated
    /// or missing member, a type `init(from:)` would refuse. The `Decodable` path then decodes it and names any
    /// problem. Both read every recorded answer alike (`BinanceWirePeekTests`).
    init?(peeking body: [UInt8]) {
        // The slots live on the stack: an array of them was one allocation per answer.
        let read = withUnsafeTemporaryAllocation(of: JSONScalar?.self, capacity: Self.slotCount) { slots in
            slots.initialize(repeating: nil)
            defer { _ = slots.deinitialize() }
            return Self.read(body, into: slots)
        }
        guard let read else { return nil }
        self = read
    }

    private static let slotCount = Slot.allCases.count

    private static func read(_ body: [UInt8], into slots: UnsafeMutableBufferPointer<JSONScalar?>) -> Self? {
        // Slots found by comparing bytes, not a dictionary keyed by `String`: hashing each name was a fifth of the
        // order path.
        let names = Self.memberNames
        let read = body.withUnsafeBufferPointer { bytes in
            var cursor = JSONCursor(bytes)
            return cursor.members { name, cursor in
                guard let index = names.index(of: name) else { return cursor.skipValue(depth: 1) }
                guard slots[index] == nil, let value = cursor.scalar() else { return false }
                slots[index] = value
                return true
            }
        }
        let members = { (slot: Slot) in slots[slot.rawValue] }
        guard read,
            let symbol = members(.symbol)?.string, let orderId = members(.orderId)?.id,
            let origQty = members(.origQty)?.decimal, let executedQty = members(.executedQty)?.decimal,
            let status = members(.status)?.string, let type = members(.type)?.string,
            let side = members(.side)?.string,
            case .value(let clientOrderId) = OptionalMember(members(.clientOrderId), \.string),
            case .value(let origClientOrderId) = OptionalMember(members(.origClientOrderId), \.string),
            case .value(let price) = OptionalMember(members(.price), \.decimal),
            case .value(let avgPrice) = OptionalMember(members(.avgPrice), \.decimal),
            case .value(let cummulativeQuoteQty) = OptionalMember(members(.cummulativeQuoteQty), \.decimal),
            case .value(let cumQuote) = OptionalMember(members(.cumQuote), \.decimal),
            case .value(let timeInForce) = OptionalMember(members(.timeInForce), \.string),
            case .value(let reduceOnly) = OptionalMember(members(.reduceOnly), \.bool),
            case .value(let time) = OptionalMember(members(.time), \.integer),
            case .value(let transactTime) = OptionalMember(members(.transactTime), \.integer),
            case .value(let updateTime) = OptionalMember(members(.updateTime), \.integer)
        else { return nil }
        return Self(
            symbol: symbol, orderId: LenientID(value: orderId), clientOrderId: clientOrderId,
            origClientOrderId: origClientOrderId, price: price, avgPrice: avgPrice, origQty: origQty,
            executedQty: executedQty, cummulativeQuoteQty: cummulativeQuoteQty, cumQuote: cumQuote, status: status,
            timeInForce: timeInForce, type: type, side: side, reduceOnly: reduceOnly.map { LenientBool(value: $0) },
            time: time.map { LenientInt(value: $0) }, transactTime: transactTime.map { LenientInt(value: $0) },
            updateTime: updateTime.map { LenientInt(value: $0) })
    }
}
