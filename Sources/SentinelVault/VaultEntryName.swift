import SentinelCore

/// Entry names are typed on command lines (`--key NAME`) and shown in tables, so they are short and plain.
enum VaultEntryName {
    static let maximumLength = 64

    static func check(_ name: String) throws(SentinelError) {
        let bytes = Array(name.utf8)
        let allowed = bytes.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
        let startsWell = bytes.first.map { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") } ?? false
        guard allowed, startsWell, bytes.count <= maximumLength else {
            throw VaultError.make(
                .invalidInput, .invalidName,
                "\"\(name.prefix(80))\" cannot be a key name.",
                fix: [
                    "Use 1 to \(maximumLength) letters, digits, '.', '_' or '-', not starting with '-' or '.', "
                        + "e.g. binance-btc-grid.",
                    "One key per bot or strategy is the recommended practice, named after it.",
                ])
        }
    }
}
