import SentinelCore
import Testing

@testable import SentinelExchanges

/// Parsing real recorded Bybit V5 answers (ccxt's recordings, the documentation's key-info example) and the
/// documented instrument shapes; and refusing what is not Bybit.
@Suite struct BybitWireTests {
    func result<T: Decodable>(_ type: T.Type, _ name: String) throws -> T {
        try WireDecoding.decode(
            BybitWire.Envelope<T>.self, from: Fixture.bytes("bybit/" + name), exchange: .bybit, endpoint: name
        ).result
    }

    @Test func spotInstrumentsCountInBaseCoin() throws {
        let list = try result(BybitWire.Listing<BybitWire.Instrument>.self, "instruments-spot.json").list
        let markets = BybitMarkets.markets(from: list, product: .spot)
        let btc = try #require(markets.first)
        #expect(btc.symbol.description == "BTC/USDT" && btc.nativeSymbol == "BTCUSDT" && btc.isTrading)
        #expect(btc.rules.stepSize == (try Quantity("0.000001")))
        #expect(btc.rules.minQuantity == (try Quantity("0.000048")))
        #expect(btc.rules.minNotional == (try Amount("1")))
        #expect(btc.rules.marketMaxQuantity == (try Quantity("35.86978121")))
        #expect(btc.sizing == .baseUnits)
    }

    @Test func linearInstrumentsArePerpetualsOnly() throws {
        let list = try result(BybitWire.Listing<BybitWire.Instrument>.self, "instruments-linear.json").list
        let markets = BybitMarkets.markets(from: list, product: .linear)
        #expect(markets.map(\.symbol.description) == ["BTC/USDT:USDT"], "the dated future is left out")
        #expect(markets[0].rules.tickSize == (try Price("0.10")))
        #expect(markets[0].rules.minNotional == (try Amount("5")))
        #expect(markets[0].rules.maxPrice == (try Price("1999999.80")))
        #expect(BybitMarkets.markets(from: list, product: .inverse).isEmpty)
    }

    @Test func recordedWalletBalanceParses() throws {
        let wallets = try result(BybitWire.Listing<BybitWire.Wallet>.self, "wallet-balance.json").list
        #expect(wallets.first?.accountType == "UNIFIED")
        let usdt = try #require(wallets.first?.coin.first { $0.coin == "USDT" })
        #expect(usdt.walletBalance == "3322.25896609" && usdt.locked == "42")
    }

