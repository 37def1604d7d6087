import Foundation
import Logging
import Synchronization
import WSClient

/// The one WebSocket to the browser's DevTools endpoint: sends calls and pairs each reply with its call by `id`
/// (every call has a deadline), and hands events to the handler registered for their session (`""`: the browser's).
final class DevToolsConnection: Sendable {
    typealias EventHandler = @Sendable (DevToolsEvent) -> Void

    /// The largest message accepted or sent; a full-page screenshot arrives as one base64 message of a few MB.
    static let maximumMessageSize = 256 << 20

    private struct PendingCall {
        let method: String
        let continuation: CheckedContinuation<JSONValue, any Error>
        let deadline: Task<Void, Never>
    }

    private struct State {
        var nextID = 1
        var pending: [Int: PendingCall] = [:]
        var handlers: [String: EventHandler] = [:]
        var writer: WebSocketOutboundWriter?
        var opening: CheckedContinuation<Void, any Error>?
        var closedReason: String?
        var socket: Task<Void, Never>?
    }

    private let state = Mutex(State())

    private init() {}

    /// Connects to `url` (`ws://127.0.0.1:PORT/devtools/browser/...`) and returns once the WebSocket is open.
    static func open(url: String, timeout: Duration) async throws -> DevToolsConnection {
        let connection = DevToolsConnection()
        let socket = Task { await connection.run(url: url) }
        connection.state.withLock { $0.socket = socket }
        let deadline = Task {
            try? await Task.sleep(for: timeout)
            guard !Task.isCancelled else { return }
            connection.finish(reason: "the WebSocket to \(url) did not open within \(timeout)")
        }
        defer { deadline.cancel() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let settled: Result<Void, any Error>? = connection.state.withLock { state in
                if state.writer != nil { return .success(()) }
                if let reason = state.closedReason { return .failure(BrowserError.connectionClosed(reason: reason)) }
                state.opening = continuation
                return nil
            }
            if let settled { continuation.resume(with: settled) }
        }
        return connection
    }

    /// Sends `method` with `params` (to the page attached as `session`, or to the browser) and returns the reply's
    /// `result`; throws `BrowserError.protocolError` for an error reply and `.timedOut` when none came in time.
    func call(
        _ method: String, _ params: JSONValue = [:], session: String? = nil, timeout: Duration
    ) async throws -> JSONValue {
        try Task.checkCancellation()
        let id = state.withLock { state in
            defer { state.nextID += 1 }
            return state.nextID
        }
        let message = DevToolsCall(id: id, method: method, params: params, sessionId: session)
        let text = try String(decoding: JSONEncoder().encode(message), as: UTF8.self)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let deadline = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    self?.settle(id) { method in
                        .failure(BrowserError.timedOut(operation: "waiting for the browser to answer \(method)", after: timeout))
                    }
                }
                let registered: Result<WebSocketOutboundWriter, BrowserError> = state.withLock { state in
                    if let reason = state.closedReason { return .failure(.connectionClosed(reason: reason)) }
                    guard let writer = state.writer else { return .failure(.connectionClosed(reason: "not open")) }
                    state.pending[id] = PendingCall(method: method, continuation: continuation, deadline: deadline)
                    return .success(writer)
                }
                switch registered {
                case .failure(let error):
                    deadline.cancel()
                    continuation.resume(throwing: error)
                case .success(let writer):
                    Task { [weak self] in
                        do {
                            try await writer.writeTextMessage(text)
                        } catch {
                            self?.settle(id) { method in
                                .failure(BrowserError.connectionClosed(reason: "could not send \(method): \(error)"))
                            }
                        }
                    }
                }
            }
        } onCancel: {
            settle(id) { _ in .failure(CancellationError()) }
        }
    }

    /// Routes the events of `session` (`""` for the browser's own) to `handler`, replacing any earlier one.
    func onEvents(of session: String, _ handler: @escaping EventHandler) {
        state.withLock { $0.handlers[session] = handler }
    }

    func removeEventHandler(of session: String) {
        _ = state.withLock { $0.handlers.removeValue(forKey: session) }
    }

    var isOpen: Bool { state.withLock { $0.writer != nil && $0.closedReason == nil } }

    /// Ends the connection: every waiting call fails with `connectionClosed`, and the socket task is cancelled.
    func close() {
        finish(reason: "the test closed the browser")
        state.withLock { $0.socket }?.cancel()
    }

    private func run(url: String) async {
        let logger = Logger(label: "sentinel.browser", factory: { _ in SwiftLogNoOpLogHandler() })
        var reason = "the browser closed the connection"
        do {
            try await WebSocketClient.connect(
                url: url, configuration: .init(maxFrameSize: Self.maximumMessageSize), logger: logger
            ) { inbound, outbound, _ in
                self.opened(outbound)
                for try await message in inbound.messages(maxSize: Self.maximumMessageSize) {
                    if case .text(let text) = message { self.receive(text) }
                }
            }
        } catch {
            reason = "\(error)"
        }
        finish(reason: reason)
    }

    private func opened(_ writer: WebSocketOutboundWriter) {
        let opening = state.withLock { state -> CheckedContinuation<Void, any Error>? in
            guard state.closedReason == nil else { return nil }
            state.writer = writer
            defer { state.opening = nil }
            return state.opening
        }
        opening?.resume()
    }

    private func receive(_ text: String) {
        guard let message = try? JSONDecoder().decode(DevToolsInbound.self, from: Data(text.utf8)) else { return }
        if let id = message.id {
            settle(id) { method in
                if let error = message.error {
                    return .failure(BrowserError.protocolError(method: method, code: error.code, message: error.message))
                }
                return .success(message.result ?? [:])
            }
        } else if let method = message.method {
            let handler = state.withLock { $0.handlers[message.sessionId ?? ""] }
            handler?(DevToolsEvent(method: method, params: message.params ?? [:], sessionId: message.sessionId))
        }
    }

    /// Completes the call `id` if it is still waiting, with what `outcome` makes of its method.
    private func settle(_ id: Int, _ outcome: (_ method: String) -> Result<JSONValue, any Error>) {
        guard let call = state.withLock({ $0.pending.removeValue(forKey: id) }) else { return }
        call.deadline.cancel()
        call.continuation.resume(with: outcome(call.method))
    }

    private func finish(reason: String) {
        let (calls, opening) = state.withLock { state -> ([PendingCall], CheckedContinuation<Void, any Error>?) in
            if state.closedReason == nil { state.closedReason = reason }
            let calls = Array(state.pending.values)
            state.pending = [:]
            state.writer = nil
            state.handlers = [:]
            defer { state.opening = nil }
            return (calls, state.opening)
        }
        let error = BrowserError.connectionClosed(reason: reason)
        opening?.resume(throwing: error)
        for call in calls {
            call.deadline.cancel()
            call.continuation.resume(throwing: error)
        }
    }
}
