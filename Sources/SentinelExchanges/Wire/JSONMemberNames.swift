/// A fixed set of member names, found by a member's bytes: only the names of the member's length are compared, each
/// first by its first eight bytes (as one integer), then byte by byte. Comparing every name's bytes in turn was a
/// tenth of a Binance order's own cost.
struct JSONMemberNames: Sendable {
    /// The names ordered by length; `starts[n]..<starts[n + 1]` are those of length `n`.
    private let names: [[UInt8]]
    private let prefixes: [UInt64]
    /// Each name's position in the list given at `init`.
    private let positions: [Int]
    private let starts: [Int]

    init(_ list: [String]) {
        let ordered = list.enumerated().map { (position: $0.offset, bytes: Array($0.element.utf8)) }
            .sorted { ($0.bytes.count, $0.position) < ($1.bytes.count, $1.position) }
        names = ordered.map(\.bytes)
        prefixes = ordered.map { entry in entry.bytes.withUnsafeBufferPointer { Self.prefix($0[...]) } }
        positions = ordered.map(\.position)
        let longest = ordered.last?.bytes.count ?? 0
        starts = (0...longest + 1).map { length in ordered.firstIndex { $0.bytes.count >= length } ?? ordered.count }
    }

    /// The position of `name` in the list given at `init`, or nil when it is none of them.
    func index(of name: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let length = name.count
        guard length + 1 < starts.count else { return nil }
        let prefix = Self.prefix(name)
        for entry in starts[length]..<starts[length + 1] where prefixes[entry] == prefix {
            if length <= 8 || names[entry].elementsEqual(name) { return positions[entry] }
        }
        return nil
    }

    /// The first eight bytes (fewer for a shorter name, zero-filled), little-endian.
    private static func prefix(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
        if bytes.count >= 8, let base = bytes.base.baseAddress {
            return UInt64(littleEndian: UnsafeRawPointer(base + bytes.startIndex).loadUnaligned(as: UInt64.self))
        }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes {
            value |= UInt64(byte) << shift
            shift += 8
        }
        return value
    }
}
