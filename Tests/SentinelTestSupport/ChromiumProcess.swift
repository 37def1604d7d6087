import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A running headless Chromium: the process group it leads, and the throw-away folder that holds its profile, its
/// configuration and cache folders (so that its crash handler's database, named on that handler's command line,
/// is in it too) and its output (`chromium.log`, standard output and error together).
///
/// Ending it takes two sweeps: the process group (browser, zygotes, renderers, GPU and utility processes), and the
/// processes that left the group but name the folder (the crash handlers, which detach with `setsid`).
final class ChromiumProcess: Sendable {
    let process: ChildProcess
    let folder: URL
    /// The browser's DevTools WebSocket (`ws://127.0.0.1:PORT/devtools/browser/...`).
    let devToolsURL: String
    private let stopped = Mutex(false)

    private init(process: ChildProcess, folder: URL, devToolsURL: String) {
        self.process = process
        self.folder = folder
        self.devToolsURL = devToolsURL
    }

    /// The flags asked for, and two more: `--remote-allow-origins`, since WSClient sends `Origin: ws://127.0.0.1` on the
    /// upgrade, which Chromium refuses unless allowed (no web page can have that origin: theirs are http or https);
    /// `--hide-scrollbars`, so that screenshots show the page at its full 1280-pixel width, as a reader sees it.
    static func arguments(profile: URL) -> [String] {
        [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0",
            "--remote-allow-origins=ws://127.0.0.1", "--user-data-dir=\(profile.path)", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars", "--window-size=1280,900",
            "about:blank",
        ]
    }

    /// Starts `executable` in a process group of its own and waits until it prints `DevTools listening on ws://...`.
    static func start(executable: URL, timeout: Duration) async throws -> ChromiumProcess {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "sentinel-browser-\(UUID().uuidString)", isDirectory: true)
        let profile = folder.appendingPathComponent("profile", isDirectory: true)
        let logFile = folder.appendingPathComponent("chromium.log")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else {
            throw BrowserError.didNotStart(reason: "could not create \(logFile.path)", log: "")
        }
        let process: ChildProcess
        do {
            let log = try FileHandle(forWritingTo: logFile)
            defer { try? log.close() }
            let environment = ChildProcess.environment([
                "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
                "XDG_CACHE_HOME": folder.appendingPathComponent("cache").path,
            ])
            process = try ChildProcess(
                executable, arguments(profile: profile), environment: environment,
                output: .handle(log), error: .handle(log), newProcessGroup: true)
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw BrowserError.didNotStart(reason: "\(executable.path) could not be started: \(error)", log: "")
        }

        let deadline = ContinuousClock.now + timeout
        while true {
            let output = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
            if let url = devToolsAddress(in: output) {
                return ChromiumProcess(process: process, folder: folder, devToolsURL: url)
            }
            var failure: String?
            if !process.isRunning {
                failure = "\(executable.path) exited (status \(process.terminationStatus)) before it was ready"
            } else if ContinuousClock.now >= deadline {
                failure = "\(executable.path) printed no DevTools address within \(timeout)"
            } else if Task.isCancelled {
                failure = "the test was cancelled while \(executable.path) started"
            }
            if let failure {
                let unready = ChromiumProcess(process: process, folder: folder, devToolsURL: "")
                let log = unready.logTail()
                await unready.stop()
                throw BrowserError.didNotStart(reason: failure, log: log)
            }
            try? await Task.sleep(for: .milliseconds(25))
        }
    }

    /// The address on the `DevTools listening on ws://...` line of Chromium's output, once it is complete.
    static func devToolsAddress(in output: String) -> String? {
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            guard let range = line.range(of: "DevTools listening on ") else { continue }
            let address = line[range.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            if address.hasPrefix("ws://") { return address }
        }
        return nil
    }

    /// The last lines Chromium printed (for error messages).
    func logTail(lines: Int = 30) -> String {
        let output = (try? String(contentsOf: folder.appendingPathComponent("chromium.log"), encoding: .utf8)) ?? ""
        return output.split(separator: "\n").suffix(lines).joined(separator: "\n")
    }

    /// Ends the browser and everything it started, then deletes its folder: SIGKILL to the process group and to the
    /// detached helpers, until none is left (bounded: 5 s).
    func stop() async {
        guard stopped.withLock({ flag in defer { flag = true }; return !flag }) else { return }
        killEverything()
        process.waitUntilExit()
        // The helpers are orphans now, left for init to reap: wait until none of them runs.
        let gone = ContinuousClock.now + .seconds(5)
        while !ProcessTable.runningProcessIDs(inGroup: process.processIdentifier).isEmpty || !detachedHelpers.isEmpty,
            ContinuousClock.now < gone
        {
            killEverything()
            await Self.pause()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// For a browser nobody stopped (a test that forgot `close()`): SIGKILL to all of it and the folder deleted, now.
    func stopImmediately() {
        guard stopped.withLock({ flag in defer { flag = true }; return !flag }) else { return }
        killEverything()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    private func killEverything() {
        process.signalGroup(SIGKILL)
        for pid in detachedHelpers { kill(pid, SIGKILL) }
    }

    /// Live processes naming the folder on their command line (the profile or the crash database).
    private var detachedHelpers: [pid_t] { ProcessTable.processIDs(commandLineContaining: folder.path) }

    /// 25 ms, even in a cancelled task (where `Task.sleep` would return at once and the wait loops would spin).
    private static func pause() async {
        if Task.isCancelled {
            usleep(25_000)
        } else {
            try? await Task.sleep(for: .milliseconds(25))
        }
    }
}
