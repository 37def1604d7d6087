import SentinelCore
import SentinelExchanges
import Testing

/// The guidance data: every venue that exists has its steps, and the rules that must hold for every exchange do.
@Suite(.timeLimit(.minutes(5))) struct ExchangeGuidanceTests {
    static var venues: [Venue] {
        ExchangeID.allCases.flatMap { exchange in
            exchange.traits.products.flatMap { product in
                EnvironmentKind.allCases.compactMap { kind in try? Venue(exchange, product, Environment(kind)) }
            }
        }
    }

    @Test func everyVenueThatExistsHasStepsWithContent() {
        #expect(Self.venues.count > 20)
        for venue in Self.venues {
            let guidance = ExchangeGuidance.for(venue.exchange)
            #expect(guidance.exchange == venue.exchange)
            let steps = guidance.steps(for: venue, name: "bot-1")
            #expect(steps.count >= 7, "\(venue)")
            for step in steps {
                #expect(!step.title.isEmpty && !step.lines.isEmpty, "\(venue): \(step.kind)")
                #expect(step.lines.allSatisfy { !$0.isEmpty }, "\(venue): \(step.kind)")
            }
            let kinds = Set(steps.map(\.kind))
            for kind in [GuidanceStep.Kind.apiPage, .keyType, .label, .permissions, .ipWhitelist, .expiry, .save] {
                #expect(kinds.contains(kind), "\(venue) lacks \(kind)")
            }
            #expect(!(guidance.permissionsToTick[venue.product] ?? []).isEmpty, "\(venue)")
            #expect(guidance.fixes.tradePermission[venue.product] != nil, "\(venue)")
            #expect(steps.contains { $0.lines.contains { $0.contains("Sentinel - bot-1") } })
        }
    }

    @Test(arguments: ExchangeID.allCases) func withdrawalIsNeverTicked(_ exchange: ExchangeID) throws {
        let guidance = ExchangeGuidance.for(exchange)
        #expect(guidance.neverTick.contains { $0.lowercased().contains("withdraw") })
        #expect(!guidance.permissionsToTick.values.joined().contains { $0.lowercased().contains("withdraw") })
        #expect(guidance.neverTick.contains { $0.contains(guidance.fixes.withdrawBox) }, "the fix names the box")
        if let boxes = guidance.fixes.transferBoxes {
            let quoted = boxes.split(separator: "\"", omittingEmptySubsequences: false)
            let names = quoted.enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            #expect(!names.isEmpty)
            for name in names { #expect(guidance.neverTick.contains { $0.contains(name) }, "\(exchange): \(name)") }
        }
        let venue = try Venue(exchange, exchange.traits.products[0], .live)
        let lines = guidance.permissionLines(venue.product)
        #expect(lines.contains { $0.hasPrefix("Never tick:") && $0.lowercased().contains("withdraw") })
    }

    @Test(arguments: ExchangeID.allCases) func passphraseRulesExactlyWhereKeysHaveOne(_ exchange: ExchangeID) throws {
        let guidance = ExchangeGuidance.for(exchange)
        #expect(guidance.passphrase.isEmpty == (exchange.traits.passphrase == .none))
        let venue = try Venue(exchange, exchange.traits.products[0], .live)
        #expect(guidance.steps(for: venue, name: "x").contains { $0.kind == .passphrase } == !guidance.passphrase.isEmpty)
    }

    @Test func kucoinPassphraseIsNotTheLoginOrTradingPassword() {
        let rules = ExchangeGuidance.kucoin.passphrase.joined(separator: " ")
        #expect(rules.contains("7–32") && rules.contains("login password") && rules.contains("trading password"))
    }

    @Test func binanceExplainsSelfGeneratedKeysAndTheThirtyDayRule() {
        let binance = ExchangeGuidance.binance
        #expect(binance.keyTypeAdvice.joined().contains("Ed25519"))
        #expect(binance.ipWhitelist.joined().contains("30 days"))
        #expect(binance.expiry.joined().contains("do not expire"))
        #expect(binance.page(for: .demo) != binance.apiPage)
    }

    @Test(arguments: ExchangeID.allCases) func theFixesNameTheSamePageAsTheSteps(_ exchange: ExchangeID) throws {
        let guidance = ExchangeGuidance.for(exchange)
        let venue = try Venue(exchange, exchange.traits.products[0], .live)
        let apiStep = try #require(guidance.steps(for: venue, name: "x").first { $0.kind == .apiPage })
        #expect(apiStep.lines[0].contains(guidance.apiPage))
        for fix in [guidance.removeWithdrawFix, guidance.addIPFix(ip: nil), guidance.expiredFix,
                    guidance.tradePermissionFix(venue.product)] {
            #expect(fix[0].hasPrefix("On \(guidance.apiPage), "))
        }
    }

    @Test func aGeneratedEd25519PairSignsAndShowsOnlyThePublicKey() throws {
        let pair = GeneratedKeyPair.ed25519()
        #expect(pair.publicKeyPEM.hasPrefix("-----BEGIN PUBLIC KEY-----"))
        #expect(pair.privateKey.revealed().hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let key = try SigningKey(secret: pair.privateKey, declared: .ed25519)
        #expect(key.keyType == .ed25519)
        #expect(try key.signature(for: "message").count == 64)
        #expect(GeneratedKeyPair.ed25519().publicKeyPEM != pair.publicKeyPEM)
    }
}
