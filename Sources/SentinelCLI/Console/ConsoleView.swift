import Foundation
import Mustache
import SentinelCore
import SentinelDoctor

/// Renders the pages from the Mustache templates, with what every page shows: the CSRF token, the navigation,
/// a notice or an error with its fix.
struct ConsoleView: Sendable {
    private let library: MustacheLibrary
    private let bound: ConsoleServer.BoundPort
    let hasSimulator: Bool

    var origin: String { "http://127.0.0.1:\(bound.port)" }

    enum Page: String, CaseIterable {
        case unlock, keys, addKey, rotate, runs, run, simulator, message
    }

    init(bound: ConsoleServer.BoundPort, hasSimulator: Bool) throws {
        ConsoleHTMLEscaping.register()
        let escaping = ConsoleHTMLEscaping.pragma
        var library = MustacheLibrary()
        try library.register(escaping + ConsoleLayoutTemplates.top, named: "top")
        try library.register(escaping + ConsoleLayoutTemplates.bottom, named: "bottom")
        try library.register(escaping + ConsoleLayoutTemplates.error, named: "error")
        try library.register(escaping + ConsoleLayoutTemplates.check, named: "check")
        let pages: [Page: String] = [
            .unlock: ConsolePageTemplates.unlock, .keys: ConsolePageTemplates.keys,
            .addKey: ConsoleKeyFormTemplates.addKey, .rotate: ConsoleKeyFormTemplates.rotate,
            .runs: ConsolePageTemplates.runs, .run: ConsolePageTemplates.run,
            .simulator: ConsoleKeyFormTemplates.simulator, .message: ConsolePageTemplates.message,
        ]
        for (page, template) in pages { try library.register(escaping + template, named: page.rawValue) }
        self.library = library
        self.bound = bound
        self.hasSimulator = hasSimulator
    }

    /// The page with `values`, the shared values added; `nav` marks the navigation entry of the page.
    func render(
        _ page: Page, title: String, nav: String? = nil, csrf: String, unlocked: Bool, values: [String: Any] = [:],
        notice: String? = nil, error: SentinelError? = nil
    ) -> String {
        var context = values
        context["title"] = title
        context["csrf"] = csrf
        context["origin"] = origin
        context["simulator"] = hasSimulator
        context["unlocked"] = unlocked
        if let nav { context["nav" + nav] = true }
        if let notice { context["notice"] = notice }
        if let error { context["error"] = Self.error(error) }
        return library.render(context, withTemplate: page.rawValue) ?? "Sentinel console: the page \(page) is missing."
    }

    /// One doctor check as the run page shows it (also sent alone, as a live update).
    func renderCheck(_ check: DoctorCheck) -> String {
        library.render(Self.check(check), withTemplate: "check") ?? ""
    }

    static func error(_ error: SentinelError) -> [String: Any] {
        let evidence = error.diagnosis.evidence.map { ["label": $0.label, "value": $0.value] }
        return [
            "cause": error.diagnosis.cause, "evidence": evidence, "hasEvidence": !evidence.isEmpty,
            "fix": error.diagnosis.fix, "hasFix": !error.diagnosis.fix.isEmpty,
        ]
    }

    static func check(_ check: DoctorCheck) -> [String: Any] {
        let evidence = check.evidence.sorted { $0.key < $1.key }.map { ["label": $0.key, "value": $0.value] }
        return [
            "id": check.id.rawValue, "status": check.status.rawValue, "summary": check.summary,
            "evidence": evidence, "hasEvidence": !evidence.isEmpty, "fix": check.fix, "hasFix": !check.fix.isEmpty,
        ]
    }
}
