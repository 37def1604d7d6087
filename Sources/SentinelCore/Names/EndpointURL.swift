/// A custom base URL that replaces an exchange's host (`--endpoint`, a vault entry's endpoint), parsed and checked
/// in one place before any key is sent to it.
///
/// The rules, because the API key header and a replayable signature travel with every request:
/// - `https://` for any host;
/// - plain `http://` only for this machine — `localhost`, `127.0.0.0/8` written as four decimal numbers, `[::1]` —
///   decided by parsing the host as an address, never by its prefix (`127.example.com` is a public name);
/// - plain `http://` to any other host only when the caller passes `allowInsecureHTTP` (the CLI's
///   `--insecure-http`), since anyone on the path can then read the key and replay the signed requests;
/// - no user information (`http://127.0.0.1:1@192.0.2.2:2` goes to 192.0.2.2), no query or fragment, no
///   whitespace or control characters; numeric hosts only in their canonical form (`0177.0.0.1`, `127.1` and
///   `2130706433` are refused rather than guessed at).
public struct EndpointURL: Sendable, Hashable, CustomStringConvertible {
    public enum Scheme: String, Sendable {
        case http, https
    }

    public let scheme: Scheme
    /// The host as written, lowercased; an IPv6 address without its brackets.
    public let host: String
    public let port: Int?
    /// The path after the authority, without a trailing slash ("" for none).
    public let path: String
    /// True when the host is this machine (loopback), parsed as an address.
    public let isLoopback: Bool

