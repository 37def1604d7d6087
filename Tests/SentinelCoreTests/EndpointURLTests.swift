import Testing
@testable import SentinelCore

/// Issue 17, finding 2: a key goes over plain HTTP only to this machine; hosts are parsed as addresses, not
/// matched by prefix, and user information is refused.
@Suite struct EndpointURLTests {
    @Test(arguments: [
        "http://127.0.0.1:8900", "http://127.255.1.2", "http://localhost:8900", "http://LOCALHOST:1/base/",
        "http://[::1]:8999", "http://[0:0:0:0:0:0:0:1]:80", "HTTP://127.0.0.1:8900",
    ])
    func plainHTTPToThisMachineIsAccepted(_ text: String) throws {
        let endpoint = try EndpointURL(text)
        #expect(endpoint.isLoopback)
        #expect(!endpoint.isInsecureRemote)
    }

    @Test(arguments: [
        "http://127.example.com", "http://127.0.0.1.nip.io:8900", "http://192.0.2.2:8900", "http://example.com",
        "http://[::2]", "http://localhost.example.com", "http://10.0.0.1",
    ])
    func plainHTTPElsewhereIsRefused(_ text: String) throws {
        #expect(throws: SentinelError.self) { try EndpointURL(text) }
        do {
            _ = try EndpointURL(text)
        } catch {
            #expect(error.diagnosis.fix.contains { $0.contains("--insecure-http") }, "the way out is named")
            #expect(error.diagnosis.cause.contains("not this machine"))
        }
        let allowed = try EndpointURL(text, allowInsecureHTTP: true)
        #expect(allowed.isInsecureRemote)
    }

    @Test(arguments: [
        "http://127.0.0.1:1@192.0.2.2:2", "https://user:secret@api.example.com", "http://@127.0.0.1",
        "http://127.0.0.1:8900@evil.example",
    ])
    func userInformationIsRefusedWithoutRepeatingIt(_ text: String) {
        do {
            _ = try EndpointURL(text, allowInsecureHTTP: true)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.diagnosis.cause.contains("user information"))
            #expect(!error.description.contains("secret"))
            #expect(!error.description.contains("192.0.2.2"))
        }
    }

    @Test(arguments: [
        "ftp://127.0.0.1", "127.0.0.1:8900", "http://", "http://0177.0.0.1", "http://127.1", "http://2130706433",
        "http://0x7f000001", "http://127.0.0.1:0", "http://127.0.0.1:65536", "http://127.0.0.1:80?x=1",
        "http://127.0.0.1#f", "http://127.0.0.1 :80", "http://127.0.0.1/a/../b", "http://[::1", "http://::1:80",
        "http://127.0.0.1:8900\n", "http://exa mple.com", "http://[::ffff:127.0.0.1]:80",
    ])
    func malformedEndpointsAreRefused(_ text: String) {
        #expect(throws: SentinelError.self, "\(text)") { try EndpointURL(text, allowInsecureHTTP: true) }
    }

    @Test func httpsIsAcceptedForAnyHostAndCanonicalised() throws {
        let endpoint = try EndpointURL("HTTPS://API.Example.com:8443/v5/")
        #expect(endpoint.url == "https://api.example.com:8443/v5")
        #expect(!endpoint.isLoopback && !endpoint.isInsecureRemote)
        #expect(try EndpointURL("http://[::1]:8999/").url == "http://[::1]:8999")
    }

    @Test func loopbackHostsAreParsedAsAddresses() {
        #expect(EndpointURL.isLoopbackHost("127.0.0.1"))
        #expect(EndpointURL.isLoopbackHost("[::1]"))
        #expect(EndpointURL.isLoopbackHost("::1"))
        #expect(!EndpointURL.isLoopbackHost("127.example.com"))
        #expect(!EndpointURL.isLoopbackHost("0127.0.0.1"))
        #expect(!EndpointURL.isLoopbackHost("127.0.0.1.example.com"))
    }
}
