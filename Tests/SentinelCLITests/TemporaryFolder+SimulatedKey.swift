import Foundation
import SentinelSimulator

extension TemporaryFolder {
    /// A credentials file (0600) for a key the simulator made, as a user would save it.
    func keyFile(_ key: SimulatedKey, name: String = "key.json") throws -> String {
        try write(Data(VaultSandbox.keyJSON(key.apiKey, key.secret, key.passphrase).utf8), name: name)
    }
}
