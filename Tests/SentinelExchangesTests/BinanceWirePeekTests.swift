import Foundation
import Testing

@testable import SentinelExchanges

/// The byte-level order reader must read what `init(from:)` reads, or give up: never a different order.
@Suite struct BinanceWirePeekTests {
    /// Every recorded Binance order, one JSON object each.
    static func recordedOrders() throws -> [[String: Any]] {
        var orders: [[String: Any]] = []
        for name in ["spot-order-new.json", "spot-order-filled.json", "spot-open-orders.json", "usdm-open-orders.json"] {
            let object = try JSONSerialization.jsonObject(with: Data(try Fixture.bytes("binance/" + name)))
            if let one = object as? [String: Any] { orders.append(one) }
            if let many = object as? [[String: Any]] { orders.append(contentsOf: many) }
        }
        return orders
    }

    static func bytes(_ object: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
    }

    /// Both readers' verdicts on `body`: equal orders, or the peek gives up (never a different order, never an
    /// order where the full decoder refuses). Returns whether the peek read it.
    @discardableResult
    static func agree(_ body: [UInt8], _ comment: String) -> Bool {
        let peeked = BinanceWire.OrderBody(peeking: body)
        let decoded = try? JSONDecoder().decode(BinanceWire.OrderBody.self, from: Data(body))
        if let peeked {
            guard let decoded else {
                Issue.record("peek read what the decoder refuses: \(comment)")
                return true
            }
            #expect(String(reflecting: peeked) == String(reflecting: decoded), "\(comment)")
        }
        return peeked != nil
    }

    @Test func everyRecordedOrderReadsTheSameBothWays() throws {
        let orders = try Self.recordedOrders()
        #expect(orders.count >= 4)
        for order in orders {
            #expect(Self.agree(try Self.bytes(order), "\(order)"), "the hot path must take recorded orders")
        }
        #expect(Self.agree(try Fixture.bytes("binance/spot-order-new.json"), "as recorded, with its whitespace"))
    }

    /// Each member of each recorded order changed to every other kind of value, or removed: both readers agree.
    @Test func changedMembersNeverReadDifferently() throws {
        let replacements: [Any] = [
            NSNull(), 7, -3, 1.5, 12_345_678_901_234_567_890.0, "x", "", "1.50", "TRUE", true, false, [1], ["a": 1],
            "caf\u{e9}", "quote\"d",
        ]
        var peeked = 0
        var checked = 0
        for order in try Self.recordedOrders() {
            for key in order.keys.sorted() {
                var removed = order
                removed[key] = nil
                Self.agree(try Self.bytes(removed), "without \(key)")
                for value in replacements {
                    var changed = order
                    changed[key] = value
                    if Self.agree(try Self.bytes(changed), "\(key) = \(value)") { peeked += 1 }
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
        #expect(peeked > checked / 4, "the hot path still takes most plain variants")
    }

    @Test(arguments: [
        #"{"symbol":"A","symbol":"B","orderId":1,"origQty":"1","executedQty":"0","status":"NEW","type":"LIMIT","side":"BUY"}"#,
        #"{"symbol":"A\u0042","orderId":1,"origQty":"1","executedQty":"0","status":"NEW","type":"LIMIT","side":"BUY"}"#,
        #"{"symbol":"A","orderId":1,"origQty":"1","executedQty":"0","status":"NEW","type":"LIMIT","side":"BUY""#,
        #"[{"symbol":"A","orderId":1,"origQty":"1","executedQty":"0","status":"NEW","type":"LIMIT","side":"BUY"}]"#,
        #"{"symbol":"A","orderId":1.5,"origQty":"1","executedQty":"0","status":"NEW","type":"LIMIT","side":"BUY"}"#,
        #"{"code":-2010,"msg":"Account has insufficient balance for requested action."}"#,
        "", "null", "<html>",
    ])
    func answersThePeekLeavesToTheDecoder(text: String) {
        #expect(BinanceWire.OrderBody(peeking: Array(text.utf8)) == nil)
    }

    @Test func plainIntegersAndUnknownNestedMembersAreRead() throws {
        let text = #"{"fills":[{"price":"1"}],"symbol":"BTCUSDT","orderId":42,"origQty":1,"executedQty":"0","#
            + #""status":"NEW","type":"LIMIT","side":"SELL","reduceOnly":"true","time":"1700000000000","price":null}"#
        let body = Array(text.utf8)
        #expect(Self.agree(body, text))
        let order = try #require(BinanceWire.OrderBody(peeking: body))
        #expect(order.orderId.value == "42" && order.price == nil && order.reduceOnly?.value == true)
        #expect(order.time?.value == 1_700_000_000_000)
    }
}
