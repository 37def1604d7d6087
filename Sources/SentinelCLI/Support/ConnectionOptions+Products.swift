import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

extension ConnectionOptions {
    /// The products a question about the whole key must cover: `--product` alone when given; else every product of
    /// the vault entry (one unlock); else the one product a credentials file is used with.
    /// `asked` are the products to read, `notAsked` the key's other products the answer must not pretend to cover.
    func productsToAsk(_ wanted: (Product) -> Bool) throws(SentinelError) -> (asked: [Product], notAsked: [Product]) {
        if let product { return ([try Arguments.product(product)], []) }
        if let key, credentials == nil {
            let entry = try VaultAccess.entry(named: key, password)
            let candidates = entry.products.filter(wanted)
            // One --endpoint serves one product (each has its own host, and its own port on the simulator).
            if endpoint != nil, candidates.count > 1 { return ([candidates[0]], Array(candidates.dropFirst())) }
            return (candidates, [])
        }
        let offered = try exchange.map { (name) throws(SentinelError) in try Arguments.exchange(name).traits.products }
        return ([.spot], (offered ?? Product.allCases).filter { $0 != .spot })
    }
}
