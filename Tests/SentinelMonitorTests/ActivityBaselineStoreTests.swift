import Foundation
import SentinelCore
import SentinelMonitor
import Testing

@Suite struct ActivityBaselineStoreTests {
    static func folder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-watch-\(UUID().uuidString)").path
    }

    static let baseline = ActivityBaseline(
        observedAt: 5, withdraw: false, transfer: true, reportedPermissions: ["a"], ipRestricted: true,
        ipWhitelist: ["127.0.0.1"], balances: ["spot/USDT": "10"], withdrawalIDs: ["w"], sentinelOrdersOpen: false)

    @Test func aBaselineRoundTripsInAPrivateFile() throws {
        let store = ActivityBaselineStore(folder: Self.folder())
        defer { try? FileManager.default.removeItem(atPath: store.folder) }
        let key = WatchedKey(name: "main/../x", exchange: .okx, products: [.spot], storedAt: nil, isInVault: true)
        #expect(store.load(key, fingerprint: "abcd…wxyz") == nil)
        try store.save(Self.baseline, for: key, fingerprint: "abcd…wxyz")
        #expect(store.load(key, fingerprint: "abcd…wxyz") == Self.baseline)
        let files = try FileManager.default.contentsOfDirectory(atPath: store.folder)
        #expect(files == ["okx-main_.._x.json"], "a name cannot leave the folder")
        let mode = try FileManager.default.attributesOfItem(atPath: store.folder + "/" + files[0])[.posixPermissions]
        #expect((mode as? NSNumber)?.intValue == 0o600)
    }

    @Test func aDamagedFileIsAFirstPoll() throws {
        let store = ActivityBaselineStore(folder: Self.folder())
        defer { try? FileManager.default.removeItem(atPath: store.folder) }
        let key = WatchedKey(name: "k", exchange: .bybit, products: [.spot], storedAt: nil, isInVault: false)
        try store.save(Self.baseline, for: key, fingerprint: "f1")
        let path = store.folder + "/bybit-f1.json"
        for damage in ["", "{", "[]", "{\"observedAt\": \"x\"}", String(repeating: "\u{0}", count: 40)] {
            try Data(damage.utf8).write(to: URL(fileURLWithPath: path))
            #expect(store.load(key, fingerprint: "f1") == nil, "\(damage.prefix(10))")
        }
    }

    @Test func anUnwritableFolderIsAnErrorWithAFix() {
        let store = ActivityBaselineStore(folder: "/proc/sentinel-cannot-write-here")
        let key = WatchedKey(name: "k", exchange: .bybit, products: [.spot], storedAt: nil, isInVault: true)
        #expect(throws: SentinelError.self) { try store.save(Self.baseline, for: key, fingerprint: "f") }
    }
}
