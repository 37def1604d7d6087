import NIOCore
import NIOHTTP1
import NIOTLS
import Synchronization

/// One HTTP/1.1 keep-alive connection and the one request it carries at a time. It sits at the end of the channel's
/// pipeline (after TLS and NIO's HTTP codec): it writes the request, collects the answer, and reports how the exchange
/// ended — with the difference between "not sent" (the request never fully left) and "no answer" (it may have
/// arrived) that order placement depends on.
///
/// Every mutable property is touched only on the channel's event loop (each entry point hops there first), which is
/// what makes the `@unchecked Sendable` sound.
final class KeepAliveConnection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPClientResponsePart
    typealias OutboundOut = HTTPClientRequestPart

    /// How an exchange ended, and whether the connection may carry another request.
    typealias Outcome = (result: Result<HTTPResponse, TransportFailure>, reusable: Bool)

    static let maximumBodyBytes = 64 * 1024 * 1024
    /// The connection had closed (the server's close was read after the last answer) before this request was
    /// written: nothing went out, and the request may go on another connection.
    static let closedBeforeTheRequest = TransportFailure.notSent("the connection closed before the request")

    let origin: HTTPOrigin
    let generation: Int
    let loop: any EventLoop
    /// Called (on the loop) when the connection closes while no request is on it.
    let closedWhileIdle: @Sendable (KeepAliveConnection) -> Void

    /// Succeeds once the connection can carry a request: connected, and with TLS, the handshake done.
    let readiness: EventLoopFuture<Void>

    private var context: ChannelHandlerContext?
    /// Set once the channel is inactive; read by the pool under its lock when the connection comes back.
    private let closedFlag = Atomic<Bool>(false)
    var isClosed: Bool { closedFlag.load(ordering: .acquiring) }
    private var waitsForTLS: Bool
    private var ready: EventLoopPromise<Void>?
    private var pending: Exchange?
    private var open = true
    /// What went wrong last, to name in the failure of the exchange that the closing connection ends.
    private var lastError: (any Error)?

    private struct Exchange {
        let ticket: UInt64
        let continuation: CheckedContinuation<Outcome, Never>
        let timeout: Scheduled<Void>
        var head: HTTPResponseHead?
        var body: ByteBuffer?
        var requestWritten = false
    }

    init(
        origin: HTTPOrigin, generation: Int, loop: any EventLoop,
        closedWhileIdle: @escaping @Sendable (KeepAliveConnection) -> Void
    ) {
        self.origin = origin
        self.generation = generation
        self.loop = loop
        self.closedWhileIdle = closedWhileIdle
        waitsForTLS = origin.secure
        let ready = loop.makePromise(of: Void.self)
        self.ready = ready
        readiness = ready.futureResult
    }

    // MARK: exchanges

    /// Writes the request and waits for the whole answer, or for the deadline. Call only while the pool has lent
    /// this connection to the caller. `ticket` is unique per exchange: a cancellation that arrives late ends only its
    /// own exchange, never the next one on this connection.
    func exchange(_ request: SignedRequest, target: String, deadline: NIODeadline, ticket: UInt64) async -> Outcome {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // Cancelled before this point, the handler below may already have run and found nothing to end.
                if Task.isCancelled {
                    continuation.resume(returning: (.failure(.notSent("cancelled before the request was sent")), true))
                    return
                }
                if loop.inEventLoop {
                    start(request, target: target, deadline: deadline, ticket: ticket, continuation)
                } else {
                    loop.execute { self.start(request, target: target, deadline: deadline, ticket: ticket, continuation) }
                }
            }
        } onCancel: {
            loop.execute {
                guard self.pending?.ticket == ticket else { return }
                self.end(.noAnswer("cancelled while waiting for the answer"))
            }
        }
    }

    /// Closes the connection; a request on it ends with "no answer".
    func close() {
        loop.execute { self.context?.close(promise: nil) }
    }

    /// Closes the connection if it is not ready yet (a handshake past its deadline); a ready one is kept.
    func closeIfNotReady() {
        loop.execute {
            if self.ready != nil { self.context?.close(promise: nil) }
        }
    }

    /// The connection was never made (or its handshake failed): settles `readiness` if nothing else did.
    func abandon(_ error: any Error) {
        loop.execute {
            self.ready?.fail(error)
            self.ready = nil
            self.context?.close(promise: nil)
        }
    }

    private func start(
        _ request: SignedRequest, target: String, deadline: NIODeadline, ticket: UInt64,
        _ continuation: CheckedContinuation<Outcome, Never>
    ) {
        guard open, pending == nil, let context else {
            continuation.resume(returning: (.failure(Self.closedBeforeTheRequest), false))
            return
        }
        // Nothing is written once the deadline has passed (a slow connect or a late hand-over from the queue): the
        // caller has given up, and the request must not go live behind its back.
        if deadline <= .now() {
            continuation.resume(returning: (.failure(.notSent("the deadline passed before the request was sent")), true))
            return
        }
        if let bad = request.headers.first(where: { !Self.isWellFormed($0) }) {
            continuation.resume(returning: (.failure(.notSent("the header \(bad.name.debugDescription) is malformed")), true))
            return
        }
        var headers = HTTPHeaders()
        headers.reserveCapacity(request.headers.count + 2)
        headers.add(name: "Host", value: origin.hostHeader)
        for header in request.headers { headers.add(name: header.name, value: header.value) }
        var body: ByteBuffer?
        if let text = request.body {
            body = context.channel.allocator.buffer(string: text)
            headers.add(name: "Content-Length", value: String(text.utf8.count))
        } else if request.method == .POST || request.method == .PUT {
            headers.add(name: "Content-Length", value: "0")
        }
        let timeout = loop.scheduleTask(deadline: deadline) {
            self.end(.noAnswer("no answer before the deadline"))
        }
        pending = Exchange(ticket: ticket, continuation: continuation, timeout: timeout)
        let head = HTTPRequestHead(
            version: .http1_1, method: Self.wireMethod(request.method), uri: target,
            headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if let body { context.write(wrapOutboundOut(.body(.byteBuffer(body))), promise: nil) }
        let written = loop.makePromise(of: Void.self)
        written.futureResult.whenComplete { result in
            guard self.pending?.ticket == ticket else { return }
            switch result {
            case .success: self.pending?.requestWritten = true
            case .failure(let error):
                // Not all of the request reached the socket: the exchange cannot have acted on it.
                self.end(.notSent("the request could not be written: \(error)"))
            }
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
    }

    /// Headers the transport writes itself: a second `Host` or `Content-Length` from a request could make a server
    /// read the rest of the body as another request.
    static let framingHeaders = ["host", "content-length", "transfer-encoding", "connection"]

    private static func isFramingHeader(_ name: String) -> Bool {
        framingHeaders.contains { HeaderName.matches(name, $0) }
    }

    /// Not one of `framingHeaders`; a name of token characters, a value without CR, LF or NUL: nothing a header could use to end itself early
    /// and start another, or a second request.
    static func isWellFormed(_ header: SignedRequest.Header) -> Bool {
        !isFramingHeader(header.name) && !header.name.isEmpty
            && header.name.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"):
                    true
                default: "!#$%&'*+-.^_`|~".utf8.contains(byte)
                }
            }
            && !header.value.utf8.contains { $0 == 0x0D || $0 == 0x0A || $0 == 0x00 }
    }

    private static func wireMethod(_ method: HTTPMethod) -> NIOHTTP1.HTTPMethod {
        switch method {
        case .GET: .GET
        case .POST: .POST
        case .PUT: .PUT
        case .DELETE: .DELETE
        }
    }

    /// Ends the exchange in progress, if any, with a failure, and closes the connection (its state is unknown).
    private func end(_ failure: TransportFailure) {
        guard let exchange = pending else { return }
        pending = nil
        exchange.timeout.cancel()
        open = false
        context?.close(promise: nil)
        exchange.continuation.resume(returning: (.failure(failure), false))
    }

    private func finish() {
        guard let exchange = pending, let head = exchange.head else { return }
        pending = nil
        exchange.timeout.cancel()
        let body = exchange.body.map { Array($0.readableBytesView) } ?? []
        let response = HTTPResponse(
            status: Int(head.status.code), headers: head.headers.map { ($0.name, $0.value) }, body: body)
        // Not reused: a connection the server closed (an answer ended by the close is decoded before the close
        // reaches this handler), or one whose request was not wholly written when the answer came.
        let reusable = open && head.isKeepAlive && exchange.requestWritten && context?.channel.isActive == true
        if !reusable {
            open = false
            context?.close(promise: nil)
        }
        exchange.continuation.resume(returning: (.success(response), reusable))
    }

    // MARK: channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive && !waitsForTLS { markReady() }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        // The context holds this handler: keeping it after the pipeline let go would keep both alive.
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        if !waitsForTLS { markReady() }
        context.fireChannelActive()
    }

    private func markReady() {
        ready?.succeed()
        ready = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted = event {
            waitsForTLS = false
            markReady()
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard pending != nil else {
            // An answer nobody asked for: the connection's state is unknown.
            open = false
            context.close(promise: nil)
            return
        }
        switch unwrapInboundIn(data) {
        case .head(let head):
            pending?.head = head
        case .body(var part):
            let size = (pending?.body?.readableBytes ?? 0) + part.readableBytes
            if size > Self.maximumBodyBytes {
                end(.noAnswer("the answer is larger than \(Self.maximumBodyBytes / 1024 / 1024) MiB"))
            } else if pending?.body == nil {
                pending?.body = part
            } else {
                pending?.body?.writeBuffer(&part)
            }
        case .end:
            finish()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lastError = error
        open = false
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        open = false
        // Before `closedWhileIdle`: a release that takes the pool's lock after this sees the close, and one that took
        // it before has put the connection among the idle ones, where `closedWhileIdle` finds it.
        closedFlag.store(true, ordering: .releasing)
        let reason = lastError.map { "\($0)" } ?? "the connection closed"
        if let ready {
            self.ready = nil
            ready.fail(lastError ?? TransportFailure.notSent(reason))
        }
        if let exchange = pending {
            // A request not yet wholly written is ended by its write's failure (the timeout stays as a backstop).
            if exchange.requestWritten || exchange.head != nil { end(.noAnswer("\(reason) before the whole answer came")) }
        } else {
            closedWhileIdle(self)
        }
        context.fireChannelInactive()
    }
}
