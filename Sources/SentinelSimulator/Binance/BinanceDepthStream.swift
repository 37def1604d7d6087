import SentinelCore

/// The diff-depth stream (`<symbol>@depth[@100ms]`): `depthUpdate` events whose `U`/`u` (and `pu` on futures) chain
/// with each other and with the REST snapshot's `lastUpdateId`, so a client can keep a local book as the fact sheet
/// (§6) describes. Quantities are absolute; `0` removes a level.
struct BinanceDepthStream: MarketStream {
    static let levels = 20

    let key: MarketKey
    let intervalMilliseconds: Int
    private var lastUpdateID: Int64?
    private var bids: [String: String] = [:]
    private var asks: [String: String] = [:]

    init(key: MarketKey, intervalMilliseconds: Int) {
        self.key = key
        self.intervalMilliseconds = intervalMilliseconds
    }

    var isFutures: Bool { key.kind == .perpetual }

    mutating func next(_ state: inout EngineState) -> String? {
        let now = state.now
        guard let market = state.market(key, now: now) else { return nil }
        let format = BinanceMarketFormat(rules: market.rules)
        let ladder = market.ladder
        func side(_ levels: [LadderLevel]) -> [String: String] {
            var result: [String: String] = [:]
            for level in levels.prefix(Self.levels) where level.quantity.isPositive {
                result[format.price(level.price.exact)] = format.quantity(level.quantity.exact)
            }
            return result
        }
        let newBids = side(ladder.bids)
        let newAsks = side(ladder.asks)
        guard let previous = lastUpdateID else {
            // Subscribing: the book as of now is the baseline; events describe changes from here.
            lastUpdateID = market.updateID
            bids = newBids
            asks = newAsks
            return nil
        }
        guard market.updateID != previous else { return nil }
        let zero = format.quantity(.zero)
        func changes(_ old: [String: String], _ new: [String: String]) -> JSONValue {
            var rows: [(String, String)] = new.filter { old[$0.key] != $0.value }.map { ($0.key, $0.value) }
            rows += old.keys.filter { new[$0] == nil }.map { ($0, zero) }
            return .array(rows.sorted { $0.0 < $1.0 }.map { .array([.string($0.0), .string($0.1)]) })
        }
        var members: [(String, JSONValue)] = [("e", .string("depthUpdate")), ("E", .int(now))]
        if isFutures { members.append(("T", .int(now))) }
        members += [("s", .string(key.symbol)), ("U", .int(previous + 1)), ("u", .int(market.updateID))]
        if isFutures { members.append(("pu", .int(previous))) }
        members += [("b", changes(bids, newBids)), ("a", changes(asks, newAsks))]
        lastUpdateID = market.updateID
        bids = newBids
        asks = newAsks
        return JSONValue.object(members).rendered
    }
}

extension BinanceDialect {
    /// `/ws/<symbol>@depth[@<speed>]` (futures also under `/public/ws/`), after any environment prefix.
    func stream(path: String, query: String) -> (any MarketStream)? {
        guard let (_, bare) = environment(of: path) else { return nil }
        if let user = userStream(path: bare, query: query) { return user }
        let name: Substring
        if bare.hasPrefix("/ws/") {
            name = bare.dropFirst(4)
        } else if flavor == .usdm, bare.hasPrefix("/public/ws/") {
            name = bare.dropFirst(11)
        } else {
            return nil
        }
        let parts = name.split(separator: "@")
        guard parts.count >= 2, parts[1] == "depth", parts.count <= 3 else { return nil }
        var interval = flavor == .usdm ? 250 : 1000
        if parts.count == 3 {
            let allowed = flavor == .usdm ? ["100ms", "250ms", "500ms"] : ["100ms", "1000ms"]
            guard allowed.contains(String(parts[2])) else { return nil }
            interval = Int(parts[2].dropLast(2)) ?? interval
        }
        let key = MarketKey(exchange: flavor.exchange, kind: flavor.kind, symbol: parts[0].uppercased())
        return BinanceDepthStream(key: key, intervalMilliseconds: interval)
    }

    /// A listen key's private stream: USDⓈ-M `/private/ws?listenKey=K` (or the older `/ws/K`), Binance.US `/ws/K`.
    func userStream(path: String, query: String) -> (any MarketStream)? {
        guard flavor != .spot else { return nil }
        var token: String?
        if flavor == .usdm, path == "/private/ws" {
            token = BinanceParameters(query: query, body: "")["listenKey"]
        } else if path.hasPrefix("/ws/") {
            let name = String(path.dropFirst(4))
            if name.count == 64, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { token = name }
        }
        guard let token else { return nil }
        return BinanceUserStream(token: token, futures: flavor == .usdm)
    }
}