    @Test func recordedOrdersParse() throws {
        let symbol = UnifiedSymbol("BTC/USDT:USDT")!
        let open = try result(BybitWire.Listing<BybitWire.OrderRow>.self, "order-realtime.json").list
        let order = BybitOrderMapping.order(try #require(open.first), symbol: symbol)
        #expect(order.id == "3606515b-e4d7-4ea4-b096-bb247d0661ae" && order.status == .new)
        #expect(order.clientOrderID == nil, "an empty orderLinkId is no client id")
        try #expect(order.price == (try Price("102000")) && order.quantity == (try Quantity("0.001")))
        #expect(order.side == .buy && order.type == .limit && order.timeInForce == .gtc && order.averagePrice == nil)
        let closed = try result(BybitWire.Listing<BybitWire.OrderRow>.self, "order-history.json").list
        let filled = BybitOrderMapping.order(try #require(closed.first), symbol: symbol)
        try #expect(filled.status == .filled && filled.filledQuantity == (try Quantity("0.001")))
        #expect(filled.averagePrice != nil)
        let ack = try result(BybitWire.Ack.self, "order-create.json")
        #expect(ack.orderId.value == "1992319485461489920" && ack.orderLinkId == "1992319485469878528")
        let cancelled = try result(BybitWire.Listing<BybitWire.Ack>.self, "order-cancel-all.json").list
        #expect(cancelled.map(\.orderId.value) == ["1609919616652678656"])
    }

    @Test func recordedPositionsAndTickerParse() throws {
        let rows = try result(BybitWire.Listing<BybitWire.PositionRow>.self, "position-list.json").list
        let ltc = try #require(rows.first)
        try #expect(ltc.symbol == "LTCUSDT" && ltc.side == "Buy" && ltc.size == (try ExactDecimal("1.2")))
        #expect(BybitWire.decimal(ltc.liqPrice) == nil, "an empty liqPrice is none")
        let ticker = try result(BybitWire.Listing<BybitWire.TickerRow>.self, "tickers-linear.json").list
        #expect(BybitWire.decimal(ticker.first?.bid1Price) == (try ExactDecimal("51444.30")))
    }

    @Test func documentedKeyInfoAudits() throws {
        let permissions = BybitPermissions.map(try result(BybitWire.KeyInfo.self, "query-api.json"))
        // readOnly: 1 wins over the trade groups listed.
        #expect(!permissions.spotTrade && !permissions.futuresTrade)
        #expect(!permissions.withdraw && permissions.transfer)
        #expect(permissions.ipRestricted == true && permissions.ipWhitelist == ["18.181.170.164", "13.212.45.47"])
        #expect(permissions.expiresAt == nil, "1970-01-01 means no expiry")
        #expect(permissions.createdAt == 1_760_325_645_000)
        #expect(permissions.reported.contains("Wallet: AccountTransfer, SubMemberTransfer"))
    }

    @Test func withdrawAndUnboundKeys() throws {
        let body = #"""
            {"retCode":0,"retMsg":"","result":{"readOnly":0,"permissions":{"Spot":["SpotTrade"],"ContractTrade":[],
            "Derivatives":["DerivativesTrade"],"Wallet":["Withdraw"]},"ips":["*"],"deadlineDay":90,
            "expiredAt":"2026-03-01T00:00:00Z","createdAt":"2025-12-01T00:00:00Z"},"retExtInfo":{},"time":1}
            """#
        let info = try WireDecoding.decode(
            BybitWire.Envelope<BybitWire.KeyInfo>.self, from: Array(body.utf8), exchange: .bybit, endpoint: "k"
        ).result
        let permissions = BybitPermissions.map(info)
        #expect(permissions.spotTrade && permissions.futuresTrade && permissions.withdraw && !permissions.transfer)
        #expect(permissions.ipRestricted == false && permissions.ipWhitelist == nil)
        #expect(permissions.expiresAt == 1_772_323_200_000)
    }

    @Test(arguments: [
        "", "2025-10-13", "2025-10-13T03:20:45", "2025-13-13T03:20:45Z", "2025-10-13T03:2x:45Z", "x025-10-13T03:20:45Z",
    ])
    func badTimestampsAreNone(_ text: String) {
        #expect(BybitPermissions.isoMilliseconds(text) == nil)
    }

    @Test(arguments: [
        "<html>502 Bad Gateway</html>", #"{"retCode":0,"retMsg":"OK","result":{"list":"nope"}}"#,
        #"{"retCode":0,"retMsg":"OK","result":{"list":[{"coin":"USDT"}]}}"#, "",
    ])
    func badAnswersAreBadResponses(_ body: String) {
        #expect(throws: SentinelError.self) {
            _ = try WireDecoding.decode(
                BybitWire.Envelope<BybitWire.Listing<BybitWire.Wallet>>.self, from: Array(body.utf8), exchange: .bybit,
                endpoint: "/v5/account/wallet-balance")
        }
    }
}

extension BybitWireTests {
    /// The docs' example answer of `/v5/asset/withdraw/query-record`; the window is clamped to Bybit's 30 days.
    @Test func withdrawalRecordsParseExactly() throws {
        let now: Int64 = 1_750_777_316_807
        let credentials = Credentials(apiKey: "BYBITKEY0123456789", secret: SecretText("SECRET0123456789"))
        let connector = try BybitConnector(venue: try venue(.bybit), credentials: credentials, now: { now })
        let call = try #require(connector.withdrawals(sinceMs: now - 60 * 86_400_000))
        #expect(call.endpoint.path == "/v5/asset/withdraw/query-record")
        let end = now + 60_000
        #expect(
            call.payload
                == .pairs([
                    ("withdrawType", "2"), ("startTime", String(end - 30 * 86_400_000)), ("endTime", String(end)),
                    ("limit", "50"),
                ]))
        let body = """
            {"retCode":0,"retMsg":"success","result":{"rows":[{"coin":"USDC","chain":"ETH","amount":"41.43008",
            "txID":"0x3d7bddb797f0e86420c982c0723653b8b728fd0ec9953b6b354445848d83a185","status":"success",
            "toAddress":"0xE3De6d711e0951d34777b5Cd93c827F822ee8514","tag":"","withdrawFee":"5",
            "createTime":"1742738305000","updateTime":"1742738340000","withdrawId":"131629076","withdrawType":0,
            "fee":"","tax":"","taxRate":"","taxType":""},{"coin":"USDT","chain":"internalAddressChain",
            "amount":"20.1234","txID":"","status":"success","toAddress":"999805","tag":"","withdrawFee":"0",
            "createTime":"1698889833000","updateTime":"1698889846000","withdrawId":"13310","withdrawType":1}],
            "nextPageCursor":"eyJtaW5JRCI6MTMxNjAzNDU4LCJtYXhJRCI6MTMxNjI5MDc2fQ=="},"retExtInfo":{},
            "time":1750777316807}
            """
        let withdrawals = try call.decode(Array(body.utf8), .empty)
        #expect(
            withdrawals.first
                == Withdrawal(
                    id: "131629076", asset: "USDC", amount: try Amount("41.43008"), fee: try Amount("5"),
                    address: "0xE3De6d711e0951d34777b5Cd93c827F822ee8514", network: "ETH", status: "success",
                    time: 1_742_738_305_000,
                    transactionID: "0x3d7bddb797f0e86420c982c0723653b8b728fd0ec9953b6b354445848d83a185"))
        try #expect(withdrawals.last?.transactionID == nil && withdrawals.last?.amount == (try Amount("20.1234")))
        for other in [try venue(.bybit, .linear), try venue(.bybit, .spot, .demo)] {
            #expect(try BybitConnector(venue: other, credentials: credentials).withdrawals(sinceMs: 0) == nil)
        }
    }
}
