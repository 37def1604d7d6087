import Hummingbird

/// What every request must pass before any page answers it:
/// 1. the `Host` header names this console (`127.0.0.1:PORT` or `localhost:PORT`): a DNS-rebinding page, whose
///    requests carry its own host name, is refused;
/// 2. no foreign `Origin` or `Sec-Fetch-Site` (a page on another port of 127.0.0.1 is foreign too);
/// 3. the session cookie, which only the one-time link in the console's output hands out (`/login?token=…`);
/// 4. for every change (any method but GET and HEAD): the session's CSRF token in the form's `csrf` field.
/// Every answer, refusals included, carries headers that keep it out of frames, caches and other sites' reach.
struct ConsoleGuard<Context: RequestContext>: RouterMiddleware {
    let state: ConsoleState
    let bound: ConsoleServer.BoundPort

    private var port: Int { bound.port }

    /// Browsers keep cookies per host name, not per port: every server on 127.0.0.1 gets (and may overwrite) this
    /// cookie. With the port in its name, two consoles running at once (`sentinel console` and `demo --console`)
    /// keep a session each instead of the second login replacing the first one's for good.
    var sessionCookie: String { "sentinel_console_\(port)" }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await decide(request, context: context, next: next)
        } catch let error as any HTTPResponseError {
            // A body over the limit (413) and the like: answered here, so that they carry the headers too.
            response = ConsoleResponse.text(
                error.status, (error as? HTTPError)?.body ?? "The console refused this request (\(error.status)).")
        }
        Self.secure(&response.headers)
        return response
    }

    private func decide(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if await state.isStopping {
            return ConsoleResponse.text(.serviceUnavailable, "The console is stopping (Ctrl-C); the vault is locked.")
        }
        guard isOwnHost(request.head.authority) else {
            return ConsoleResponse.text(
                .misdirectedRequest,
                "This console answers only at http://127.0.0.1:\(port)/ (the Host header named another site).")
        }
        if let origin = request.headers[.origin], !isOwnOrigin(origin) {
            return ConsoleResponse.text(.forbidden, "Refused: the request came from another site (\(origin.prefix(80))).")
        }
        if !isOwnFetch(request.headers[values: .init("Sec-Fetch-Site")!]) {
            return ConsoleResponse.text(.forbidden, "Refused: the request came from another site.")
        }
        if request.uri.path == "/login" {
            return try await logIn(request)
        }
        guard await state.isSession(request.cookies[sessionCookie]?.value) else {
            return ConsoleResponse.text(
                .forbidden,
                "Open the link that `sentinel console` printed in its terminal: this browser has no session with "
                    + "this console (or the link was already used by another browser).")
        }
        await state.touch()
        if request.method != .get && request.method != .head {
            var request = request
            let body = try await request.collectBody(upTo: ConsoleForm.maximumBytes)
            let form = ConsoleForm(body)
            guard ConsoleSecrets.equal(form["csrf"], state.csrfToken) else {
                return ConsoleResponse.text(
                    .forbidden, "Refused: the form's CSRF token is missing or wrong. Reload the page and try again.")
            }
            return try await next(request, context)
        }
        return try await next(request, context)
    }

    /// The one-time link: the token becomes a session cookie (HttpOnly, SameSite=Strict) and the browser is sent
    /// to the keys page, so that the token leaves the address bar and the history.
    private func logIn(_ request: Request) async throws -> Response {
        let token = request.uri.queryParameters.get("token")
        if let session = await state.logIn(token: token) {
            var response = ConsoleResponse.redirect(to: "/")
            response.setCookie(
                Cookie(name: sessionCookie, value: session, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        if await state.isSession(request.cookies[sessionCookie]?.value) {
            return ConsoleResponse.redirect(to: "/")
        }
        return ConsoleResponse.text(
            .forbidden,
            "This link is not valid (any more): each `sentinel console` prints a new one, and it lets one browser in "
                + "once. Restart the console for a new link.")
    }

    private func isOwnHost(_ authority: String?) -> Bool {
        guard let authority = authority?.lowercased() else { return false }
        return authority == "127.0.0.1:\(port)" || authority == "localhost:\(port)"
    }

    private func isOwnOrigin(_ origin: String) -> Bool {
        origin == "http://127.0.0.1:\(port)" || origin == "http://localhost:\(port)"
    }

    /// `same-site` is foreign too: for a browser every port of 127.0.0.1 is the same site, and it sends this
    /// console's SameSite=Strict cookie along with what any other local server's page asks for. Only this
    /// console's own pages (`same-origin`) and the person typing or pasting the link (`none`) are let through.
    private func isOwnFetch(_ sites: [String]) -> Bool {
        sites.allSatisfy { $0 == "same-origin" || $0 == "none" }
    }

    static func secure(_ headers: inout HTTPFields) {
        headers[.contentSecurityPolicy] =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        headers[.init("X-Frame-Options")!] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[.init("Referrer-Policy")!] = "same-origin"
        headers[.cacheControl] = "no-store"
        headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
    }
}
