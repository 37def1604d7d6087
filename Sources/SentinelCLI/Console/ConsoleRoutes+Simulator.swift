import Hummingbird
import SentinelCore
import SentinelDoctor
import SentinelExchanges
import SentinelSimulator
import SentinelVault

/// The simulator page (`--simulator`): the demo's good and bad keys one at a time, the clock and the faults.
extension ConsoleRoutes {
    func registerSimulator(on router: Router<Context>) {
        router.get("/simulator") { _, _ in
            try await whenUnlocked { await simulatorPage() }
        }
        router.post("/simulator/keys") { request, _ in
            try await whenUnlocked { await makeDemoKey(try await Self.form(request)) }
        }
        router.post("/simulator/clock") { request, _ in
            try await whenUnlocked {
                let form = try await Self.form(request)
                guard let simulator, let skew = form.text("skewMs").flatMap(Int64.init),
                    abs(skew) <= 86_400_000
                else {
                    return await simulatorPage(
                        error: .invalidInput(
                            "The clock skew must be a whole number of milliseconds within a day either way.",
                            fix: ["Type e.g. 2500 (ahead) or -2500 (behind)."]),
                        status: .badRequest)
                }
                await simulator.setClockSkew(milliseconds: skew)
                await state.setSimulatorSkew(skew)
                await state.notify("The simulated exchanges' clock now runs \(skew) ms ahead of this machine's.")
                return ConsoleResponse.redirect(to: "/simulator")
            }
        }
        router.post("/simulator/faults") { request, _ in
            try await whenUnlocked {
                let form = try await Self.form(request)
                let count = form.text("count").flatMap(Int.init) ?? 1
                let kind = form.text("kind") ?? ""
                let fault = SimulatedFault(
                    exchange: form.text("exchange") ?? "", kind: kind, count: count,
                    latencyMs: kind == "latency" ? form.text("latencyMs").flatMap(Int.init) ?? 2000 : nil)
                guard let simulator, (1...1000).contains(count), (try? RunningSimulator.validateFault(fault)) != nil else {
                    return await simulatorPage(
                        error: .invalidInput("That fault is not one the simulator knows.", fix: ["Choose from the lists."]),
                        status: .badRequest)
                }
                await simulator.addFault(fault)
                await state.notify("Injected \(fault.kind) on \(fault.exchange) for the next \(count) request(s).")
                return ConsoleResponse.redirect(to: "/simulator")
            }
        }
        router.post("/simulator/faults/clear") { _, _ in
            try await whenUnlocked {
                await simulator?.clearFaults()
                await simulator?.setClockSkew(milliseconds: 0)
                await state.setSimulatorSkew(0)
                await state.notify("No fault is injected and the clock runs with this machine's.")
                return ConsoleResponse.redirect(to: "/simulator")
            }
        }
    }

    private func simulatorPage(error: SentinelError? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        let cases = DemoCase.all
        var order: [ExchangeID] = []
        for demoCase in cases where !order.contains(demoCase.exchange) { order.append(demoCase.exchange) }
        let groups = order.map { exchange in
            [
                "exchange": exchange.displayName,
                "cases": cases.filter { $0.exchange == exchange }.map { demoCase in
                    var shown = ["name": demoCase.name, "problem": demoCase.problem]
                    if let expected = demoCase.expected { shown["expected"] = expected.rawValue }
                    return shown
                },
            ] as [String: Any]
        }
        return await page(
            .simulator, title: "Simulator", nav: "Simulator",
            values: [
                "groups": groups, "adminURL": simulator?.adminURL ?? "", "skewMs": await state.simulatorSkew,
                "listeners": SimulatorVenue.allCases.map(\.rawValue), "faultKinds": SimulatedFault.kinds,
            ],
            error: error, status: status)
    }

    /// Makes the demo case's key on the simulator, stores it (except the pasted-whitespace one, which the vault
    /// would refuse: it is tested as pasted) and runs the doctor on it with the case's clock and faults.
    private func makeDemoKey(_ form: ConsoleForm) async -> Response {
        guard let simulator, let demoCase = DemoCase.all.first(where: { $0.name == form.text("case") }) else {
            return await simulatorPage(error: .invalidInput("There is no such demo key.", fix: ["Press one of the buttons below."]), status: .badRequest)
        }
        do throws(SentinelError) {
            let key: SimulatedKey
            do { key = try await simulator.createKey(demoCase.keyRequest(nowMs: SystemClock.nowMs())) } catch {
                throw SentinelError(.badResponse, Diagnosis(cause: "The simulator refused to make the key: \(error)."))
            }
            let subject: DoctorSubject
            if demoCase.pastedWhitespace {
                let venue = try Venue(
                    demoCase.exchange, demoCase.product,
                    Environment(.live, customEndpoint: simulator.url(for: demoCase.port)))
                subject = DoctorSubject(
                    name: demoCase.name, venue: venue, apiKey: key.apiKey, secret: SecretText(key.secret + "\n"),
                    passphrase: demoCase.storedPassphrase(key).map { SecretText($0) }, keyType: nil)
            } else {
                var vault = try await state.unlocked()
                let name = Self.freeName(demoCase.name, in: vault)
                let entry = demoCase.entry(named: name, key: key, simulator: simulator)
                try vault.add(entry)
                try vault.save()
                await state.store(vault)
                subject = DoctorRunner.subject(entry, venue: try entry.venue)
            }
            let skew = demoCase.clockSkewMs
            let standing = await state.simulatorSkew
            return await startRun(
                subject, environment: DemoCase.environment(on: simulator, port: demoCase.port),
                demoCase: demoCase,
                before: { if let skew { await simulator.setClockSkew(milliseconds: skew) } },
                after: { if skew != nil { await simulator.setClockSkew(milliseconds: standing) } })
        } catch {
            if let outdated = await outdatedVault(error) { return outdated }
            return await simulatorPage(error: error, status: .badRequest)
        }
    }

    /// `name`, or `name-2`, `name-3`… when the vault has it already (the same demo key made twice).
    static func freeName(_ name: String, in vault: UnlockedVault) -> String {
        guard vault.entry(named: name) != nil else { return name }
        var number = 2
        while vault.entry(named: "\(name)-\(number)") != nil { number += 1 }
        return "\(name)-\(number)"
    }
}
