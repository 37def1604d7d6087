import Foundation

extension Page {
    /// Writes a PNG of the whole page (beyond the 1280×900 window when the content is longer) to `path`, creating
    /// its folder; returns the PNG's bytes.
    @discardableResult
    public func screenshot(to path: String, timeout: Duration = defaultTimeout) async throws -> Data {
        let metrics = try await send("Page.getLayoutMetrics", timeout: timeout)
        let size = metrics["cssContentSize"] ?? metrics["contentSize"]
        guard let width = size?["width"]?.number, let height = size?["height"]?.number else {
            throw BrowserError.unexpectedReply(method: "Page.getLayoutMetrics", reply: "\(metrics)")
        }
        let clip: JSONValue = [
            "x": 0, "y": 0, "width": .number(width.rounded(.up)), "height": .number(height.rounded(.up)), "scale": 1,
        ]
        let shot = try await send(
            "Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true, "clip": clip], timeout: timeout)
        guard let encoded = shot["data"]?.string, let png = Data(base64Encoded: encoded) else {
            throw BrowserError.unexpectedReply(method: "Page.captureScreenshot", reply: "no PNG data")
        }
        let file = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: file, options: .atomic)
        return png
    }
}
