/// Where a request goes: scheme, host and port — the key of the keep-alive pool — and the request target
/// (path and query) that goes on the request line.
public struct HTTPOrigin: Sendable, Hashable, CustomStringConvertible {
    public let secure: Bool
    public let host: String
    public let port: Int

    /// The `Host` header: the port only when it is not the scheme's default, an IPv6 address in brackets.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (secure ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// An IP address rather than a name (TLS then sends no server name).
    public var hostIsAddress: Bool {
        host.contains(":") || host.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (0x30...0x39).contains($0) }
    }

    public var description: String { "\(secure ? "https" : "http")://\(hostHeader)" }

    /// Splits an absolute `http` or `https` URL into its origin and request target. Refuses anything else — other
    /// schemes, user info, a missing host, a bad port, spaces or control characters (which would let a value
    /// smuggle a header onto the wire) — with `notSent`: nothing went out.
    public static func split(_ url: String) throws(TransportFailure) -> (origin: HTTPOrigin, target: String) {
        var rest = Substring(url)
        let secure: Bool
        if rest.utf8.starts(with: "https://".utf8) {
            secure = true
            rest = rest.dropFirst(8)
        } else if rest.utf8.starts(with: "http://".utf8) {
            secure = false
            rest = rest.dropFirst(7)
        } else {
            throw .notSent("not an http or https URL")
        }
        if rest.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "#") }) {
            throw .notSent("the URL holds a space, a control character or a fragment")
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        var target = String(rest[authorityEnd...])
        if target.isEmpty {
            target = "/"
        } else if target.first == "?" {
            target = "/" + target
        }
        if authority.contains("@") { throw .notSent("the URL holds user info") }
        let host: Substring
        var portText: Substring?
        if authority.first == "[" {
            guard let close = authority.firstIndex(of: "]") else { throw .notSent("the URL's IPv6 host has no ]") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.first == ":" else { throw .notSent("the URL's host is malformed") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw .notSent("the URL has no host") }
        var port = secure ? 443 : 80
        if let portText {
            guard !portText.isEmpty, portText.utf8.count <= 5, portText.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                let number = Int(portText), (1...65_535).contains(number)
            else { throw .notSent("the URL's port is not a number from 1 to 65535") }
            port = number
        }
        return (HTTPOrigin(secure: secure, host: host.lowercased(), port: port), target)
    }
}
