import AsyncHTTPClient
import Foundation
import NIOCore

/// One HTTP answer, read whole.
struct HTTPAnswer: Sendable {
    let status: Int
    /// Header names lowercased.
    let headers: [String: String]
    let body: String

    var json: Any? { try? JSONSerialization.jsonObject(with: Data(body.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var array: [[String: Any]] { json as? [[String: Any]] ?? [] }
    var code: Int? { object["code"] as? Int }
    var message: String? { object["msg"] as? String }
}

/// Plain loopback HTTP with AsyncHTTPClient.
enum TestHTTP {
    static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil,
        timeoutSeconds: Int64 = 10
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: url)
        request.method = .init(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body {
            request.body = .bytes(ByteBuffer(string: body))
            if request.headers["content-type"].isEmpty {
                request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            }
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeoutSeconds))
        let bytes = try await response.body.collect(upTo: 1 << 22)
        var names: [String: String] = [:]
        for header in response.headers { names[header.name.lowercased()] = header.value }
        return HTTPAnswer(status: Int(response.status.code), headers: names, body: String(buffer: bytes))
    }

    static func postJSON(_ url: String, _ json: String) async throws -> HTTPAnswer {
        try await send("POST", url, headers: ["Content-Type": "application/json"], body: json)
    }
}
