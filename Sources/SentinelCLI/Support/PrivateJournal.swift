import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// The order journal under SENTINEL_HOME, created 0600 in a private home before SQLite opens it (SQLite gives
/// its side files the same mode). Every command that may place an order opens it here.
enum PrivateJournal {
    static func open() throws(SentinelError) -> OrderJournal {
        let home = SentinelHome.path(environment: ProcessInfo.processInfo.environment)
        let path = OrderJournal.path(home: home)
        try SentinelHome.preparePrivateFile(path)
        return try OrderJournal(path: path)
    }
}
