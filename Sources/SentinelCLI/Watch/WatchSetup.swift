import Foundation
import Sentinel

/// Turns the command line into one `ActivityMonitor` per key: vault names (each with every product it is stored
/// for), or one key from `--key` or `--exchange` with `--credentials`.
struct WatchSetup {
    let connection: ConnectionOptions
    let names: [String]
    let policy: ActivityPolicy

    func monitors() throws(SentinelError) -> [(ActivityMonitor, String)] {
        let journal = try PrivateJournal.open()
        let home = SentinelHome.path(environment: ProcessInfo.processInfo.environment)
        let store = ActivityBaselineStore(folder: ActivityBaselineStore.folder(home: home))
        let configuration = ClientConfiguration(
            requestTimeoutMs: connection.timeoutMs, allowsInsecureHTTP: connection.insecureHTTP.allowed)
        var vaultNames = names
        if let key = connection.key { vaultNames.append(key) }
        if vaultNames.isEmpty {
            guard connection.exchange != nil else {
                throw .invalidInput(
                    "No key to watch.",
                    fix: [
                        "Name stored keys: sentinel watch NAME [NAME…] (see `sentinel vault list`).",
                        "Or a credentials file: sentinel watch --exchange binance --credentials FILE.",
                    ])
            }
            let (venue, credentials, _) = try connection.resolve()
            let key = WatchedKey(
                name: credentials.fingerprint, exchange: venue.exchange, products: [venue.product], storedAt: nil,
                isInVault: false)
            let client = try ExchangeRegistry.client(for: venue, credentials: credentials, configuration: configuration)
            return [
                (
                    ActivityMonitor(
                        key: key, fingerprint: credentials.fingerprint, clients: [client], journal: journal,
                        policy: policy, store: store),
                    "\(credentials.fingerprint) (\(venue.exchange.displayName))"
                )
            ]
        }
        guard connection.exchange == nil, connection.credentials == nil else {
            throw .invalidInput(
                "Vault names take the exchange and the key from the vault; --exchange and --credentials are for a key "
                    + "outside it.",
                fix: ["Use either NAME…, or --exchange X --credentials FILE."])
        }
        var monitors: [(ActivityMonitor, String)] = []
        for name in Array(Set(vaultNames)).sorted() {
            let entry = try VaultAccess.entry(named: name, connection.password)
            var products = entry.products
            // One --endpoint serves one product (each has its own host, and its own port on the simulator).
            if connection.endpoint != nil, products.count > 1 {
                Console.error(
                    "\(name): --endpoint serves one product; watching \(products[0]) only (not "
                        + products.dropFirst().map(\.rawValue).joined(separator: ", ") + ").")
                products = [products[0]]
            }
            var clients: [any ExchangeClient] = []
            for product in products {
                let venue = try connection.venue(of: entry, product: product)
                clients.append(try ExchangeRegistry.client(for: venue, credentials: entry.credentials, configuration: configuration))
            }
            let key = WatchedKey(
                name: name, exchange: entry.exchange, products: products,
                storedAt: Int64(entry.createdAt.timeIntervalSince1970 * 1000), isInVault: true)
            monitors.append(
                (
                    ActivityMonitor(
                        key: key, fingerprint: entry.fingerprint, clients: clients, journal: journal, policy: policy,
                        store: store),
                    "\(name) (\(entry.exchange.displayName))"
                ))
        }
        return monitors
    }
}
