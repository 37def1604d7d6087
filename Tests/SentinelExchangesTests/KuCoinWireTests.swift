import SentinelCore
import SentinelNet
import Testing

@testable import SentinelExchanges

/// Parsing recorded KuCoin answers and the documented symbol and contract shapes; futures sizes in lots converted
/// exactly; the key audit from the key-info answer; bad input refused with a typed error.
@Suite struct KuCoinWireTests {
    func data<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try #require(
            try WireDecoding.decode(
                KuCoinWire.Envelope<T>.self, from: Fixture.bytes("kucoin/" + name), exchange: .kucoin, endpoint: name
            ).data)
    }

    static func futuresMarkets() throws -> [Market] {
        let contracts = try WireDecoding.decode(
            KuCoinWire.Envelope<[KuCoinWire.Contract]>.self, from: Fixture.bytes("kucoin/contracts-active.json"),
            exchange: .kucoin, endpoint: "contracts")
        return KuCoinMarkets.futures(contracts.data ?? [], product: .linear)
    }

    @Test func symbolsAndContractsBecomeMarketsInBaseUnits() throws {
        let spot = KuCoinMarkets.spot(try data([KuCoinWire.Symbol].self, "symbols.json"))
        #expect(spot.map(\.symbol.description) == ["BTC/USDT"])
        #expect(try spot[0].rules.tickSize == (try Price("0.1")) && spot[0].rules.stepSize == (try Quantity("0.00000001")))
        #expect(try spot[0].rules.minQuantity == (try Quantity("0.00001")) && spot[0].rules.minNotional == (try Amount("0.1")))
        let futures = try Self.futuresMarkets()
        // XBT is BTC; the inverse XBTUSDM is not listed until its orders can be sized in base units.
        #expect(futures.map(\.symbol.description) == ["BTC/USDT:USDT"])
        let btc = futures[0]
        #expect(try btc.nativeSymbol == "XBTUSDTM" && btc.sizing == .baseContracts(size: try ExactDecimal("0.001")))
        // multiplier and tickSize arrive as JSON numbers and stay exact.
        #expect(try btc.rules.tickSize == (try Price("0.1")) && btc.rules.stepSize == (try Quantity("0.001")))
        #expect(btc.rules.maxQuantity == (try Quantity("1000")))
    }

    @Test func futuresBodiesAreWholeLots() throws {
        let btc = try #require(try Self.futuresMarkets().first)
        let request = OrderRequest(
            symbol: btc.symbol, side: .buy, type: .limit, quantity: try Quantity("0.003"), price: try Price("60000.5"),
            postOnly: true, clientOrderID: try ClientOrderID("sn-0123456789abcdefghijklmnop"))
        #expect(KuCoinOrderMapping.body(request, market: btc)
            == #"{"clientOid":"sn-0123456789abcdefghijklmnop","side":"buy","symbol":"XBTUSDTM","leverage":1,"type":"limit","price":"60000.5","size":3,"timeInForce":"GTC","postOnly":true}"#)
        #expect(KuCoinOrderMapping.lots(try Quantity("0.0035"), market: btc) == nil)
        var odd = request
        odd.quantity = try Quantity("0.0035")
        #expect(KuCoinOrderMapping.body(odd, market: btc).contains(#""qty":"0.0035""#))
    }

    @Test func recordedOrdersParse() throws {
        let spot = try data(KuCoinWire.Order.self, "spot-order.json")
        let order = KuCoinOrderMapping.order(spot, market: nil, symbol: UnifiedSymbol("LTC/USDT")!)
        #expect(try order.status == .filled && order.type == .market && order.quantity == (try Quantity("0.01")))
        #expect(order.averagePrice == (try Price("91.937")))
        let open = try data(KuCoinWire.Page<KuCoinWire.Order>.self, "spot-open-orders.json").items
        #expect(open.count == 1)
        let resting = KuCoinOrderMapping.order(open[0], market: nil, symbol: UnifiedSymbol("LTC/USDT")!)
        #expect(resting.status == .new && resting.clientOrderID == "168ea0a0-0cf2-493d-be18-b606be913ce6")
        #expect(resting.price == (try Price("55")))
        #expect(resting.timeInForce == .gtc)
        let ltc = Market(
            symbol: UnifiedSymbol("LTC/USDT:USDT")!, nativeSymbol: "LTCUSDTM", product: .linear, isTrading: true,
            rules: MarketRules(tickSize: try Price("0.01"), stepSize: try Quantity("0.1"), minQuantity: try Quantity("0.1")),
            sizing: .baseContracts(size: try ExactDecimal("0.1")))
        let futures = try data(KuCoinWire.Order.self, "futures-order.json")
        let closed = KuCoinOrderMapping.order(futures, market: ltc, symbol: ltc.symbol)
        // One lot of 0.1 LTC, filled, reduce-only.
        #expect(try closed.status == .filled && closed.quantity == (try Quantity("0.1")) && closed.reduceOnly)
        let list = try data(KuCoinWire.Page<KuCoinWire.Order>.self, "futures-open-orders.json").items
        #expect(KuCoinOrderMapping.order(list[0], market: ltc, symbol: ltc.symbol).status == .new)
    }

    @Test func recordedAccountsAndTickersParse() throws {
        let accounts = try data([KuCoinWire.AccountItem].self, "spot-accounts.json")
        #expect(accounts.first { $0.currency == "USDT" }?.available.value == (try ExactDecimal("40.12618754")))
        let level = try data(KuCoinWire.FuturesTicker.self, "futures-ticker.json")
        #expect(level.bestBidPrice?.value == (try ExactDecimal("73399.9")))
    }

    @Test func keyInfoAudit() throws {
        let permissions = KuCoinPermissions.map(try data(KuCoinWire.KeyInfo.self, "key-info.json"))
        #expect(permissions.read && permissions.spotTrade && permissions.futuresTrade)
        // Transfer is KuCoin's Withdrawal permission; InnerTransfer moves funds between accounts.
        #expect(permissions.withdraw && permissions.transfer)
        #expect(permissions.ipRestricted == true && permissions.ipWhitelist == ["203.**.154", "103.**.34"])
        let general = KuCoinPermissions.map(
            KuCoinWire.KeyInfo(apiKey: nil, apiVersion: 3, permission: "General", ipWhitelist: "", createdAt: nil, isMaster: nil, subName: nil))
        #expect(general.readOnly && general.ipRestricted == false)
    }

    @Test func errorsAreTypedWithFixes() {
        func map(_ code: String, _ product: Product = .spot, status: Int = 401) -> SentinelError {
            KuCoinErrors.map(
                code: code, message: "m",
                context: ErrorContext(
                    venue: try! Venue(.kucoin, product, .live), httpStatus: status, path: "/p", clockSummary: nil,
                    retryAfterSeconds: nil))
        }
        #expect(map("400004").kind == .authentication && map("400004").diagnosis.cause.contains("passphrase"))
        #expect(map("400002", status: 400).kind == .invalidTimestamp)
        #expect(map("400003", .linear).diagnosis.cause.contains("spot key"))
        #expect(!map("400003").diagnosis.cause.contains("spot key"))
        #expect(map("400006", status: 403).kind == .permissionDenied)
        #expect(map("429000", status: 429).kind == .rateLimited)
        #expect(map("126044", status: 200).kind == .duplicateOrder && map("300018", status: 200).kind == .duplicateOrder)
        #expect(map("100001", status: 200).kind == .orderNotFound)
        #expect(map("126013", status: 200).kind == .insufficientFunds)
        for code in ["400001", "400005", "400007", "415000", "500000", "400100", "600100", "400600"] {
            #expect(!map(code).diagnosis.fix.isEmpty, "\(code)")
        }
    }

    /// Every parser refuses what is not its shape with a typed `badResponse`, never a crash or a made-up value.
    @Test func everyParserRefusesMalformedData() {
        func refuses<T: Decodable>(_ type: T.Type, _ data: String) -> Bool {
            let body = #"{"code":"200000","data":"# + data + "}"
            do {
                _ = try WireDecoding.decode(KuCoinWire.Envelope<T>.self, from: Array(body.utf8), exchange: .kucoin, endpoint: "/x")
                return false
            } catch {
                return error.kind == .badResponse
            }
        }
        #expect(refuses([KuCoinWire.Symbol].self, #"[{"symbol":"BTC-USDT","baseCurrency":"BTC","quoteCurrency":"USDT","baseMinSize":"x","baseIncrement":"1","priceIncrement":"1"}]"#))
        #expect(refuses([KuCoinWire.Contract].self, #"[{"symbol":"XBTUSDTM","baseCurrency":"XBT","quoteCurrency":"USDT","multiplier":"0.0.1","lotSize":1,"tickSize":0.1}]"#))
        #expect(refuses(KuCoinWire.Order.self, #"{"id":"1","symbol":"BTC-USDT","side":"buy"}"#))
        #expect(refuses(KuCoinWire.KeyInfo.self, #"{"permission":7}"#))
        #expect(refuses([KuCoinWire.Position].self, #"[{"symbol":"XBTUSDTM","currentQty":true}]"#))
        #expect(refuses(Int64.self, #""soon""#))
        #expect(refuses(KuCoinWire.AccountOverview.self, #"{"availableBalance":"1e","currency":"USDT"}"#))
    }

    @Test func badInputIsABadResponse() {
        for body in ["", "{", #"{"code":"200000","data":{"symbol":1}}"#, #"{"code":"200000","data":[{"currency":"USDT","type":"trade","available":"x","holds":"0"}]}"#] {
            #expect(throws: SentinelError.self) {
                _ = try WireDecoding.decode(
                    KuCoinWire.Envelope<[KuCoinWire.AccountItem]>.self, from: Array(body.utf8), exchange: .kucoin, endpoint: "/x")
            }
        }
    }
}

