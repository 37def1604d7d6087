import SentinelCore

/// Every key the simulator has issued, by API key string.
struct KeyRegistry: Sendable {
    private(set) var keys: [String: SimulatedAPIKey] = [:]

    func key(_ apiKey: String) -> SimulatedAPIKey? { keys[apiKey] }

    mutating func add(_ key: SimulatedAPIKey) {
        keys[key.apiKey] = key
    }
}

/// A validated request for a new key (the admin API's `POST /keys`).
struct KeySpecification: Sendable {
    /// 9999-12-31T23:59:59.999Z: the latest expiry a key may have (client-supplied, so bounded).
    static let latestExpiry: Int64 = 253_402_300_799_999

    let exchange: ExchangeID
    let permissions: Set<KeyPermission>
    let ipWhitelist: [String]
    let expiresAt: Int64?
    let environment: EnvironmentKind
    let keyType: KeyType
    let publicKey: KeyMaterial?

    struct Invalid: Error, Equatable {
        let message: String
    }

    /// Checks every field and says exactly what is wrong.
    init(
        exchange: String, permissions: [String], ipWhitelist: [String], expiresAt: Int64?, environment: String,
        keyType: String, publicKey: String?
    ) throws(Invalid) {
        guard let exchangeID = ExchangeID(rawValue: exchange) else {
            throw Invalid(
                message: "unknown exchange \"\(exchange.prefix(40))\"; use one of "
                    + ExchangeID.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var granted = Set<KeyPermission>()
        for name in permissions {
            guard let permission = KeyPermission(rawValue: name) else {
                throw Invalid(
                    message: "unknown permission \"\(name.prefix(40))\"; use "
                        + KeyPermission.allCases.map(\.rawValue).joined(separator: ", "))
            }
            granted.insert(permission)
        }
        for address in ipWhitelist where !IPAddressText.isValid(address) {
            throw Invalid(message: "\"\(address.prefix(60))\" in ipWhitelist is not an IPv4 or IPv6 address")
        }
        if let expiresAt, !(1...Self.latestExpiry).contains(expiresAt) {
            throw Invalid(
                message: "expiresAt must be milliseconds since 1970, between 1 and \(Self.latestExpiry) (year 9999)")
        }
        guard let environmentKind = EnvironmentKind(rawValue: environment) else {
            throw Invalid(message: "unknown environment \"\(environment.prefix(40))\"; use live, testnet or demo")
        }
        let traits = exchangeID.traits
        guard traits.environments.values.contains(where: { $0.contains(environmentKind) }) else {
            throw Invalid(message: "\(exchangeID.displayName) has no \(environmentKind) environment")
        }
        guard let type = KeyType(rawValue: keyType) else {
            throw Invalid(message: "unknown keyType \"\(keyType.prefix(40))\"; use hmac, ed25519 or rsa")
        }
        guard traits.keyTypes.contains(type) else {
            throw Invalid(
                message: "\(exchangeID.displayName) does not take \(type) keys; it takes "
                    + KeyType.allCases.filter(traits.keyTypes.contains).map(\.rawValue).joined(separator: ", "))
        }
        var material: KeyMaterial?
        switch (type, publicKey) {
        case (.hmac, nil):
            material = nil
        case (.hmac, .some):
            throw Invalid(message: "publicKey is only for ed25519 and rsa keys; an hmac key's secret is issued by the simulator")
        case (_, nil):
            throw Invalid(message: "a \(type) key needs publicKey: the PEM public key of your key pair")
        case (_, .some(let pem)):
            do throws(KeyMaterial.PublicKeyError) {
                material = try KeyMaterial.publicKey(pem: pem, type: type)
            } catch {
                switch error {
                case .notPEM:
                    throw Invalid(message: "publicKey is not a PEM public key (-----BEGIN PUBLIC KEY-----)")
                case .wrongKind(let reason):
                    throw Invalid(message: "publicKey: \(reason)")
                }
            }
        }
        self.exchange = exchangeID
        self.permissions = granted
        self.ipWhitelist = ipWhitelist
        self.expiresAt = expiresAt
        self.environment = environmentKind
        self.keyType = type
        self.publicKey = material
    }
}

/// Textual IP address validation, enough to refuse typos in a whitelist.
enum IPAddressText {
    static func isValid(_ text: String) -> Bool {
        isIPv4(text) || isIPv6(text)
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4
            && parts.allSatisfy { part in
                !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber)
                    && (Int(part) ?? 256) <= 255
            }
    }

    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":"), text.count <= 45 else { return false }
        return text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
}
