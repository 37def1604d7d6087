import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore

// The floor of the simulator's load benchmark: Hummingbird on one loopback port answering every request with the
// same JSON body, with no routing, no logging and no work — what any Hummingbird server costs per request here. Each
// connection is handled on its own event loop, as the simulator's are (Hummingbird's default hands every request to
// the global pool and back), so that the floor stays a floor.
//
//   BareResponder [--port 28990]

struct FixedAnswer: HTTPResponder {
    typealias Context = BasicRequestContext
    static let body = ByteBuffer(string: #"{"makerCommission":0,"takerCommission":0,"canTrade":true,"balances":[]}"#)

    func respond(to request: Request, context: Context) async throws -> Response {
        Response(
            status: .ok, headers: [.contentType: "application/json;charset=UTF-8"],
            body: ResponseBody(byteBuffer: Self.body))
    }
}

/// Runs a connection's handler on the event loop that reads and writes it.
struct OnConnectionLoop<Base: ServerChildChannel>: ServerChildChannel {
    let base: Base

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Base.Value> {
        base.setup(channel: channel, logger: logger)
    }

    func handle(value: Base.Value, logger: Logger) async {
        await withTaskExecutorPreference(LoopExecutor(loop: value.channel.eventLoop)) {
            await base.handle(value: value, logger: logger)
        }
    }
}

final class LoopExecutor: TaskExecutor {
    let loop: any EventLoop
    init(loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}

let arguments = CommandLine.arguments
let port = arguments.firstIndex(of: "--port").flatMap { Int(arguments[$0 + 1]) } ?? 28_990
let application = Application(
    responder: FixedAnswer(),
    server: HTTPServerBuilder { responder in OnConnectionLoop(base: HTTP1Channel(responder: responder)) },
    configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
    onServerRunning: { _ in
        // Written straight to the descriptor: run-all.py reads this line through a pipe, where print would buffer it.
        FileHandle.standardOutput.write(Data(#"{"ready": true, "port": \#(port)}"#.utf8 + [UInt8(ascii: "\n")]))
    },
    logger: Logger(label: "bare", factory: { _ in SwiftLogNoOpLogHandler() }))
try await application.runService()
