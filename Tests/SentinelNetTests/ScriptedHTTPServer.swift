import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// A loopback server that records each request's exact bytes and answers what the test scripts: an answer's bytes
/// (then maybe closing), nothing at all (holding the request), or a close without an answer.
final class ScriptedHTTPServer: Sendable {
    enum Reply: Sendable {
        case send(String, thenClose: Bool = false)
        case hold
        case close
    }

    let port: Int
    private let channel: any Channel
    private let log: Mutex<(requests: [String], connections: Int, closed: Int)>

    var requests: [String] { log.withLock { $0.requests } }
    var connections: Int { log.withLock { $0.connections } }
    /// Connections that have ended, by either side.
    var closedConnections: Int { log.withLock { $0.closed } }

    private init(channel: any Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
        log = Mutex(([], 0, 0))
    }

    static func start(tls: Bool = false, reply: @escaping @Sendable (String) -> Reply) async throws -> ScriptedHTTPServer {
        let context = tls ? try TestCertificate.serverContext() : nil
        let box = Box()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture {
                    box.server?.log.withLock { $0.connections += 1 }
                    if let context { try child.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: context)) }
                    try child.pipeline.syncOperations.addHandler(RequestReader(box: box, reply: reply))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let server = ScriptedHTTPServer(channel: channel)
        box.server = server
        return server
    }

    func url(_ target: String, secure: Bool = false, host: String = "127.0.0.1") -> String {
        "\(secure ? "https" : "http")://\(host):\(port)\(target)"
    }

    func stop() async { try? await channel.close() }

    fileprivate func record(_ request: String) { log.withLock { $0.requests.append(request) } }
    fileprivate func recordClose() { log.withLock { $0.closed += 1 } }

    fileprivate final class Box: @unchecked Sendable {
        var server: ScriptedHTTPServer?
    }

    /// Reads whole requests (head, then as many body bytes as Content-Length says) and answers each as scripted.
    private final class RequestReader: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let box: Box
        let reply: @Sendable (String) -> Reply
        var received: [UInt8] = []

        init(box: Box, reply: @escaping @Sendable (String) -> Reply) {
            self.box = box
            self.reply = reply
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received += unwrapInboundIn(data).readableBytesView
            while let request = takeRequest() {
                box.server?.record(request)
                switch reply(request) {
                case .send(let text, let thenClose):
                    context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(string: text)), promise: nil)
                    if thenClose { context.close(promise: nil) }
                case .hold: break
                case .close: context.close(promise: nil)
                }
            }
        }

        func channelInactive(context: ChannelHandlerContext) {
            box.server?.recordClose()
            context.fireChannelInactive()
        }

        private func takeRequest() -> String? {
            let text = String(decoding: received, as: UTF8.self)
            guard let headEnd = text.range(of: "\r\n\r\n") else { return nil }
            let head = text[..<headEnd.lowerBound].lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            let headBytes = text[..<headEnd.upperBound].utf8.count
            guard received.count >= headBytes + length else { return nil }
            let request = String(decoding: received[..<(headBytes + length)], as: UTF8.self)
            received.removeFirst(headBytes + length)
            return request
        }
    }
}

/// A self-signed certificate for localhost and 127.0.0.1, made for these tests only (not a secret of anyone's).
enum TestCertificate {
    static let certificate = """
-----BEGIN CERTIFICATE-----
MIIBnDCCAUGgAwIBAgIUWA0zUzBCL5QJE5CYL2CaAYbioScwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwNDEzNDczNloYDzIxMjYxMTEw
MTM0NzM2WjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASEJvseltlPDungWrVTztadYPZonbOqhCEXjqb89SC72YkZ9s6oQkON
yo3xBrGi7lhClAvp9i7pDjOennd4P++9o28wbTAdBgNVHQ4EFgQUx0T15Q3Nb4wY
kpmG96xiVlaDO8gwHwYDVR0jBBgwFoAUx0T15Q3Nb4wYkpmG96xiVlaDO8gwDwYD
VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI
zj0EAwIDSQAwRgIhALtdaedHvk9eA38WsyCHHX+oZwcZt+pZTA56UVhef3lYAiEA
50yTOA3o2dJP3A+Ucw+uFxoFnI8K51F0UVykOhFCn2E=
-----END CERTIFICATE-----
"""
    static let privateKey = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgydYK01pu4Kp87lTq
acE1YRZak3A+3/m2cEHj6Z6tSqOhRANCAASEJvseltlPDungWrVTztadYPZonbOq
hCEXjqb89SC72YkZ9s6oQkONyo3xBrGi7lhClAvp9i7pDjOennd4P++9
-----END PRIVATE KEY-----
"""

    static func serverContext() throws -> NIOSSLContext {
        try NIOSSLContext(configuration: .makeServerConfiguration(
            certificateChain: [.certificate(try NIOSSLCertificate(bytes: Array(certificate.utf8), format: .pem))],
            privateKey: .privateKey(try NIOSSLPrivateKey(bytes: Array(privateKey.utf8), format: .pem))))
    }

    static func trustingClient() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates([try NIOSSLCertificate(bytes: Array(certificate.utf8), format: .pem)])
        return configuration
    }
}
