import Foundation
import Hummingbird
import Logging

/// A tiny site for the browser driver's tests, served in-process on 127.0.0.1 at a port the kernel picks:
/// `/` a form that echoes what is typed, `/greet` the form's answer (it sets an HttpOnly cookie), `/broken` a page
/// that logs an error and throws, `/missing` a 404 with a body.
enum FormPageServer {
    /// Serves the site for as long as `body` runs; `body` gets the site's base URL.
    static func serve<Result: Sendable>(_ body: @Sendable (URL) async throws -> Result) async throws -> Result {
        let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0), serverName: nil),
            onServerRunning: { channel in
                portSink.yield(channel.localAddress?.port ?? 0)
                portSink.finish()
            },
            logger: Logger(label: "sentinel.test.form-page", factory: { _ in SwiftLogNoOpLogHandler() }))
        let server = Task {
            defer { portSink.finish() }
            try await application.runService(gracefulShutdownSignals: [])
        }
        defer { server.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            try await server.value
            throw ServerDidNotStart()
        }
        return try await body(URL(string: "http://127.0.0.1:\(port)")!)
    }

    struct ServerDidNotStart: Error {}

    private struct Greeting: Decodable {
        let name: String
        let remember: String?
    }

    private static var router: Router<BasicRequestContext> {
        let router = Router()
        router.get("/") { _, _ in html(formPage, headers: [.init("X-Page")!: "form"]) }
        router.post("/greet") { request, _ in
            let body = try await request.body.collect(upTo: 65_536)
            let greeting = try URLEncodedFormDecoder().decode(Greeting.self, from: String(buffer: body))
            let page = """
                <!doctype html><html><head><meta charset="utf-8"><title>Greeting</title></head>
                <body><p id="greeting">Hello, \(escaped(greeting.name))\(greeting.remember == nil ? "" : " (remembered)")</p>
                </body></html>
                """
            return html(page, headers: [.setCookie: "visited=yes; Path=/; HttpOnly; SameSite=Strict"])
        }
        router.get("/broken") { _, _ in html(brokenPage) }
        router.get("/missing") { _, _ in html("<!doctype html><title>Missing</title><p>not here</p>", status: .notFound) }
        return router
    }

    private static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    private static let formPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Form</title><link rel="icon" href="data:,"></head>
        <body style="font-family: sans-serif">
          <h1>Say hello</h1>
          <form method="post" action="/greet">
            <label>Name <input id="name" name="name" autocomplete="off"></label>
            <label><input id="remember" name="remember" type="checkbox"> Remember me</label>
            <button type="submit">Greet</button>
          </form>
          <p>You typed: <span id="echo"></span></p>
          <ul><li>first</li><li>second</li></ul>
          <style>@media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } }</style>
          <script>
            document.getElementById('name').addEventListener('input', (event) => {
              document.getElementById('echo').textContent = event.target.value;
            });
          </script>
        </body></html>
        """

    private static let brokenPage = """
        <!doctype html>
        <html><head><meta charset="utf-8"><title>Broken</title><link rel="icon" href="data:,"></head>
        <body>
          <p id="ready">loaded</p>
          <script>
            console.error('the broken page logged this');
            setTimeout(() => { throw new Error('kaboom from the broken page'); }, 0);
          </script>
        </body></html>
        """
}