    /// Parses and checks `text`; throws `SentinelError.invalidInput` saying what is wrong and what to do.
    public init(_ text: String, allowInsecureHTTP: Bool = false) throws(SentinelError) {
        guard text.utf8.count <= 2048 else { throw Self.invalid(text, "it is longer than 2048 characters") }
        guard !text.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F || $0.value > 0x7E }) else {
            throw Self.invalid(text, "it contains spaces, control or non-ASCII characters")
        }
        let lower = text.lowercased()
        let scheme: Scheme
        let rest: Substring
        if lower.hasPrefix("https://") {
            scheme = .https
            rest = text.dropFirst(8)
        } else if lower.hasPrefix("http://") {
            scheme = .http
            rest = text.dropFirst(7)
        } else {
            throw Self.invalid(text, "it does not start with https:// (or http:// for this machine)")
        }
        guard !rest.contains("?"), !rest.contains("#") else {
            throw Self.invalid(text, "a base URL has no query (?) or fragment (#)")
        }
        let authority = rest.prefix { $0 != "/" }
        var path = String(rest.dropFirst(authority.count))
        while path.hasSuffix("/") { path.removeLast() }
        guard !authority.contains("@") else {
            throw SentinelError.invalidInput(
                "The endpoint has user information before an @: requests would go to the host after the @, not the "
                    + "one it seems to name.",
                fix: [
                    "Write the endpoint as scheme://host[:port][/path], e.g. http://127.0.0.1:8900.",
                    "Credentials never belong in a URL; Sentinel sends the key in the exchange's own headers.",
                ])
        }
        guard !path.contains("\\"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else {
            throw Self.invalid(text, "the path has \\, . or .. segments")
        }
        let (hostText, portText) = try Self.splitHostAndPort(authority, text: text)
        var port: Int?
        if let portText {
            guard !portText.isEmpty, portText.count <= 5, portText.allSatisfy(\.isASCIIDigit),
                let value = Int(portText), (1...65_535).contains(value)
            else { throw Self.invalid(text, "the port must be a number from 1 to 65535") }
            port = value
        }
        let host = hostText.lowercased()
        let isLoopback: Bool
        if host.contains(":") {
            guard let words = Self.ipv6Words(host) else { throw Self.invalid(text, "\"\(host)\" is not an IPv6 address") }
            isLoopback = words == [0, 0, 0, 0, 0, 0, 0, 1]
        } else if let octets = Self.ipv4Octets(host) {
            isLoopback = octets[0] == 127
        } else {
            guard Self.isHostName(host) else {
                throw Self.invalid(
                    text,
                    host.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "x" })
                        ? "a numeric host must be four decimal numbers from 0 to 255 (e.g. 127.0.0.1)"
                        : "\"\(host.prefix(80))\" is not a host name")
            }
            isLoopback = host == "localhost"
        }
        if scheme == .http, !isLoopback, !allowInsecureHTTP {
            throw SentinelError.invalidInput(
                "Refusing plain http:// to \(host), which is not this machine: the API key and a signature that can "
                    + "be replayed would cross the network unencrypted.",
                fix: [
                    "Use https:// for any host other than this machine.",
                    "Plain http:// is for the local simulator: http://127.0.0.1:PORT, http://localhost:PORT or "
                        + "http://[::1]:PORT.",
                    "Only if you accept that anyone on the network path can read and reuse the key: add "
                        + "--insecure-http.",
                ])
        }
        self.scheme = scheme
        self.host = host
        self.port = port
        self.path = path
        self.isLoopback = isLoopback
    }

    /// The base URL in canonical form: lowercase scheme and host, brackets around IPv6, no trailing slash.
    public var url: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(scheme.rawValue)://\(shownHost)\(port.map { ":\($0)" } ?? "")\(path)"
    }

    /// True when requests go over plain HTTP to another machine (allowed only with `allowInsecureHTTP`).
    public var isInsecureRemote: Bool { scheme == .http && !isLoopback }

    public var description: String { url }

    /// True for `localhost`, `::1` (with or without brackets) and `127.0.0.0/8` written as four decimal numbers.
    public static func isLoopbackHost(_ host: String) -> Bool {
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        if bare == "localhost" { return true }
        if bare.contains(":") { return ipv6Words(bare) == [0, 0, 0, 0, 0, 0, 0, 1] }
        return ipv4Octets(bare)?.first == 127
    }

    // MARK: Parsing

    private static func splitHostAndPort(_ authority: Substring, text: String) throws(SentinelError)
        -> (Substring, Substring?)
    {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw invalid(text, "the [ of an IPv6 host is not closed") }
            let host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty { return (host, nil) }
            guard after.hasPrefix(":") else { throw invalid(text, "unexpected text after the IPv6 host") }
            return (host, after.dropFirst())
        }
        guard !authority.isEmpty else { throw invalid(text, "it has no host") }
        let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts[0].isEmpty else { throw invalid(text, "it has no host") }
        if parts.count == 2, parts[1].contains(":") {
            throw invalid(text, "an IPv6 host must be written in brackets, e.g. http://[::1]:8900")
        }
        return (parts[0], parts.count == 2 ? parts[1] : nil)
    }

    /// Four decimal numbers 0...255 without leading zeros, or nil.
    static func ipv4Octets(_ host: String) -> [Int]? {
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [Int] = []
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCIIDigit), part.count == 1 || part.first != "0",
                let value = Int(part), value <= 255
            else { return nil }
            octets.append(value)
        }
        return octets
    }

    /// The eight 16-bit words of an IPv6 address (`::` compression allowed, no zone, no embedded IPv4), or nil.
    static func ipv6Words(_ host: String) -> [UInt16]? {
        guard !host.contains("%"), host.count <= 39 else { return nil }
        let halves = host.components(separatedByDoubleColon: ())
        func words(_ text: Substring) -> [UInt16]? {
            if text.isEmpty { return [] }
            var result: [UInt16] = []
            for group in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(group.count), let value = UInt16(group, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        switch halves.count {
        case 1:
            guard let all = words(halves[0]), all.count == 8 else { return nil }
            return all
        case 2:
            guard let head = words(halves[0]), let tail = words(halves[1]), head.count + tail.count <= 7 else {
                return nil
            }
            return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        default:
            return nil
        }
    }

    /// Letters, digits, `-` and `.` in labels of 1...63, not all-numeric in the last label.
    static func isHostName(_ host: String) -> Bool {
        guard (1...253).contains(host.count) else { return false }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard (1...63).contains(label.count), label.first != "-", label.last != "-",
                label.allSatisfy({ $0.isASCIIDigit || ("a"..."z").contains($0) || $0 == "-" })
            else { return false }
        }
        guard let last = labels.last, !last.allSatisfy(\.isASCIIDigit) else { return false }
        return !host.hasPrefix("0x")
    }

    /// The text for an error message; one with an @ may carry a password, so it is not repeated.
    private static func shown(_ text: String) -> String {
        text.contains("@") ? "(not shown: it contains an @)" : String(text.prefix(120))
    }

    private static func invalid(_ text: String, _ reason: String) -> SentinelError {
        .invalidInput(
            "\"\(shown(text))\" is not a usable base URL: \(reason).",
            fix: [
                "Give a base URL such as https://api.example.com or, for the local simulator, http://127.0.0.1:8900."
            ])
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension String {
    /// Splits at every `::` (an IPv6 address has at most one).
    fileprivate func components(separatedByDoubleColon _: Void) -> [Substring] {
        var parts: [Substring] = []
        var start = startIndex
        var index = startIndex
        while index < endIndex {
            let next = self.index(after: index)
            if self[index] == ":", next < endIndex, self[next] == ":" {
                parts.append(self[start..<index])
                start = self.index(after: next)
                index = start
                continue
            }
            index = next
        }
        parts.append(self[start...])
        return parts
    }
}
