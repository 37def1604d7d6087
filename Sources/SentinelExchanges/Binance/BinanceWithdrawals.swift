#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading Binance's withdrawal history: its UTC time text and its status numbers.
enum BinanceWithdrawals {
    /// `2019-10-12 11:12:02` (UTC) as Unix milliseconds; nil for anything else.
    static func milliseconds(utc text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: " "), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":")
        else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1970...9999).contains(year), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
            second < 61
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Int64(timegm(&parts)) * 1000
    }

    /// Binance's status numbers in words (binance.md is silent; these are the wallet API's documented values).
    static func status(_ code: Int64) -> String {
        switch code {
        case 0: "email sent"
        case 1: "cancelled"
        case 2: "awaiting approval"
        case 3: "rejected"
        case 4: "processing"
        case 5: "failure"
        case 6: "completed"
        default: "status \(code)"
        }
    }
}