extension KuCoinWireTests {
    /// The spec's example page of `/api/v1/withdrawals` (an internal transfer with `walletTxId: null`), read exactly;
    /// the futures host has no withdrawal history.
    @Test func withdrawalHistoryParsesExactly() throws {
        let credentials = Credentials(
            apiKey: "6705f5c311545b000157d3eb", secret: SecretText("f03a5284-5c39-4aaa-9b20-dea10bdcf8e3"),
            passphrase: SecretText("Ab12345678"))
        let connector = try KuCoinConnector(venue: try venue(.kucoin), credentials: credentials)
        let call = try #require(connector.withdrawals(sinceMs: 1_721_000_000_000))
        #expect(call.endpoint.path == "/api/v1/withdrawals")
        #expect(call.payload == .pairs([("startAt", "1721000000000"), ("currentPage", "1"), ("pageSize", "500")]))
        let body = """
            {"code":"200000","data":{"currentPage":1,"pageSize":50,"totalNum":2,"totalPage":1,"items":[
            {"id":"67078b0f6e5a3a0007a1f3e5","currency":"USDT","chain":"","status":"SUCCESS",
            "address":"a435*****@gmail.com","memo":"","isInner":true,"amount":"1.00000000","fee":"0.00000000",
            "walletTxId":null,"createdAt":1728555875000,"updatedAt":1728555875000,"remark":"","arrears":false},
            {"id":"669f9e6871d5bb0007f55a9d","currency":"USDT","chain":"trx","status":"SUCCESS",
            "address":"TSv3L1fS7******X4nLP6rqNxYz","memo":"","isInner":true,"amount":"6.00000000","fee":"0.00000000",
            "walletTxId":null,"createdAt":1721730920000,"updatedAt":1721730920000,"remark":"","arrears":false}]}}
            """
        let withdrawals = try call.decode(Array(body.utf8), .empty)
        #expect(
            withdrawals.last
                == Withdrawal(
                    id: "669f9e6871d5bb0007f55a9d", asset: "USDT", amount: try Amount("6"), fee: try Amount("0"),
                    address: "TSv3L1fS7******X4nLP6rqNxYz", network: "trx", status: "SUCCESS", time: 1_721_730_920_000,
                    transactionID: nil))
        try #expect(withdrawals.first?.network == nil && withdrawals.first?.amount == (try Amount("1.00000000")))
        let futures = try KuCoinConnector(venue: try venue(.kucoin, .linear), credentials: credentials)
        #expect(futures.withdrawals(sinceMs: 0) == nil)
    }
}
