/// A fixed set of member names, found by a member's bytes: each name's length and first eight bytes (as one integer)
/// are compared before its bytes are. Comparing each name's bytes in turn was a tenth of a Binance order's own cost.
struct JSONMemberNames: Sendable {
    private struct Key: Equatable {
        let count: Int
        let prefix: UInt64
    }

    private let keys: [Key]
    private let names: [[UInt8]]

    init(_ names: [String]) {
        self.names = names.map { Array($0.utf8) }
        self.keys = self.names.map { name in name.withUnsafeBufferPointer { Key(count: $0.count, prefix: Self.prefix($0[...])) } }
    }

    /// The position of `name` in the names given at `init`, or nil when it is none of them.
    func index(of name: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let key = Key(count: name.count, prefix: Self.prefix(name))
        for (index, candidate) in keys.enumerated() where candidate == key {
            if key.count <= 8 || names[index].elementsEqual(name) { return index }
        }
        return nil
    }

    /// The first eight bytes (fewer for a shorter name, zero-filled), little-endian.
    private static func prefix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes.prefix(8) {
            value |= UInt64(byte) << shift
            shift += 8
        }
        return value
    }
}
