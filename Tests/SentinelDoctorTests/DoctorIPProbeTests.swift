import SentinelCore
import SentinelDoctor
import SentinelExchanges
import Synchronization
import Testing

/// Binance spot answers -2015 for an unknown key and for a whitelist that leaves this computer out alike, without
/// the IP; USDⓈ-M names it. The doctor asks the probe venue with the same key to tell the two apart.
@Suite(.timeLimit(.minutes(5))) struct DoctorIPProbeTests {
    static let spotRefusal = SentinelError(
        .authentication,
        Diagnosis(cause: "refused", evidence: [.init("exchange said", "-2015 Invalid API-key, IP, or permissions for action.")]),
        exchangeCode: "-2015")

    /// Runs the doctor on a spot key that spot refuses; the probe venue answers `probeError` (nil: accepts the key).
    func run(probeError: SentinelError?, probes: Bool = true) async throws -> (DoctorReport, [Venue]) {
        let asked = Mutex<[Venue]>([])
        let probe = try Venue(.binance, .linear, .live)
        let environment = DoctorEnvironment(
            makeClient: { venue, _ in
                var behaviour = FakeExchangeClient.Behaviour()
                behaviour.authError = venue == probe ? probeError : Self.spotRefusal
                asked.withLock { $0.append(venue) }
                return FakeExchangeClient(venue: venue, behaviour: behaviour)
            },
            alternativeVenues: { _ in [] }, siblingVenues: { _ in [] },
            ipProbeVenues: { _ in probes ? [probe] : [] }, isSimulator: true, now: { 1_800_000_000_000 })
        let subject = DoctorSubject(
            name: "spot", venue: try Venue(.binance, .spot, .live), apiKey: "key-0123456789abcdef",
            secret: SecretText("secret-0123456789-abcdefghij"), passphrase: nil, keyType: nil)
        let report = await Doctor(subject: subject, environment: environment).run()
        return (report, asked.withLock { $0 })
    }

    @Test func aKeyUSDMKnowsButRefusesForThisIPFailsTheWhitelistWithTheIP() async throws {
        let refusedIP = SentinelError(
            .authentication,
            Diagnosis(cause: "refused", evidence: [.init("exchange said", "-2015 …, request ip: 203.0.113.7")]),
            exchangeCode: "-2015", requestIP: "203.0.113.7")
        let (report, asked) = try await run(probeError: refusedIP)
        let check = try #require(report.check(.ipWhitelist))
        #expect(check.status == .fail)
        #expect(check.summary.contains("leaves out this computer (203.0.113.7)"))
        #expect(check.evidence["request ip"] == "203.0.113.7")
        #expect(check.fix.contains { $0.contains("203.0.113.7") })
        #expect(report.check(.auth)?.status == .fail)
        #expect(asked.contains { $0.product == .linear })
    }

    @Test func aKeyUSDMDoesNotKnowEitherIsNotAnIPProblem() async throws {
        let unknown = SentinelError(.authentication, Diagnosis(cause: "-2008 Invalid Api-Key ID."), exchangeCode: "-2008")
        let (report, _) = try await run(probeError: unknown)
        let check = try #require(report.check(.ipWhitelist))
        #expect(check.status == .skip)
        #expect(check.summary.contains("does not know the key either"))
    }

    @Test func aKeyUSDMAcceptsProvesTheIPIsAllowed() async throws {
        let (report, _) = try await run(probeError: nil)
        #expect(report.check(.ipWhitelist)?.status == .pass)
        #expect(report.check(.ipWhitelist)?.summary.contains("IP address is allowed") == true)
    }

    @Test func withoutAProbeVenueTheWhitelistIsOnlySuspected() async throws {
        let (report, asked) = try await run(probeError: nil, probes: false)
        #expect(report.check(.ipWhitelist)?.status == .warn)
        #expect(!asked.contains { $0.product == .linear })
    }

    @Test func binanceSpotIsProbedOnUSDMOnlyWhereTheyShareKeys() throws {
        let probes = DoctorEnvironment.registeredIPProbes
        #expect(probes(try Venue(.binance, .spot, .live)) == [try Venue(.binance, .linear, .live)])
        #expect(probes(try Venue(.binance, .spot, .demo)) == [try Venue(.binance, .linear, .demo)])
        // Spot and futures testnets issue separate keys; Binance.US has no futures; USDⓈ-M names the IP itself.
        #expect(probes(try Venue(.binance, .spot, .testnet)).isEmpty)
        #expect(probes(try Venue(.binanceUS, .spot, .live)).isEmpty)
        #expect(probes(try Venue(.binance, .linear, .live)).isEmpty)
        #expect(probes(try Venue(.binance, .spot, Environment(.live, customEndpoint: "http://127.0.0.1:9000"))).isEmpty)
    }
}
