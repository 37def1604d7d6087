import Foundation
import Testing

@testable import SentinelTestSupport

/// The page as seen, and the browser's end: a screenshot is a real PNG of the whole page, the dark scheme can be
/// emulated, and closing leaves no process or folder behind.
extension BrowserDriverTests {
    @Test func aScreenshotIsAFullPagePNG() async throws {
        try await withSiteAndPage { site, page in
            try await page.navigate(to: site)
            try await page.evaluate("document.body.style.height = '2000px'")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-shot-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("form.png").path
            let png = try await page.screenshot(to: path)
            let written = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(written == png)
            #expect(Array(written.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            // IHDR: width and height, big-endian, at bytes 16..<24.
            let bytes = Array(written)
            let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
            let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
            #expect(width == 1280)
            #expect(height > 2000, "the whole page, beyond the 900-pixel window")
        }
    }

    @Test func theDarkColorSchemeCanBeEmulated() async throws {
        try await withSiteAndPage { site, page in
            try await page.navigate(to: site)
            let background = "getComputedStyle(document.body).backgroundColor"
            #expect(try await page.evaluate(background) == "rgba(0, 0, 0, 0)")
            try await page.emulateColorScheme(.dark)
            #expect(try await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == true)
            #expect(try await page.evaluate(background) == "rgb(17, 17, 17)")
            try await page.emulateColorScheme(.light)
            #expect(try await page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") == false)
        }
    }

    @Test func closingEndsEveryBrowserProcessAndDeletesTheProfile() async throws {
        let browser = try await Browser.launch()
        let folder = browser.chromium.folder
        let process = browser.chromium.process
        let page = try await browser.newPage()
        #expect(try await page.evaluate("navigator.userAgent").string?.contains("HeadlessChrome") == true)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("profile").path))
        #expect(ProcessTable.processIDs(commandLineContaining: folder.path).count > 1, "the browser and its helpers run")
        #expect(ProcessTable.runningProcessIDs(inGroup: process.processIdentifier).count > 1)

        await browser.close()
        #expect(!process.isRunning)
        #expect(ProcessTable.runningProcessIDs(inGroup: process.processIdentifier).isEmpty)
        #expect(ProcessTable.processIDs(commandLineContaining: folder.path).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        await #expect(throws: BrowserError.self) { try await page.evaluate("1") }
    }
}
