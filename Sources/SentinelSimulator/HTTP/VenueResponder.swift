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

    func respond(to request: Request, context: Context) async throws -> Response {
        let body = try await request.body.collect(upTo: Self.maximumBodyBytes)
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let incoming = SimulatorRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query ?? "",
            headers: headers, body: String(decoding: body.readableBytesView, as: UTF8.self),
            clientIP: context.clientIP)

        var answer: SimulatorResponse
        let fault =
            appliesFaults
            ? engine.withState {
                $0.faults.select(
                    listener: listener, exchange: dialect.exchangeName, path: dialect.faultPath(of: incoming),
                    streams: false)
            } : nil
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

    /// Waits, but lets go at once when the simulator shuts down.
    private func hold(milliseconds: Int) async {
        var waited = 0
        while waited < milliseconds, !engine.isStopping, !Task.isCancelled {
            let slice = min(50, milliseconds - waited)
            try? await Task.sleep(for: .milliseconds(slice))
            waited += slice
        }
    }

    static func response(_ answer: SimulatorResponse) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/json;charset=UTF-8"
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields[fieldName] = value }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields,
            body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
