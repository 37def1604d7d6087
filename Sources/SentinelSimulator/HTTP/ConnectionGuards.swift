import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

/// What one listener allows a client: how many connections at once, how long a connection may sit idle (or take
/// to send a request head), and how long a request body may take to arrive. A hostile or broken client can hold
/// at most `maximumConnections` connections, each for a bounded time; other listeners (the admin API) are not
/// affected, since each listener has its own budget.
struct ConnectionLimits: Sendable, Equatable {
    var maximumConnections: Int
    var idleTimeoutMilliseconds: Int
    var bodyTimeoutMilliseconds: Int

    /// Listener budgets that together stay under the process's descriptor limit (minus a reserve for files, the
    /// clients the process itself runs and the listening sockets), so that a flood on the venues never leaves the
    /// admin API without a descriptor to accept with.
    static func perListener(
        requested: Int, listeners: Int, descriptorLimit: Int, reserve: Int = 128
    ) -> Int {
        let available = max(listeners, descriptorLimit - reserve)
        return max(1, min(requested, available / max(1, listeners)))
    }
}

/// Adds `HeadDeadlineHandler` in front of a Hummingbird child channel (HTTP/1 or HTTP/1 + WebSocket upgrade).
struct GuardedChildChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    let base: Base
    let headDeadlineMilliseconds: Int

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        let deadline = headDeadlineMilliseconds
        return channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(HeadDeadlineHandler(milliseconds: deadline))
        }.flatMap {
            base.setup(channel: channel, logger: logger)
        }
    }

    /// Handles the connection on the event loop that reads and writes it: the handler's task would otherwise run on
    /// the global pool, and every request would cross threads twice (the loop wakes a pool thread with the request,
    /// the pool thread wakes the loop with the answer), which made the kernel's thread switches the larger part of
    /// a round trip's time.
    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(ConnectionLoopExecutor(value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

/// Runs Swift concurrency jobs on one NIO event loop.
final class ConnectionLoopExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

/// Closes a connection whose first request head (up to the blank line) has not arrived within the deadline. Until
/// the head is complete Hummingbird's own idle timer is not yet in the pipeline of a listener that can upgrade to
/// WebSocket, so without this a client could hold a connection open forever by sending a header byte at a time.
/// Bytes pass through untouched; the handler only watches for CR LF CR LF.
final class HeadDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let milliseconds: Int
    private var timer: Scheduled<Void>?
    private var tail: [UInt8] = []
    private var headComplete = false

    init(milliseconds: Int) {
        self.milliseconds = milliseconds
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { arm(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        arm(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if !headComplete {
            let buffer = unwrapInboundIn(data)
            for byte in buffer.readableBytesView {
                tail.append(byte)
                if tail.count > 4 { tail.removeFirst() }
                if tail == [13, 10, 13, 10] || tail.suffix(2).elementsEqual([10, 10]) {
                    headComplete = true
                    timer?.cancel()
                    timer = nil
                    break
                }
            }
        }
        context.fireChannelRead(data)
    }

    private func arm(_ context: ChannelHandlerContext) {
        guard timer == nil, !headComplete else { return }
        let channel = context.channel
        timer = context.eventLoop.scheduleTask(in: .milliseconds(Int64(milliseconds))) {
            channel.close(promise: nil)
        }
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's limit on open descriptors, which bounds how many connections all listeners can hold.
enum DescriptorLimit {
    /// Raises the soft limit to the hard one (as servers commonly do) and returns the soft limit in force.
    static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(resourceNumber, &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = min(limit.rlim_max, 1 << 20)
            if setrlimit(resourceNumber, &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    #if canImport(Glibc)
        private static var resourceNumber: __rlimit_resource_t { __rlimit_resource_t(UInt32(RLIMIT_NOFILE.rawValue)) }
    #else
        private static var resourceNumber: Int32 { RLIMIT_NOFILE }
    #endif
}
