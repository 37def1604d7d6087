import Foundation
import SentinelTestSupport
import Testing

/// A minimal HTTP/1.1 client over a loopback socket that sends exactly the headers it is given (a forged `Host` or
/// `Origin` included), one request per connection. For the console's guard tests.
enum RawHTTP {
    struct Answer: Sendable {
        let status: Int
        let headers: [(name: String, value: String)]
        let body: String

        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    static func send(
        port: Int, _ method: String, _ path: String, headers: [(String, String)] = [], body: String? = nil
    ) async throws -> Answer {
        try await CLIRunner.offPool { try sendBlocking(port: port, method, path, headers: headers, body: body) }
    }

    private static func sendBlocking(
        port: Int, _ method: String, _ path: String, headers: [(String, String)], body: String?
    ) throws -> Answer {
        let connection = try RawConnection(port: port, receiveTimeoutSeconds: 30)
        var head = "\(method) \(path) HTTP/1.1\r\n"
        var names = Set<String>()
        for (name, value) in headers {
            head += "\(name): \(value)\r\n"
            names.insert(name.lowercased())
        }
        if !names.contains("host") { head += "Host: 127.0.0.1:\(port)\r\n" }
        let bodyBytes = Array((body ?? "").utf8)
        if body != nil {
            if !names.contains("content-type") { head += "Content-Type: application/x-www-form-urlencoded\r\n" }
            head += "Content-Length: \(bodyBytes.count)\r\n"
        }
        head += "Connection: close\r\n\r\n"
        guard connection.send(Array(head.utf8) + bodyBytes) else { throw Failure("the console closed the connection") }
        let received = connection.readUntilClosed().bytes
        return try parse(received)
    }

    private static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let split = firstIndex(of: separator, in: bytes[...]) else {
            throw Failure("no HTTP head in \(String(decoding: bytes.prefix(200), as: UTF8.self))")
        }
        let lines = String(decoding: bytes[..<split], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = lines[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw Failure("bad status \(lines[0])") }
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        var body = Array(bytes[(split + separator.count)...])
        if headers.contains(where: { $0.0.lowercased() == "transfer-encoding" && $0.1.contains("chunked") }) {
            body = dechunk(body)
        }
        return Answer(
            status: status, headers: headers.map { (name: $0.0, value: $0.1) },
            body: String(decoding: body, as: UTF8.self))
    }

    /// The body of a chunked answer: each chunk is its size in hex, CRLF, the bytes, CRLF; a size of 0 ends it.
    private static func dechunk(_ bytes: [UInt8]) -> [UInt8] {
        let lineEnd: [UInt8] = Array("\r\n".utf8)
        var result: [UInt8] = []
        var position = bytes.startIndex
        while let end = firstIndex(of: lineEnd, in: bytes[position...]),
            let size = Int(String(decoding: bytes[position..<end], as: UTF8.self), radix: 16), size > 0
        {
            let start = end + 2
            let stop = min(start + size, bytes.endIndex)
            result += bytes[start..<stop]
            position = min(stop + 2, bytes.endIndex)
        }
        return result
    }

    private static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.startIndex
        while index + needle.count <= haystack.endIndex {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// One browser's session with the console over `RawHTTP`: its cookie and the page's CSRF token; every body it
/// receives is kept, so that a test can check that no secret ever came back.
final class ConsoleClient: @unchecked Sendable {
    let port: Int
    private(set) var cookie: String?
    private(set) var csrf: String?
    private(set) var bodies: [String] = []

    init(port: Int) {
        self.port = port
    }

    /// Opens the printed link; the session cookie and the CSRF token are kept.
    func logIn(token: String) async throws {
        let answer = try await get("/login?token=\(token)")
        #expect(answer.status == 303)
        let setCookie = try #require(answer.header("Set-Cookie"))
        #expect(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"))
        cookie = String(setCookie.prefix { $0 != ";" })
        let page = try await get("/unlock")
        csrf = Self.csrf(in: page.body)
        #expect(csrf?.count == 64)
    }

    func get(_ path: String, headers: [(String, String)] = []) async throws -> RawHTTP.Answer {
        try await record(RawHTTP.send(port: port, "GET", path, headers: sessionHeaders + headers))
    }

    /// A form post with the CSRF token (unless `csrf` is given, to forge one).
    func post(
        _ path: String, _ fields: [(String, String)] = [], csrf forged: String? = nil, headers: [(String, String)] = []
    ) async throws -> RawHTTP.Answer {
        let all = [("csrf", forged ?? csrf ?? "")] + fields
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await record(RawHTTP.send(port: port, "POST", path, headers: sessionHeaders + headers, body: body))
    }

    private var sessionHeaders: [(String, String)] { cookie.map { [("Cookie", $0)] } ?? [] }

    private func record(_ answer: RawHTTP.Answer) -> RawHTTP.Answer {
        bodies.append(answer.body)
        return answer
    }

    static func csrf(in page: String) -> String? {
        guard let range = page.range(of: "name=\"csrf-token\" content=\"") else { return nil }
        return String(page[range.upperBound...].prefix { $0 != "\"" })
    }

    static func encode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
