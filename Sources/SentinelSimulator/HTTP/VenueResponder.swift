import HTTPTypes
import Hummingbird
import NIOCore

/// The HTTP side of one listener: turns a Hummingbird request into a `SimulatorRequest`, applies injected faults,
/// asks the dialect and writes its answer (or, for faults, withholds it).
struct VenueResponder: HTTPResponder {
    typealias Context = SimulatorRequestContext

    static let maximumBodyBytes = 1 << 20
    static let defaultHoldMilliseconds = 30_000

    let listener: String
    let dialect: any VenueDialect
    let engine: SimulatorEngine
    let appliesFaults: Bool
    /// A body still arriving after this long is dropped with its connection (a client dripping bytes).
    var bodyTimeoutMilliseconds = 30_000

    func respond(to request: Request, context: Context) async throws -> Response {
        // A body over the limit is refused before it is read (Content-Length) or as soon as it passes the limit
        // (chunked): 413 with a JSON error, never the whole body in memory.
        if let declared = request.headers[.contentLength], let length = Int(declared), length > Self.maximumBodyBytes {
            return Self.bodyTooLarge()
        }
        let body: ByteBuffer
        do {
            guard let collected = try await collectBody(request, context: context) else {
                return Response(status: .requestTimeout)
            }
            body = collected
        } catch is NIOTooManyBytesError {
            return Self.bodyTooLarge()
        }
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let incoming = SimulatorRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: headers, body: String(decoding: body.readableBytesView, as: UTF8.self),
            clientIP: context.clientIP)

        var answer: SimulatorResponse
        let fault =
            appliesFaults
            ? engine.selectFault(
                listener: listener, exchange: dialect.exchangeName, path: dialect.faultPath(of: incoming)) : nil
        switch fault?.kind {
        case .latency?:
            try? await Task.sleep(for: .milliseconds(fault?.latencyMilliseconds ?? 0))
            answer = dialect.respond(to: incoming, engine: engine)
        case .error5xx?, .rateLimit?:
            answer = dialect.injectedFailure(fault!.kind, request: incoming, engine: engine)
        case .reset?:
            answer = SimulatorResponse(status: 500, body: "", delivery: .closeConnection)
        case .resetAfterAccept?:
            _ = dialect.respond(to: incoming, engine: engine)
            answer = SimulatorResponse(status: 500, body: "", delivery: .closeConnection)
        case .error5xxAfterAccept?:
            _ = dialect.respond(to: incoming, engine: engine)
            answer = dialect.injectedFailure(.error5xx, request: incoming, engine: engine)
        case .timeoutAfterAccept?:
            answer = dialect.respond(to: incoming, engine: engine)
            answer.delivery = .holdThenClose(milliseconds: fault?.latencyMilliseconds ?? Self.defaultHoldMilliseconds)
        default:
            answer = dialect.respond(to: incoming, engine: engine)
        }

        switch answer.delivery {
        case .answer:
            return Self.response(answer)
        case .closeConnection:
            context.closeConnection()
            return Response(status: .internalServerError)
        case .holdThenClose(let milliseconds):
            await hold(milliseconds: milliseconds)
            context.closeConnection()
            return Response(status: .internalServerError)
        }
    }

    /// The whole body, or nil when it did not arrive within `bodyTimeoutMilliseconds` (the connection is then
    /// closed, which also ends the collection).
    private func collectBody(_ request: Request, context: Context) async throws -> ByteBuffer? {
        let body = request.body
        // No body announced (most GETs): nothing can drip, so no timer is needed.
        if request.headers[.contentLength] == nil, request.headers[.transferEncoding] == nil {
            return try await body.collect(upTo: Self.maximumBodyBytes)
        }
        let deadline = context.closeConnection(afterMilliseconds: bodyTimeoutMilliseconds)
        defer { deadline.cancel() }
        let collected: ByteBuffer
        do {
            collected = try await body.collect(upTo: Self.maximumBodyBytes)
        } catch let error where !deadline.hasExpired {
            throw error
        } catch {
            return nil
        }
        // The close ends the body early: what arrived is not the request.
        return deadline.hasExpired ? nil : collected
    }

    /// Waits, but lets go at once when the simulator shuts down.
    private func hold(milliseconds: Int) async {
        var waited = 0
        while waited < milliseconds, !engine.isStopping, !Task.isCancelled {
            let slice = min(50, milliseconds - waited)
            try? await Task.sleep(for: .milliseconds(slice))
            waited += slice
        }
    }

    /// 413 with `{"error": ...}`, and `Connection: close` so that the client does not send the rest.
    static func bodyTooLarge() -> Response {
        var answer = SimulatorResponse.json(
            413,
            .object([
                ("error", .string("the request body is larger than \(maximumBodyBytes) bytes, the simulator's limit"))
            ]))
        answer.headers.append(("Connection", "close"))
        return response(answer)
    }

    static func response(_ answer: SimulatorResponse) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json;charset=UTF-8"
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        let body: ByteBuffer
        switch answer.content {
        case .text(let text):
            body = ByteBuffer(string: text)
        case .json(let value):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(512)
            value.write(to: &bytes)
            body = ByteBuffer(bytes: bytes)
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: body))
    }
}
