import Foundation
import SentinelCore
import SentinelExchanges
import SentinelMonitor
import SentinelSimulator
import Testing

/// The monitor against every exchange's simulator dialect: what someone else does through the admin API is found
/// within one poll; what Sentinel did is not.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ActivityMonitorTests {
    @Test(arguments: WatchVenue.all)
    func someoneElsesOrderIsFoundAndSentinelsOwnIsNot(_ venue: WatchVenue) async throws {
        let session = try await venue.session()
        do {
            let first = try await session.monitor.poll()
            #expect(first.observation.unread.isEmpty, "\(first.observation.unread)")
            #expect(
                first.observation.notChecked.allSatisfy {
                    $0.hasPrefix("withdrawals") || $0.hasPrefix("permissions")
                },
                "\(first.observation.notChecked)")
            #expect(first.findings.filter { $0.severity >= .warning }.isEmpty, "\(first.findings.map(\.summary))")

            let (request, native) = try await venue.restingBuy(session.client)
            let own = try await session.client.placeOrder(request)
            let afterOwn = try await session.monitor.poll()
            #expect(afterOwn.findings.isEmpty, "Sentinel's own order: \(afterOwn.findings.map(\.summary))")

            try await session.simulator.placeOtherOrder(
                session.apiKey,
                SimulatedOtherOrder(
                    symbol: venue.symbol.description, side: "buy", price: request.price!.description, quantity: native,
                    clientOrderId: "phone42"))
            let after = try await session.monitor.poll()
            let foreign = after.findings.filter { $0.kind == .foreignOrder }
            #expect(foreign.count == 1, "\(after.findings.map(\.summary))")
            #expect(foreign.first?.evidence.contains(.init("client order id", "phone42")) == true)
            #expect(foreign.first?.severity == .critical)
            #expect(!after.findings.contains { $0.subject == own.id })
            _ = try await session.client.cancelAllOrders(symbol: venue.symbol)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    @Test(arguments: WatchVenue.all)
    func permissionAndWhitelistChangesAreFound(_ venue: WatchVenue) async throws {
        let session = try await venue.session()
        do {
            let first = try await session.monitor.poll()
            guard let permissions = first.observation.permissions else {
                // Binance.US reports no permissions: the watch says so instead of staying silent.
                #expect(venue.exchange == .binanceUS)
                #expect(first.observation.notChecked.contains { $0.hasPrefix("permissions") })
                await session.close()
                return
            }
            try await session.simulator.changeKey(
                session.apiKey, SimulatedKeyChange(permissions: ["read", "trade", "futures", "withdraw"], ipWhitelist: []))
            let after = try await session.monitor.poll()
            let kinds = Set(after.findings.map(\.kind))
            #expect(kinds.contains(.withdrawPermission), "\(after.findings.map(\.summary))")
            if permissions.ipRestricted != nil {
                #expect(kinds.contains(.ipWhitelistRemoved), "\(after.findings.map(\.summary))")
            }
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// Where the exchange reports a key's expiry (Binance, Bybit), a key about to lapse is found.
    @Test(arguments: WatchVenue.all.filter { [.binance, .bybit].contains($0.exchange) })
    func aKeyAboutToExpireIsFound(_ venue: WatchVenue) async throws {
        let session = try await venue.session()
        do {
            let now = try await session.client.serverTime()
            try await session.simulator.changeKey(session.apiKey, SimulatedKeyChange(expiresAt: now + 3 * 86_400_000))
            let poll = try await session.monitor.poll()
            #expect(poll.findings.map(\.kind).contains(.keyExpiring), "\(poll.findings.map(\.summary))")
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// An order from someone else that filled at once never shows as open: the order history finds it.
    @Test(arguments: WatchVenue.all)
    func aForeignOrderThatFilledAtOnceIsFound(_ venue: WatchVenue) async throws {
        let session = try await venue.session()
        do {
            _ = try await session.monitor.poll()
            let (request, native) = try await venue.restingBuy(session.client)
            let above = try Price(request.price!.value.multiplied(by: ExactDecimal("1.06")))
                .rounded(toMultipleOf: try #require(try await session.client.markets().first { $0.symbol == venue.symbol })
                    .rules.tickSize, .down)
            try await session.simulator.placeOtherOrder(
                session.apiKey,
                SimulatedOtherOrder(
                    symbol: venue.symbol.description, side: "buy", price: above.description, quantity: native,
                    clientOrderId: "bot2taker"))
            let poll = try await session.monitor.poll()
            let fills = poll.findings.filter { $0.kind == .foreignFill }
            #expect(fills.count == 1, "\(poll.findings.map(\.summary)) \(poll.observation.unread)")
            #expect(fills.first?.evidence.contains(.init("client order id", "bot2taker")) == true)
            #expect(!poll.findings.contains { $0.kind == .foreignOrder })
            let again = try await session.monitor.poll()
            #expect(!again.findings.contains { $0.kind == .foreignFill })
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    /// Every exchange lists withdrawals on its spot host except Binance.US.
    @Test(arguments: WatchVenue.all.filter { $0.product == .spot && $0.exchange != .binanceUS })
    func aWithdrawalIsFoundOnceAndExplainsTheBalanceItMoved(_ venue: WatchVenue) async throws {
        let session = try await venue.session()
        do {
            _ = try await session.monitor.poll()
            let id = try await session.simulator.withdraw(
                session.apiKey, SimulatedWithdrawal(coin: "USDT", amount: "250", address: "0xdeadbeef"))
            let after = try await session.monitor.poll()
            #expect(after.findings.map(\.kind) == [.withdrawal], "\(after.findings.map(\.summary))")
            #expect(after.findings.first?.subject == id)
            #expect(after.findings.first?.evidence.contains(.init("address", "0xdeadbeef")) == true)
            let again = try await session.monitor.poll()
            #expect(again.findings.isEmpty, "\(again.findings.map(\.summary))")
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }

    @Test func aRevokedKeyIsSeenAsNothingRead() async throws {
        let venue = try #require(WatchVenue.all.first { $0.name == "okx swap" })
        let session = try await venue.session()
        do {
            _ = try await session.monitor.poll()
            // Only a whitelist this machine is not on: every call is refused.
            try await session.simulator.changeKey(session.apiKey, SimulatedKeyChange(ipWhitelist: ["203.0.113.7"]))
            let poll = try await session.monitor.poll()
            #expect(poll.sawNothing)
            #expect(!poll.observation.unread.isEmpty)
        } catch {
            await session.close()
            throw error
        }
        await session.close()
    }
}
