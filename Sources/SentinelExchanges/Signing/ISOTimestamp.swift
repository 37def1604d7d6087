/// ISO-8601 UTC with milliseconds and `Z` (`2020-12-08T09:08:57.715Z`), computed without locale or calendar
/// objects so that it is exact and fast.
enum ISOTimestamp {
    static func milliseconds(_ epochMs: Int64) -> String {
        let (seconds, millis) = epochMs.quotientAndRemainder(dividingBy: 1000)
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        guard (0...9999).contains(y), millis >= 0, secondOfDay >= 0 else {
            return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(secondOfDay / 3600, 2) + ":"
                + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2) + "." + pad(millis, 3) + "Z"
        }
        // `yyyy-MM-ddTHH:mm:ss.SSSZ` written in place, two digits at a time: OKX signs one per request, and the
        // joined pieces cost more than the HMAC (a loop over a table of fields, one digit at a time, still cost a
        // fortieth of an OKX order).
        let (hour, minute, second) = (Int(secondOfDay / 3600), Int(secondOfDay % 3600 / 60), Int(secondOfDay % 60))
        return String(unsafeUninitializedCapacity: 24) { out in
            func two(_ value: Int, at index: Int) {
                out[index] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10)
                out[index + 1] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10)
            }
            two(Int(y) / 100, at: 0)
            two(Int(y) % 100, at: 2)
            out[4] = UInt8(ascii: "-")
            two(Int(m), at: 5)
            out[7] = UInt8(ascii: "-")
            two(Int(d), at: 8)
            out[10] = UInt8(ascii: "T")
            two(hour, at: 11)
            out[13] = UInt8(ascii: ":")
            two(minute, at: 14)
            out[16] = UInt8(ascii: ":")
            two(second, at: 17)
            out[19] = UInt8(ascii: ".")
            out[20] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: millis / 100)
            two(Int(millis % 100), at: 21)
            out[23] = UInt8(ascii: "Z")
            return 24
        }
    }

    /// Howard Hinnant's days-to-civil algorithm, for dates from 1970 on.
    static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
