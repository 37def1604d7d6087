import SentinelCore
import SentinelDoctor
import SentinelExchanges
import Synchronization
import Testing

@Suite(.timeLimit(.minutes(5))) struct DoctorTests {
    let secret = "secret-0123456789-abcdefghij"

    func run(
        _ behaviour: FakeExchangeClient.Behaviour = .init(), product: Product = .spot, apiKey: String = "key-0123456789abcdef",
        secret: String? = nil, keyWorksOn: EnvironmentKind? = nil, exchange: ExchangeID = .binance,
        keyWorksOnExchange: ExchangeID? = nil, options: Doctor.Options = .init(), isSimulator: Bool = true,
        injectConnectionReset: (@Sendable () async throws -> Void)? = nil, siblingConsent: Bool = false
    ) async throws -> (DoctorReport, [FakeExchangeClient]) {
        let clients = Mutex<[FakeExchangeClient]>([])
        let venue = try Venue(exchange, product, .live)
        let subject = DoctorSubject(
            name: "test", venue: venue, apiKey: apiKey, secret: SecretText(secret ?? self.secret), passphrase: nil,
            keyType: nil)
        let environment = DoctorEnvironment(
            makeClient: { venue, _ in
                var b = behaviour
                let refused = SentinelError(
                    .authentication, Diagnosis(cause: "refused", evidence: [.init("exchange said", "-2015 Invalid API-key, IP, or permissions for action.")]),
                    exchangeCode: "-2015")
                if let home = keyWorksOn {
                    b.authError = venue.environment.kind == home ? nil : refused
                }
                if let home = keyWorksOnExchange {
                    b.authError = venue.exchange == home && venue.environment.kind == .live ? nil : refused
                }
                let client = FakeExchangeClient(venue: venue, behaviour: b)
                clients.withLock { $0.append(client) }
                return client
            },
            maySendKeyToSiblings: siblingConsent, isSimulator: isSimulator, injectConnectionReset: injectConnectionReset,
            now: { 1_800_000_000_000 })
        let report = await Doctor(subject: subject, environment: environment, options: options).run()
        return (report, clients.withLock { $0 })
    }

    func status(_ report: DoctorReport, _ id: DoctorCheckID) -> CheckStatus? { report.check(id)?.status }

    @Test func aGoodKeyPassesEveryCheckAndLeavesNothingOpen() async throws {
        let (report, clients) = try await run(product: .linear)
        #expect(report.ok)
        #expect(report.checks.map(\.id) == DoctorCheckID.allCases)
        for check in report.checks { #expect(check.status == .pass, "\(check.id): \(check.summary)") }
        #expect(try await clients[0].openOrders(symbol: nil).isEmpty)
        #expect(report.check(.orderTest)?.evidence["price"] == "12000.00")  // 0.2 + (1 − 0.2)/4 = 0.4 of the market
        // The reconnect test closed the client's connections (no injected reset here) and then read again.
        #expect(clients[0].dropCount == 1)
        #expect(report.check(.reconnectTest)?.summary.contains("the client's connections were closed") == true)
    }

    @Test func aClientThatCannotReconnectFailsTheReconnectTest() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.failsAfterDrop = SentinelError(.network, Diagnosis(cause: "Could not reach Binance (connection refused)."))
        let (report, clients) = try await run(behaviour)
        #expect(clients[0].dropCount == 1)
        #expect(status(report, .readTest) == .pass, "before the drop everything worked")
        #expect(status(report, .reconnectTest) == .fail)
        #expect(report.check(.reconnectTest)?.summary == "After the drop (the client's connections were closed) the client did not recover.")
        #expect(!report.ok)
    }

    @Test func aConnectionThatCannotBeDroppedIsAWarningNotAFailure() async throws {
        struct CannotReset: Error {}
        let (report, clients) = try await run(injectConnectionReset: { throw CannotReset() })
        #expect(status(report, .reconnectTest) == .warn)
        #expect(report.check(.reconnectTest)?.summary == "The connection could not be dropped for the test.")
        #expect(clients[0].dropCount == 0, "an injected reset is used instead of closing the client's connections")
        #expect(report.ok)
    }

    @Test func aServerSideResetThatTheClientSurvivesPasses() async throws {
        let resets = Mutex(0)
        let (report, clients) = try await run(injectConnectionReset: { resets.withLock { $0 += 1 } })
        #expect(resets.withLock { $0 } == 1)
        #expect(clients[0].dropCount == 0)
        #expect(status(report, .reconnectTest) == .pass)
        #expect(report.check(.reconnectTest)?.summary.contains("the server reset the connection") == true)
    }

    @Test func aBinanceUSKeyUsedOnBinanceIsNamed() async throws {
        let (report, _) = try await run(keyWorksOnExchange: .binanceUS, siblingConsent: true)
        #expect(status(report, .environment) == .fail)
        #expect(report.check(.environment)?.summary == "This is a Binance.US live key, but it was used on Binance live.")
        #expect(report.check(.environment)?.fix.first?.hasPrefix("Use the exchange binance-us") == true)
        #expect(report.check(.environment)?.evidence["key works on"]?.contains("binance-us") == true)
        #expect(status(report, .orderTest) == .skip)
    }

    @Test func aBinanceKeyUsedOnBinanceUSIsNamed() async throws {
        let (report, _) = try await run(exchange: .binanceUS, keyWorksOnExchange: .binance, siblingConsent: true)
        #expect(status(report, .environment) == .fail)
        #expect(report.check(.environment)?.summary == "This is a Binance live key, but it was used on Binance.US live.")
        #expect(report.check(.environment)?.fix.first?.hasPrefix("Use the exchange binance:") == true)
    }

    /// Without consent the key never goes to the other company: the sibling is named as a possibility only.
    @Test func withoutConsentTheKeyIsNotSentToTheSiblingExchange() async throws {
        let (report, clients) = try await run(keyWorksOnExchange: .binanceUS)
        #expect(!clients.contains { $0.venue.exchange == .binanceUS })
        #expect(status(report, .environment) == .warn)
        #expect(report.check(.environment)?.fix.contains { $0.contains("use the exchange binance-us") && $0.contains("--probe-sibling") } == true)
    }

    /// KuCoin: a spot key used on the futures host. The spot host is the same company's: it is tried without
    /// consent, and the mix-up is named with the permission to add or the product to use.
    @Test func aKuCoinSpotKeyOnTheFuturesHostIsNamed() async throws {
        let clients = Mutex<[FakeExchangeClient]>([])
        let subject = DoctorSubject(
            name: "kc", venue: try Venue(.kucoin, .linear, .live), apiKey: "6705f5c311545b000157d3eb",
            secret: SecretText("f03a5284-5c39-4aaa-9b20-dea10bdcf8e3"), passphrase: SecretText("passphrase-1"),
            keyType: nil)
        let environment = DoctorEnvironment(
            makeClient: { venue, _ in
                var behaviour = FakeExchangeClient.Behaviour()
                if venue.product != .spot {
                    behaviour.authError = SentinelError(
                        .authentication, Diagnosis(cause: "refused"), exchangeCode: "400003")
                }
                let client = FakeExchangeClient(venue: venue, behaviour: behaviour)
                clients.withLock { $0.append(client) }
                return client
            },
            maySendKeyToSiblings: false, isSimulator: true, now: { 1_800_000_000_000 })
        let report = await Doctor(subject: subject, environment: environment).run()
        #expect(clients.withLock { $0 }.contains { $0.venue.exchange == .kucoin && $0.venue.product == .spot })
        #expect(status(report, .environment) == .fail)
        #expect(report.check(.environment)?.summary == "This key works on KuCoin spot, but KuCoin linear (another host) refuses it.")
        #expect(report.check(.environment)?.fix.contains { $0.contains("Futures") } == true)
        #expect(report.check(.environment)?.fix.last == "Or use the key with --product spot (store it again with that product).")
        #expect(status(report, .orderTest) == .skip)
    }

    @Test func skipOrderTestPlacesNothing() async throws {
        let (report, clients) = try await run(options: .init(skipOrderTest: true))
        #expect(status(report, .orderTest) == .skip)
        #expect(report.check(.orderTest)?.summary == "Skipped (--skip-order-test).")
        #expect(clients[0].placementCount == 0)
        #expect(report.ok)
        let (ran, ranClients) = try await run()
        #expect(status(ran, .orderTest) == .pass)
        #expect(ranClients[0].placementCount == 1)
    }

    @Test func pastedWhitespaceStopsAtCredentialsAndNamesTheField() async throws {
        let (report, clients) = try await run(secret: secret + "\n")
        #expect(!report.ok)
        #expect(status(report, .credentials) == .fail)
        #expect(report.check(.credentials)?.summary.contains("The secret has whitespace at the end") == true)
        #expect(report.checks.dropFirst().allSatisfy { $0.status == .skip })
        #expect(clients.isEmpty, "nothing may be sent with malformed credentials")
        #expect(!String(describing: report).contains(secret))
    }

    @Test func withdrawEnabledFailsAndTransferWarns() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.permissions = KeyPermissions(
            read: true, spotTrade: true, futuresTrade: false, withdraw: true, transfer: true, ipRestricted: false)
        let (report, _) = try await run(behaviour)
        #expect(status(report, .permissionsWithdraw) == .fail)
        #expect(report.check(.permissionsWithdraw)?.fix.first?.contains("untick withdrawals") == true)
        #expect(status(report, .permissionsTransfer) == .warn)
        #expect(status(report, .ipWhitelist) == .warn)
        #expect(!report.ok)
    }

    @Test func aKeyFromAnotherEnvironmentIsNamed() async throws {
        let (report, _) = try await run(keyWorksOn: .demo)
        #expect(status(report, .environment) == .fail)
        #expect(report.check(.environment)?.summary == "This is a Binance demo key, but it was used on Binance live.")
        #expect(report.check(.environment)?.fix.first?.contains("--env demo") == true)
        #expect(status(report, .clock) == .skip)
    }

    @Test func skewedClocksFailWithHowToSync() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.clockOffsetMs = -2_400
        let (report, _) = try await run(behaviour)
        #expect(status(report, .clock) == .fail)
        #expect(report.check(.clock)?.summary == "This computer's clock is 2400 ms ahead of the exchange's.")
        #expect(report.check(.clock)?.fix.contains { $0.contains("timedatectl") } == true)
        #expect(status(report, .orderTest) == .pass)
    }

    @Test func aRefusedKeyWithTheRequestIPPointsAtTheWhitelist() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.authError = SentinelError(
            .authentication,
            Diagnosis(cause: "refused", evidence: [.init("exchange said", "-2015 Invalid API-key, IP, or permissions for action, request ip: 127.0.0.1")]),
            exchangeCode: "-2015", requestIP: "127.0.0.1")
        let (report, _) = try await run(behaviour)
        #expect(status(report, .auth) == .fail)
        #expect(status(report, .ipWhitelist) == .fail)
        #expect(report.check(.ipWhitelist)?.evidence["request ip"] == "127.0.0.1")
        #expect(status(report, .orderTest) == .skip)
    }

    @Test func expiredTradingPermissionFails() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.permissions?.expiresAt = 1_700_000_000_000
        let (report, _) = try await run(behaviour)
        #expect(status(report, .expiry) == .fail)
        behaviour.permissions?.expiresAt = 1_800_000_000_000 + 3 * 86_400_000
        let (soon, _) = try await run(behaviour)
        #expect(status(soon, .expiry) == .warn)
        behaviour.permissions?.expiresAt = nil
        behaviour.permissions?.createdAt = 1_800_000_000_000 - 120 * 86_400_000
        let (old, _) = try await run(behaviour)
        #expect(old.check(.expiry)?.summary == "The key is 120 days old: time to rotate it.")
    }

    @Test func aCancelThatKeepsFailingIsReportedLoudly() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.cancelFails = true
        let (report, clients) = try await run(behaviour)
        #expect(status(report, .orderTest) == .fail)
        #expect(report.check(.orderTest)?.summary.hasPrefix("THE TEST ORDER IS STILL OPEN") == true)
        #expect(report.check(.orderTest)?.fix.first?.contains("sentinel order cancel --symbol BTC/USDT --client-id sn-") == true)
        #expect(clients[0].openOrderCount == 1)
        let open = try await clients[0].openOrders(symbol: UnifiedSymbol("BTC/USDT")!)
        #expect(open.map(\.clientOrderID) == [report.check(.orderTest)?.evidence["client order id"]])
    }

    @Test func positionTestIsOptInOnARealExchange() async throws {
        let (real, _) = try await run(product: .linear, isSimulator: false)
        #expect(status(real, .positionTest) == .skip)
        #expect(real.check(.positionTest)?.summary.contains("--position-test") == true)
        let (optIn, _) = try await run(product: .linear, options: .init(positionTest: true), isSimulator: false)
        #expect(status(optIn, .positionTest) == .pass)
        let (spot, _) = try await run(product: .spot)
        #expect(status(spot, .positionTest) == .skip)
    }

    @Test func anUnreachableHostStopsWithTheHost() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.unreachable = true
        let (report, _) = try await run(behaviour)
        #expect(status(report, .environment) == .fail)
        #expect(report.check(.environment)?.evidence["venue"] != nil)
        #expect(report.checks.filter { $0.status == .skip }.count == DoctorCheckID.allCases.count - 2)
    }

    /// Binance.US reports no key permissions: one warning says everything that could not be verified, the checks
    /// it covers are skipped pointing at it, and nothing is guessed.
    @Test func unreportedPermissionsAreOneWarningNotGuesses() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.permissions = nil
        let (report, _) = try await run(behaviour, exchange: .binanceUS)
        #expect(status(report, .permissionsRead) == .pass)
        #expect(report.checks.filter { $0.status == .warn }.map(\.id) == [.permissionsWithdraw])
        let warning = try #require(report.check(.permissionsWithdraw))
        #expect(warning.summary.hasPrefix("Binance.US does not report a key's permissions"))
        #expect(warning.evidence["not verified"] == "withdraw, transfer, ip restriction")
        #expect(warning.fix.contains { $0.contains("binance.us") })
        for id in [DoctorCheckID.permissionsTrade, .permissionsTransfer, .ipWhitelist] {
            #expect(status(report, id) == .skip, "\(id)")
        }
        #expect(report.ok)
    }

    @Test func aWellFormedKeyWithoutAConnectorIsNotBlamedOnTheCredentials() async throws {
        let subject = DoctorSubject(
            name: "bybit", venue: try Venue(.bybit, .linear, .live), apiKey: "BYBITKEY0123456789AB",
            secret: SecretText("BYBITSECRET0123456789abcdefABCDEF"), passphrase: nil, keyType: nil)
        let environment = DoctorEnvironment(makeClient: { _, _ throws(SentinelError) in
            throw SentinelError(.unsupported, Diagnosis(cause: "Sentinel's Bybit connector is not available yet."))
        })
        let report = await Doctor(subject: subject, environment: environment).run()
        #expect(report.check(.credentials)?.status == .pass)
        #expect(report.check(.environment)?.status == .fail)
        #expect(report.check(.environment)?.summary == "Sentinel's Bybit connector is not available yet.")
        #expect(report.checks.dropFirst(2).allSatisfy { $0.status == .skip })
    }
}
