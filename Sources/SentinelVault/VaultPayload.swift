import Foundation
import SentinelCore

/// The encrypted content of the vault: the entries as tagged fields, so that a later version can add fields an
/// older one skips. Secrets go from `SecretText` bytes into the buffer and back without becoming strings.
///
/// ```
/// u16 payload version (1) · u32 entry count · entries · zero padding to a multiple of 256 bytes
/// entry: u32 length, then fields: u8 tag · u32 length · bytes
/// ```
/// The padding hides the exact length of the secrets from someone who sees only the file's size.
enum VaultPayload {
    static let version: UInt16 = 1
    static let paddingBlock = 256

    enum Tag: UInt8 {
        case name = 1, exchange, products, environment, customEndpoint, keyType, apiKey, secret, passphrase, label
        case createdAt, expiresAt, lastVerifiedAt
    }

    static func encode(_ entries: [VaultEntry]) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(version)
        writer.append(UInt32(entries.count))
        for entry in entries {
            var record = ByteWriter()
            field(.name, Array(entry.name.utf8), &record)
            field(.exchange, Array(entry.exchange.rawValue.utf8), &record)
            field(.products, Array(entry.products.map(\.rawValue).joined(separator: ",").utf8), &record)
            field(.environment, Array(entry.environment.kind.rawValue.utf8), &record)
            if let endpoint = entry.environment.customEndpoint { field(.customEndpoint, Array(endpoint.utf8), &record) }
            field(.keyType, Array(entry.keyType.rawValue.utf8), &record)
            field(.apiKey, Array(entry.apiKey.utf8), &record)
            entry.secret.withRevealedBytes { field(.secret, $0, &record) }
            entry.passphrase?.withRevealedBytes { field(.passphrase, $0, &record) }
            if let label = entry.label { field(.label, Array(label.utf8), &record) }
            field(.createdAt, milliseconds(entry.createdAt), &record)
            if let date = entry.expiresAt { field(.expiresAt, milliseconds(date), &record) }
            if let date = entry.lastVerifiedAt { field(.lastVerifiedAt, milliseconds(date), &record) }
            writer.append(UInt32(record.bytes.count))
            writer.append(raw: record.bytes)
            record.wipe()
        }
        let padding = (paddingBlock - writer.bytes.count % paddingBlock) % paddingBlock
        writer.append(raw: [UInt8](repeating: 0, count: padding))
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], location: VaultLocation) throws(SentinelError) -> [VaultEntry] {
        var reader = ByteReader(bytes)
        guard let payloadVersion = reader.uint16(), let count = reader.uint32() else { throw damaged(location) }
        if payloadVersion > version { throw VaultError.newerVersion(payloadVersion, location) }
        var entries: [VaultEntry] = []
        for _ in 0..<count {
            guard let length = reader.uint32(), var record = reader.take(Int(length)) else { throw damaged(location) }
            defer { for index in record.indices { record[index] = 0 } }
            entries.append(try entry(from: record, location: location))
        }
        guard let rest = reader.take(reader.remaining), rest.allSatisfy({ $0 == 0 }) else { throw damaged(location) }
        return entries
    }

    private static func entry(from record: [UInt8], location: VaultLocation) throws(SentinelError) -> VaultEntry {
        var fields: [Tag: [UInt8]] = [:]
        var reader = ByteReader(record)
        while reader.remaining > 0 {
            guard let tag = reader.uint8(), let length = reader.uint32(), let value = reader.take(Int(length)) else {
                throw damaged(location)
            }
            if let known = Tag(rawValue: tag) { fields[known] = value }
        }
        func text(_ tag: Tag) -> String? { fields[tag].map { String(decoding: $0, as: UTF8.self) } }
        guard let name = text(.name), let exchangeName = text(.exchange), let productList = text(.products),
            let environmentName = text(.environment), let keyTypeName = text(.keyType), let apiKey = text(.apiKey),
            let secret = fields[.secret], let created = fields[.createdAt].flatMap(date)
        else { throw damaged(location) }
        guard let exchange = ExchangeID(rawValue: exchangeName),
            let environmentKind = EnvironmentKind(rawValue: environmentName),
            let keyType = KeyType(rawValue: keyTypeName)
        else {
            throw VaultError.make(
                .unsupported, .newerVersion,
                "The key \"\(name)\" uses an exchange, environment or key type this Sentinel does not know "
                    + "(\(exchangeName), \(environmentName), \(keyTypeName)): it was added by a newer Sentinel.",
                fix: ["Upgrade Sentinel to the version that added the key, or newer."])
        }
        var products: [Product] = []
        for productName in productList.split(separator: ",") {
            guard let product = Product(rawValue: String(productName)) else { throw damaged(location) }
            products.append(product)
        }
        let credentials = Credentials(
            apiKey: apiKey, secret: SecretText(bytes: secret),
            passphrase: fields[.passphrase].map(SecretText.init(bytes:)),
            keyType: keyType)
        return VaultEntry(
            name: name, exchange: exchange, products: products,
            environment: Environment(environmentKind, customEndpoint: text(.customEndpoint)), credentials: credentials,
            label: text(.label), createdAt: created, expiresAt: fields[.expiresAt].flatMap(date),
            lastVerifiedAt: fields[.lastVerifiedAt].flatMap(date))
    }

    private static func field(_ tag: Tag, _ value: [UInt8], _ writer: inout ByteWriter) {
        writer.append(tag.rawValue)
        writer.append(UInt32(value.count))
        writer.append(raw: value)
    }

    private static func milliseconds(_ date: Date) -> [UInt8] {
        var writer = ByteWriter()
        writer.append(Int64((date.timeIntervalSince1970 * 1000).rounded()))
        return writer.bytes
    }

    private static func date(_ bytes: [UInt8]) -> Date? {
        var reader = ByteReader(bytes)
        return reader.int64().map { Date(timeIntervalSince1970: Double($0) / 1000) }
    }

    /// Authenticated but unreadable: only a bug or a hand-made file gets here.
    private static func damaged(_ location: VaultLocation) -> SentinelError {
        VaultError.damaged(
            .corrupted, "The vault decrypted, but its contents are not in the expected layout.", location)
    }
}
