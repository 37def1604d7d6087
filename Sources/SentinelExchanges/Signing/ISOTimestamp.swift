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
        // `yyyy-MM-ddTHH:mm:ss.SSSZ` written in place: OKX signs one per request, and the joined pieces cost more
        // than the HMAC.
        let fields: [(value: Int64, width: Int, then: UInt8)] = [
            (y, 4, UInt8(ascii: "-")), (m, 2, UInt8(ascii: "-")), (d, 2, UInt8(ascii: "T")),
            (secondOfDay / 3600, 2, UInt8(ascii: ":")), (secondOfDay % 3600 / 60, 2, UInt8(ascii: ":")),
            (secondOfDay % 60, 2, UInt8(ascii: ".")), (millis, 3, UInt8(ascii: "Z")),
        ]
        return String(unsafeUninitializedCapacity: 24) { out in
            var index = 0
            for field in fields {
                var value = field.value
                for position in stride(from: index + field.width - 1, through: index, by: -1) {
                    out[position] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
                out[index + field.width] = field.then
                index += field.width + 1
            }
            return index
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
