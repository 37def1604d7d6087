import Foundation
import SentinelTestSupport
import Testing

/// Runs the built `sentinel` executable as a user would and captures what it prints.
struct CLIRunner {
    struct Outcome {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        #if os(macOS)
            let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!.bundleURL
                .deletingLastPathComponent()
        #else
            let products = Bundle.main.bundleURL
        #endif
        return products.appendingPathComponent("sentinel")
    }

    /// Runs `sentinel` with `arguments`; `input`, when given, is what it reads on standard input (else /dev/null).
    /// Runs the command on a thread of its own: waiting for a child process must never block the Swift concurrency
    /// pool, which the in-process simulators that the child talks to need (on 2 cores it has 2 threads).
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) async throws
        -> Outcome
    {
        try await offPool { try runBlocking(executable, arguments, environment: environment, input: input) }
    }

    /// Runs `script` with bash (`-euo pipefail`) in `folder`, with the built `sentinel` first on PATH: the README's
    /// shell blocks as a user pastes them.
    static func shell(_ script: String, in folder: URL, environment: [String: String] = [:]) async throws -> Outcome {
        let path = executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "")
        return try await offPool {
            try runBlocking(
                URL(fileURLWithPath: "/bin/bash"), ["-euo", "pipefail", "-c", script],
                environment: environment.merging(["PATH": path]) { $1 }, input: nil, directory: folder)
        }
    }

    /// Runs blocking work (waiting for processes, sleeping between kills) on a thread of its own.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
        }
    }

    private static func runBlocking(
        _ program: URL, _ arguments: [String], environment: [String: String], input: String?, directory: URL? = nil
    ) throws -> Outcome {
        let out = Pipe()
        let err = Pipe()
        // Standard input from a file rather than a pipe: a command that exits before reading cannot SIGPIPE the tests.
        var inputFile: URL?
        var standardInput = ChildProcess.Stream.nullDevice
        if let input {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                "sentinel-stdin-\(UUID().uuidString)")
            try Data(input.utf8).write(to: file)
            standardInput = .handle(try FileHandle(forReadingFrom: file))
            inputFile = file
        }
        defer { inputFile.map { try? FileManager.default.removeItem(at: $0) } }
        let process = try ChildProcess(
            program, arguments, environment: ChildProcess.environment(environment), input: standardInput, output: .pipe(out),
            error: .pipe(err), directory: directory)
        let stdout = out.fileHandleForReading.readAllRetrying()
        let stderr = err.fileHandleForReading.readAllRetrying()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// A private temporary folder, removed when the value goes away.
final class TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("sentinel-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Writes a credentials file and returns its path.
    func credentials(_ object: [String: String], name: String = "keys.json") throws -> String {
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return try write(data, name: name)
    }

    /// Writes a file only its owner can read (0600), as Sentinel requires of files that hold secrets.
    func write(_ data: Data, name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try data.write(to: file)
        chmod(file.path, 0o600)
        return file.path
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}
