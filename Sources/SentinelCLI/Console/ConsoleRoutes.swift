import Hummingbird
import SentinelCore
import SentinelSimulator

/// The console's pages and actions. Reads and changes go through `state`; the vault must be unlocked for every
/// page but the unlock page itself.
struct ConsoleRoutes: Sendable {
    let state: ConsoleState
    let view: ConsoleView
    /// The built-in simulator, when the console was started with `--simulator`.
    let simulator: RunningSimulator?

    typealias Context = BasicRequestContext

    func register(on router: Router<Context>) {
        router.get("/static/console.css") { _, _ in ConsoleResponse.asset(ConsoleAssets.css, type: "text/css") }
        router.get("/static/console.js") { _, _ in
            ConsoleResponse.asset(ConsoleAssets.javascript, type: "text/javascript")
        }
        registerVault(on: router)
        registerKeys(on: router)
        registerAddKey(on: router)
        registerRuns(on: router)
        if simulator != nil { registerSimulator(on: router) }
        // Any other path is a route too, so that the guard (session, Host, headers) answers it like the others.
        for method in [HTTPRequest.Method.get, .head, .post] {
            router.on("**", method: method) { _, _ in ConsoleResponse.text(.notFound, "No such page in the console.") }
        }
    }

    /// A page for the current session, with the vault's state and a pending notice.
    func page(
        _ page: ConsoleView.Page, title: String, nav: String? = nil, values: [String: Any] = [:],
        error: SentinelError? = nil, status: HTTPResponse.Status = .ok
    ) async -> Response {
        let notice = await state.takeNotice()
        let html = view.render(
            page, title: title, nav: nav, csrf: state.csrfToken, unlocked: await state.isUnlocked, values: values,
            notice: notice, error: error)
        return ConsoleResponse.html(html, status: status)
    }

    /// Runs `body` with the unlocked vault, or sends the browser to the unlock page.
    func whenUnlocked(_ body: () async throws -> Response) async throws -> Response {
        guard await state.isUnlocked else { return ConsoleResponse.redirect(to: "/unlock") }
        return try await body()
    }

    /// The submitted form (the guard has read the body already and checked its CSRF token).
    static func form(_ request: Request) async throws -> ConsoleForm {
        var request = request
        return ConsoleForm(try await request.collectBody(upTo: ConsoleForm.maximumBytes))
    }

    /// The key name in the path, as stored (names are letters, digits, `.`, `_` and `-`).
    static func keyName(_ context: Context) -> String {
        context.parameters.get("name") ?? ""
    }
}
