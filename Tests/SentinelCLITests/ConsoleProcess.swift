import Foundation
import SentinelTestSupport
import Testing

/// `sentinel console` as a separate process, as a user starts it: its printed link, port and (with
/// `--simulator`) the simulator's admin API.
final class ConsoleProcess: @unchecked Sendable {
    let process: ChildProcess
    let link: String
    let port: Int
    let token: String
    let adminURL: String?
    let home: TemporaryFolder
    /// The vault file the console printed (a temporary one for `demo --console`).
    let vaultFile: String
    private let out: Pipe
    private let err: Pipe

    private init(
        process: ChildProcess, link: String, adminURL: String?, home: TemporaryFolder, vaultFile: String, out: Pipe,
        err: Pipe
    ) {
        self.vaultFile = vaultFile
        self.process = process
        self.link = link
        self.adminURL = adminURL
        self.home = home
        self.out = out
        self.err = err
        let components = URLComponents(string: link)!
        port = components.port!
        token = components.queryItems!.first { $0.name == "token" }!.value!
    }

    /// Starts `sentinel console` (plus `arguments`) with a fresh SENTINEL_HOME and a weak KDF; blocking, so call it
    /// from `CLIRunner.offPool`.
    static func start(
        _ arguments: [String] = ["--simulator"], command: [String] = ["console"], environment: [String: String] = [:]
    ) throws -> ConsoleProcess {
        let home = try TemporaryFolder()
        let out = Pipe()
        let err = Pipe()
        let process = try ChildProcess(
            CLIRunner.executable, command + arguments,
            environment: ChildProcess.environment(
                ["SENTINEL_HOME": home.url.path, "SENTINEL_TEST_ONLY_WEAK_KDF": "1"].merging(environment) { $1 }),
            output: .pipe(out), error: .pipe(err))
        var text = ""
        let wanted =
            command.contains("--console") ? "Demo:" : arguments.contains("--simulator") ? "Simulator:" : "Ctrl-C"
        while !text.contains(wanted) || !text.hasSuffix("\n") {
            let chunk = out.fileHandleForReading.readChunkRetrying()
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Sentinel console: ") }) else {
            process.waitUntilExit()
            let stderr = String(decoding: err.fileHandleForReading.readAllRetrying(), as: UTF8.self)
            throw ConsoleStartFailure(description: "sentinel console did not print its link: \(text) \(stderr)")
        }
        let vault = text.split(separator: "\n").first { $0.hasPrefix("Vault: ") }.map {
            String($0.dropFirst("Vault: ".count).prefix { $0 != " " })
        }
        let admin = text.split(separator: "\n").first { $0.hasPrefix("Simulator: admin API ") }.map {
            String($0.dropFirst("Simulator: admin API ".count).prefix { $0 != ";" })
        }
        return ConsoleProcess(
            process: process, link: String(line.dropFirst("Sentinel console: ".count)), adminURL: admin, home: home,
            vaultFile: vault ?? "", out: out, err: err)
    }

    struct ConsoleStartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// Sends SIGINT and waits; the exit status and what it printed on stderr afterwards. Blocking.
    func interrupt() -> (status: Int32, stderr: String) {
        process.interrupt()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: err.fileHandleForReading.readAllRetrying(), as: UTF8.self))
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
    }
}
