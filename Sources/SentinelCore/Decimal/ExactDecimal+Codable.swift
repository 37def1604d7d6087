extension ExactDecimal: Codable {
    /// Decodes from a JSON string (what exchanges send) or a JSON integer. JSON numbers with a fraction are refused
    /// because the decoder would already have turned them into binary floating point.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            do {
                self = try ExactDecimal(text)
            } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
            }
        } else if let integer = try? container.decode(Int64.self) {
            self.init(unchecked: Int128(integer), scale: 0)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a decimal string such as \"0.001\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
