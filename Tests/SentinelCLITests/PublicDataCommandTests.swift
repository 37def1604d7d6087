import Foundation
@testable import SentinelSimulator
import Testing

/// Public data needs no key, as on every exchange: `markets` and `ticker` with `--exchange` alone; anything that
/// reads an account still asks for one, and no key goes anywhere (issue 15).
@Suite(.timeLimit(.minutes(5))) struct PublicDataCommandTests {
    @Test func marketsAndTickerWorkWithTheExchangeAlone() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        defer { Task { await simulator.shutdown() } }
        try await simulator.setPrice(exchange: "binance", symbol: "BTCUSDT", price: "65000")
        let sandbox = try VaultSandbox()
        let spot = ["--exchange", "binance", "--endpoint", simulator.url(for: .binance)]
        let markets = try await sandbox.sentinel(["markets"] + spot)
        #expect(markets.status == 0, "\(markets.stderr)")
        #expect(markets.stdout.contains("BTC/USDT  BTCUSDT  trading"))

        let ticker = try await sandbox.sentinel(["ticker", "BTCUSDT", "--json"] + spot)
        #expect(ticker.status == 0, "\(ticker.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(ticker.stdout.utf8)) as? [String: Any])
        #expect((object["last"] as? String).flatMap { Decimal(string: $0) } == 65000)
        #expect(object["symbol"] as? String == "BTC/USDT")

        let futures = try await sandbox.sentinel(
            ["ticker", "BTC/USDT:USDT", "--exchange", "binance", "--endpoint", simulator.url(for: .binanceUSDM)])
        #expect(futures.status == 0, "\(futures.stderr)")
        #expect(futures.stdout.contains("BTC/USDT:USDT"))

        let book = try await sandbox.sentinel(["book", "BTC/USDT", "--depth", "3", "--json"] + spot)
        #expect(book.status == 0, "\(book.stderr)")
        let sides = try #require(try JSONSerialization.jsonObject(with: Data(book.stdout.utf8)) as? [String: Any])
        #expect((sides["bids"] as? [Any])?.count == 3 && (sides["asks"] as? [Any])?.count == 3)
        let table = try await sandbox.sentinel(["book", "BTC-USDT-SWAP", "--exchange", "okx", "--product", "linear", "--endpoint", simulator.url(for: .okx)])
        #expect(table.status == 0 && table.stdout.contains("BTC/USDT:USDT") && table.stdout.contains("bid qty"), "\(table.stderr)")
        let tooDeep = try await sandbox.sentinel(["book", "BTC/USDT", "--depth", "0"] + spot)
        #expect(tooDeep.status != 0 && tooDeep.stderr.contains("outside 1…1000"))

        let okx = try await sandbox.sentinel(
            ["ticker", "BTC-USDT", "--exchange", "okx", "--endpoint", simulator.url(for: .okx)])
        #expect(okx.status == 0, "\(okx.stderr)")
        #expect(okx.stdout.contains("BTC/USDT"))
    }

    @Test func accountCommandsStillNeedAKeyAndBadInputIsNamed() async throws {
        let sandbox = try VaultSandbox()
        let balance = try await sandbox.sentinel(["balance", "--exchange", "binance", "--endpoint", "http://127.0.0.1:9"])
        #expect(balance.status != 0 && balance.stderr.contains("No key given."))
        let noExchange = try await sandbox.sentinel(["ticker", "BTC/USDT"])
        #expect(noExchange.status != 0 && noExchange.stderr.contains("No key given."))
        let badSymbol = try await sandbox.sentinel(["ticker", "BTC USDT", "--exchange", "binance"])
        #expect(badSymbol.status != 0 && badSymbol.stderr.contains("is not a symbol"))
        let badExchange = try await sandbox.sentinel(["ticker", "BTC/USDT", "--exchange", "nope"])
        #expect(badExchange.status != 0)
        // Nothing listening: the connection error, after a short connect timeout, with the host named.
        let closed = try await sandbox.sentinel(
            ["ticker", "BTC/USDT", "--exchange", "binance", "--endpoint", "http://127.0.0.1:9"])
        #expect(closed.status != 0 && closed.stderr.contains("127.0.0.1"))
    }
}
