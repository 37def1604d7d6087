extension Page {
    /// The colour scheme the page is told the system prefers (`prefers-color-scheme`), for checking and
    /// photographing both the light and the dark look.
    public enum ColorScheme: String, Sendable {
        case light, dark
    }

    /// Makes the page see `scheme` as the system's preference, until changed again.
    public func emulateColorScheme(_ scheme: ColorScheme, timeout: Duration = defaultTimeout) async throws {
        try await send(
            "Emulation.setEmulatedMedia",
            ["features": [["name": "prefers-color-scheme", "value": .string(scheme.rawValue)]]], timeout: timeout)
    }
}
