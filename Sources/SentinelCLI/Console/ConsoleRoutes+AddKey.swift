import Foundation
import Hummingbird
import Sentinel
import SentinelCore
import SentinelExchanges
import SentinelSimulator
import SentinelVault

extension ConsoleRoutes {
    func registerAddKey(on router: Router<Context>) {
        router.get("/keys/new") { request, _ in
            try await whenUnlocked {
                let query = request.uri.queryParameters
                return await addKeyPage(
                    exchange: query.get("exchange"), product: query.get("product"), environment: query.get("env"))
            }
        }
        router.post("/keys/check") { request, _ in
            let form = try await Self.form(request)
            guard let exchange = form["exchange"].flatMap(ExchangeID.init(name:)) else {
                return ConsoleResponse.json(ConsoleKeyCheck.Outcome(problems: [.init(field: "", message: "Choose an exchange.")]))
            }
            return ConsoleResponse.json(ConsoleKeyCheck.review(form, exchange: exchange).outcome)
        }
        router.post("/keys") { request, _ in
            try await whenUnlocked { await saveNewKey(try await Self.form(request)) }
        }
    }

    /// The guided page for `exchange` (default Binance), `product` (its default) and `environment` (live).
    func addKeyPage(
        exchange: String?, product: String?, environment: String?, name: String? = nil, label: String? = nil,
        endpoint: String? = nil, error: SentinelError? = nil, status: HTTPResponse.Status = .ok
    ) async -> Response {
        var pageError = error
        let chosen: Venue?
        do throws(SentinelError) {
            chosen = try GuideText.venue(exchange: exchange ?? "binance", product: product, environment: environment)
        } catch {
            pageError = pageError ?? error
            chosen = nil
        }
        // A choice that does not exist (a product or environment the exchange lacks) shows the default venue with
        // the reason.
        guard let venue = chosen ?? (try? GuideText.venue(exchange: "binance", product: nil, environment: nil)) else {
            return await keysPage(error: pageError, status: .badRequest)
        }
        let keyName = name ?? GuideText.defaultName(venue)
        let guidance = ExchangeGuidance.for(venue.exchange)
        let steps = guidance.steps(for: venue, name: keyName).map { step in
            ["title": step.title, "lines": step.lines] as [String: Any]
        }
        return await page(
            .addKey, title: "Add a key", nav: "Add",
            values: [
                "exchanges": ExchangeID.allCases.map {
                    ["value": $0.rawValue, "label": $0.displayName, "selected": $0 == venue.exchange]
                },
                "products": venue.exchange.traits.products.map {
                    ["value": $0.rawValue, "selected": $0 == venue.product] as [String: Any]
                },
                "environments": EnvironmentKind.allCases.filter { (try? Venue(venue.exchange, venue.product, .init($0))) != nil }
                    .map { ["value": $0.rawValue, "selected": $0 == venue.environment.kind] as [String: Any] },
                "guideTitle": GuideText.title(venue), "steps": steps,
                "exchange": venue.exchange.rawValue, "exchangeName": venue.exchange.displayName,
                "product": venue.product.rawValue, "env": venue.environment.kind.rawValue,
                "name": keyName, "label": label ?? ExchangeGuidance.suggestedLabel(for: keyName),
                "endpoint": endpoint ?? simulatorEndpoint(for: venue) ?? "",
                "needsPassphrase": venue.exchange.traits.passphrase == .required,
            ],
            error: pageError, status: status)
    }

    /// The built-in simulator's listener for `venue`, offered as the endpoint when the console runs one.
    func simulatorEndpoint(for venue: Venue) -> String? {
        guard let simulator, let port = SimulatorVenue.serving(venue) else { return nil }
        return simulator.url(for: port)
    }

    /// Stores a new key once it passes the hygiene checks and the exchange's audit (a key that can withdraw is
    /// refused), then tests it.
    private func saveNewKey(_ form: ConsoleForm) async -> Response {
        let name = form.text("name") ?? ""
        let label = form.text("label")
        let endpoint = form.text("endpoint")
        func again(_ error: SentinelError) async -> Response {
            await addKeyPage(
                exchange: form["exchange"], product: form["product"], environment: form["env"], name: name,
                label: label, endpoint: endpoint ?? "", error: error, status: .badRequest)
        }
        do throws(SentinelError) {
            let venue = try GuideText.venue(
                exchange: form["exchange"] ?? "", product: form["product"], environment: form["env"],
                endpoint: endpoint)
            var vault = try await state.unlocked()
            try vault.checkNameAvailable(name)
            let (credentials, outcome) = ConsoleKeyCheck.review(form, exchange: venue.exchange)
            guard let credentials else { return await again(ConsoleKeyCheck.refusal(outcome)) }
            let asked = VaultEntry(
                name: name, exchange: venue.exchange, products: [venue.product], environment: venue.environment,
                credentials: credentials, label: label)
            let entry: VaultEntry
            let notAccepted: String?
            do throws(SentinelError) {
                (entry, notAccepted) = try await KeyAdmission.ask(asked, allowWithdraw: false, insecureHTTP: false)
            } catch {
                return await again(Self.pageFix(error))
            }
            let notes = outcome.warnings.map(\.message)
                + [notAccepted.map { $0 + " the test below names what is wrong." } ?? KeyAdmission.accepted(entry)]
            try vault.add(entry)
            try vault.save()
            await state.store(vault)
            await state.notify((["Stored \(VaultEntryRendering.summary(entry))."] + notes).joined(separator: " "))
            return await startRun(for: entry)
        } catch {
            if let outdated = await outdatedVault(error) { return outdated }
            return await again(error)
        }
    }

    /// The error without the command-line options its fixes name: the page has no such option.
    static func pageFix(_ error: SentinelError) -> SentinelError {
        var diagnosis = error.diagnosis
        diagnosis.fix = diagnosis.fix.filter { !$0.contains(" --") }
        return SentinelError(error.kind, diagnosis, exchangeCode: error.exchangeCode)
    }
}
