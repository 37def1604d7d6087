import SentinelNet
import Testing

@Suite struct HTTPOriginTests {
    @Test(arguments: [
        ("https://api.binance.com/api/v3/order?symbol=BTCUSDT", true, "api.binance.com", 443, "/api/v3/order?symbol=BTCUSDT",
         "api.binance.com"),
        ("http://127.0.0.1:29500/api/v3/time", false, "127.0.0.1", 29500, "/api/v3/time", "127.0.0.1:29500"),
        ("https://API.Bybit.com", true, "api.bybit.com", 443, "/", "api.bybit.com"),
        ("http://localhost:80?x=1", false, "localhost", 80, "/?x=1", "localhost"),
        ("http://[::1]:8080/p", false, "::1", 8080, "/p", "[::1]:8080"),
        ("https://host:8443/", true, "host", 8443, "/", "host:8443"),
    ])
    func splitsAWellFormedURL(url: String, secure: Bool, host: String, port: Int, target: String, hostHeader: String)
        throws
    {
        let (origin, path) = try HTTPOrigin.split(url)
        #expect(origin.secure == secure)
        #expect(origin.host == host)
        #expect(origin.port == port)
        #expect(path == target)
        #expect(origin.hostHeader == hostHeader)
    }

    @Test(arguments: [
        "", "ftp://host/", "api.binance.com/api", "http://", "http:///path", "http://user:pass@host/",
        "http://host:0/", "http://host:65536/", "http://host:80a/", "http://host:/", "http://[::1/",
        "http://host/a b", "http://host/a\r\nX-Evil: 1", "http://host/a#fragment", "http://ho\u{7F}st/",
        "http://host:+80/", "http://host:٣/",
    ])
    func refusesAMalformedURLAsNotSent(url: String) {
        #expect(throws: TransportFailure.self) { try HTTPOrigin.split(url) }
        do {
            _ = try HTTPOrigin.split(url)
        } catch {
            #expect(!error.mayHaveArrived)
        }
    }

    @Test func tellsAddressesFromNames() throws {
        #expect(try HTTPOrigin.split("http://127.0.0.1/").origin.hostIsAddress)
        #expect(try HTTPOrigin.split("http://[::1]/").origin.hostIsAddress)
        #expect(try !HTTPOrigin.split("https://api.okx.com/").origin.hostIsAddress)
    }
}
