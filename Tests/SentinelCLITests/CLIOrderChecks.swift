import Foundation
@testable import SentinelSimulator
import Testing

/// The order checks every exchange's command-line tests run, written once: a resting order's life by client id, and
/// a placement whose answer is lost.
enum CLIOrderChecks {
    static func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    /// `markets --filter BTC` lists BTC/USDT under its unified and its `native` name, and `balance --json` reads USDT.
    static func marketsAndBalance(_ sandbox: VaultSandbox, _ venue: [String], native: String) async throws {
        let markets = try await sandbox.sentinel(["markets"] + venue + ["--filter", "BTC"])
        #expect(markets.status == 0, "\(markets.stderr)")
        #expect(markets.stdout.contains("BTC/USDT") && markets.stdout.contains(native))
        let balance = try await sandbox.sentinel(["balance", "--json"] + venue)
        let balances = try #require(try json(balance.stdout) as? [[String: Any]], "\(balance.stderr)")
        #expect(balances.contains { $0["asset"] as? String == "USDT" })
    }

    /// Places a post-only limit order under `clientID`, shows, lists and cancels it and sees the list empty; the
    /// three symbols mix native ids and unified symbols, which must all resolve.
    static func restingOrderLifecycle(
        _ sandbox: VaultSandbox, _ venue: [String], placeSymbol: String, showSymbol: String, cancelSymbol: String,
        quantity: String, price: String, clientID: String
    ) async throws {
        let place = try await sandbox.sentinel(
            ["order", "place", "--json", "--symbol", placeSymbol, "--side", "buy", "--quantity", quantity, "--price", price,
             "--post-only", "--client-id", clientID] + venue)
        #expect(place.status == 0, "\(place.stderr)")
        let placed = try #require(try json(place.stdout) as? [String: Any])
        #expect(placed["clientOrderID"] as? String == clientID && placed["status"] as? String == "new")
        let show = try await sandbox.sentinel(["order", "show", "--symbol", showSymbol, "--client-id", clientID] + venue)
        #expect(show.stdout.contains(clientID) && show.stdout.contains("new"), "\(show.stdout)\(show.stderr)")
        #expect(try await sandbox.sentinel(["order", "list"] + venue).stdout.contains(clientID))
        let cancel = try await sandbox.sentinel(["order", "cancel", "--symbol", cancelSymbol, "--client-id", clientID] + venue)
        #expect(cancel.status == 0 && cancel.stdout.contains("canceled"), "\(cancel.stdout)\(cancel.stderr)")
        #expect(try await sandbox.sentinel(["order", "list"] + venue).stdout.contains("No orders."))
    }

    /// With `listener`'s `path` set to accept an order and lose the answer, `order place` still ends with exactly one
    /// open order under `clientID`; returns the open orders for further checks.
    @discardableResult
    static func lostAnswerEndsWithOneOrder(
        _ sandbox: VaultSandbox, _ simulator: RunningSimulator, _ venue: [String], listener: String, path: String,
        symbol: String, quantity: String, clientID: String
    ) async throws -> [[String: Any]] {
        await simulator.addFault(SimulatedFault(exchange: listener, kind: "timeout-after-accept", path: path, count: 1))
        let place = try await sandbox.sentinel(
            ["order", "place", "--json", "--symbol", symbol, "--side", "buy", "--quantity", quantity, "--price", "60000",
             "--client-id", clientID, "--timeout-ms", "1500"] + venue)
        #expect(place.status == 0, "\(place.stderr)")
        let list = try await sandbox.sentinel(["order", "list", "--json"] + venue)
        let open = try #require(try json(list.stdout) as? [[String: Any]], "\(list.stderr)")
        #expect(open.count == 1 && open.first?["clientOrderID"] as? String == clientID)
        return open
    }
}
