import SentinelCore
import SentinelExchanges
import SentinelNet

extension DoctorRun {
    /// Balances (and positions on derivatives) read back.
    mutating func readTest() async -> DoctorCheck {
        if keyRefused { return DoctorCheck(.readTest, .skip, "Not run: the key was refused.") }
        guard let client else { return DoctorCheck(.readTest, .skip, "No client.") }
        do {
            let balances = try await client.balances()
            var evidence = ["assets with a balance": String(balances.count)]
            for balance in balances.prefix(4) { evidence[balance.asset] = "\(balance.free) free, \(balance.locked) locked" }
            if venue.product != .spot {
                evidence["open positions"] = String(try await client.positions().count)
            }
            return DoctorCheck(.readTest, .pass, "Balances read: \(balances.count) assets.", evidence: evidence)
        } catch {
            return DoctorCheck.from(.readTest, .fail, error)
        }
    }

    /// The connection is dropped and the client recovers: the next requests succeed.
    func reconnectTest() async -> DoctorCheck {
        if keyRefused { return DoctorCheck(.reconnectTest, .skip, "Not run: the key was refused.") }
        guard let client else { return DoctorCheck(.reconnectTest, .skip, "No client.") }
        let how: String
        do {
            if let inject = environment.injectConnectionReset {
                try await inject()
                how = "the server reset the connection"
            } else {
                await client.dropConnections()
                how = "the client's connections were closed"
            }
        } catch {
            return DoctorCheck(.reconnectTest, .warn, "The connection could not be dropped for the test.")
        }
        let started = environment.now()
        do {
            _ = try await client.serverTime()
            _ = try await client.balances()
            let elapsed = environment.now() - started
            return DoctorCheck(
                .reconnectTest, .pass, "After the drop (\(how)) the client reconnected and the next requests succeeded.",
                evidence: ["recovered in": "\(elapsed) ms"])
        } catch {
            return DoctorCheck.from(
                .reconnectTest, .fail, error, summary: "After the drop (\(how)) the client did not recover.")
        }
    }
}
