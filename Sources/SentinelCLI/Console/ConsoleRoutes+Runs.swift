import Foundation
import Hummingbird
import SentinelCore
import SentinelDoctor
import SentinelSimulator
import SentinelVault

extension ConsoleRoutes {
    func registerRuns(on router: Router<Context>) {
        router.get("/runs") { _, _ in
            try await whenUnlocked {
                let runs = await state.allRuns().reversed().map { run in
                    [
                        "id": run.id, "keyName": run.keyName, "venue": run.venue,
                        "started": VaultEntryRendering.iso(run.startedAt), "status": Self.status(run),
                    ]
                }
                return await page(.runs, title: "Tests", nav: "Runs", values: ["runs": runs, "hasRuns": !runs.isEmpty])
            }
        }
        router.get("/runs/:id") { _, context in
            try await whenUnlocked {
                guard let run = await state.run(context.parameters.get("id") ?? "") else { return missingRun() }
                return await runPage(run)
            }
        }
        router.get("/runs/:id/events") { _, context in
            try await whenUnlocked {
                guard let run = await state.run(context.parameters.get("id") ?? "") else { return missingRun() }
                return events(of: run)
            }
        }
        router.get("/runs/:id/report.json") { _, context in
            try await whenUnlocked {
                guard let run = await state.run(context.parameters.get("id") ?? ""),
                    let report = run.snapshot.report
                else { return missingRun() }
                var response = ConsoleResponse.asset(JSONOutput.render(report) + "\n", type: "application/json")
                response.headers[.contentDisposition] = "attachment; filename=\"sentinel-doctor-\(run.keyName).json\""
                return response
            }
        }
    }

    /// Starts the doctor on a stored key and sends the browser to the page that shows its checks as they finish.
    func startRun(for entry: VaultEntry) async -> Response {
        do throws(SentinelError) {
            let venue = try entry.venue
            let subject = DoctorRunner.subject(entry, venue: venue)
            return await startRun(subject, environment: environment(for: subject))
        } catch {
            return await keysPage(error: error, status: .badRequest)
        }
    }

    func startRun(
        _ subject: DoctorSubject, environment: DoctorEnvironment, demoCase: DemoCase? = nil,
        before: @escaping @Sendable () async -> Void = {}, after: @escaping @Sendable () async -> Void = {}
    ) async -> Response {
        let candidate = ConsoleRun(keyName: subject.name, venue: "\(subject.venue)", demoCase: demoCase)
        guard let run = await state.admit(candidate) else {
            return await keysPage(
                error: .invalidInput(
                    "\(ConsoleState.maximumRunsUnderWay) tests are under way already; \(subject.name) was not tested.",
                    fix: ["Wait for one of them to finish (the Tests page shows them), then press Test again."]),
                status: .tooManyRequests)
        }
        await before()
        run.start(Doctor(subject: subject, environment: environment), finished: after)
        return ConsoleResponse.redirect(to: "/runs/\(run.id)")
    }

    /// The doctor's environment for a key: the built-in simulator's own (siblings and probes on its listeners) for
    /// a key on it, the exchange's hosts otherwise.
    private func environment(for subject: DoctorSubject) -> DoctorEnvironment {
        if let simulator, let endpoint = subject.venue.environment.customEndpoint,
            let port = SimulatorVenue.allCases.first(where: { simulator.url(for: $0) == endpoint })
        {
            return DemoCase.environment(on: simulator, port: port)
        }
        return DoctorRunner.environment(for: subject, options: DoctorRunner.Options())
    }

    private func runPage(_ run: ConsoleRun) async -> Response {
        let snapshot = run.snapshot
        var values: [String: Any] = [
            "id": run.id, "keyName": run.keyName, "venue": run.venue,
            "checks": snapshot.checks.map(ConsoleView.check), "done": snapshot.report != nil,
        ]
        if let running = snapshot.running { values["running"] = running.rawValue }
        if snapshot.report == nil { values["refresh"] = 2 }
        if let report = snapshot.report { values["summary"] = DoctorPrinter.summary(report) }
        if let demoCase = run.demoCase {
            var shown = ["problem": demoCase.problem]
            if let check = demoCase.expected { shown["check"] = check.rawValue }
            values["expectation"] = shown
        }
        if let judged = Self.judgement(run) { values["judged"] = judged.text; values["judgedClass"] = judged.style }
        return await page(.run, title: "Testing \(run.keyName)", nav: "Runs", values: values)
    }

    /// For a demo key: whether the doctor caught it as it should.
    static func judgement(_ run: ConsoleRun) -> (text: String, style: String)? {
        guard let asExpected = run.asExpected, let demoCase = run.demoCase else { return nil }
        let text = demoCase.expected.map { "caught by \($0.rawValue): as expected" } ?? "every check passed: as expected"
        return asExpected ? (text, "ok") : ("NOT as expected", "unexpected")
    }

    /// The run as server-sent events: `check` (one rendered check), `running` (the check under way) and `done`.
    private func events(of run: ConsoleRun) -> Response {
        let view = view
        let body = ResponseBody { writer in
            for await event in run.events() {
                let text: String
                switch event {
                case .starting(let id): text = Self.event("running", id.rawValue)
                case .finished(let check): text = Self.event("check", view.renderCheck(check))
                case .done(let report):
                    let judged = Self.judgement(run)
                    let done = DoneEvent(
                        summary: DoctorPrinter.summary(report), ok: report.ok, judged: judged?.text,
                        judgedClass: judged?.style)
                    let data = (try? JSONEncoder().encode(done)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
                    text = Self.event("done", data)
                }
                try await writer.write(ByteBuffer(string: text))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream", .cacheControl: "no-store"], body: body)
    }

    private struct DoneEvent: Encodable {
        let summary: String
        let ok: Bool
        let judged: String?
        let judgedClass: String?
    }

    /// One event; every line of the data gets its own `data:` field, as the format requires. Lines end at CR, LF
    /// or CRLF there: a CR left in a check's text (from an exchange's message) must not end the field early and
    /// pass the rest off as fields or events of its own.
    static func event(_ name: String, _ data: String) -> String {
        let lines = data.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return "event: \(name)\n" + lines.map { "data: \($0)\n" }.joined() + "\n"
    }

    private func missingRun() -> Response {
        ConsoleResponse.text(.notFound, "No such test: the console keeps the last 50 since it started.")
    }
}
