import Foundation
import SentinelCore
import SentinelVault
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drives the interactive prompts through a pseudo-terminal, as a person would type, and checks that nothing
/// typed — password, secret, passphrase — comes back on the terminal.
@Suite struct VaultTerminalTests {
    /// A process whose standard input, output and error are the slave side of a pseudo-terminal.
    final class TerminalSession {
        let process = Process()
        private let master: Int32
        private(set) var screen = ""

        init(_ arguments: [String], environment: [String: String]) throws {
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            guard master >= 0, let name = Self.unlockedSlaveName(master) else { throw CocoaError(.fileNoSuchFile) }
            let slave = open(name, O_RDWR | O_NOCTTY)
            guard slave >= 0 else { throw CocoaError(.fileNoSuchFile) }
            let terminal = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
            process.executableURL = CLIRunner.executable
            process.arguments = arguments
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            process.standardInput = terminal
            process.standardOutput = terminal
            process.standardError = terminal
            try process.run()
            try terminal.close()
        }

        /// grantpt/unlockpt/ptsname, which Glibc's Swift module does not expose: the ioctls behind them.
        private static func unlockedSlaveName(_ master: Int32) -> String? {
            #if os(Linux)
                var unlock: Int32 = 0
                var number: UInt32 = 0
                let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
                let getNumber: UInt = 0x8004_5430  // TIOCGPTN
                guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else { return nil }
                return "/dev/pts/\(number)"
            #else
                guard grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else { return nil }
                return String(cString: name)
            #endif
        }

        /// Reads what the program shows until `text` appears (or 20 s pass), then types `line` and Enter.
        func answer(_ text: String, with line: String) throws {
            try waitFor(text)
            _ = line.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
            _ = write(master, "\n", 1)
        }

        func waitFor(_ text: String) throws {
            let deadline = Date().addingTimeInterval(20)
            while !screen.contains(text) {
                guard Date() < deadline, readSome() else {
                    Issue.record("never saw \"\(text)\"; screen so far: \(screen)")
                    throw CocoaError(.fileReadUnknown)
                }
            }
        }

        /// Everything until the program exits.
        func finish() -> Int32 {
            while readSome() {}
            process.waitUntilExit()
            close(master)
            return process.terminationStatus
        }

        private func readSome() -> Bool {
            var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 20_000) > 0 else { return false }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return false }
            screen += String(decoding: buffer[0..<count], as: UTF8.self)
            return true
        }
    }

    @Test(.timeLimit(.minutes(2))) func promptsShowNothingThatIsTyped() throws {
        let sandbox = try VaultSandbox()
        let password = "typed password 123"
        let secret = "7C4E8B2A9F1D3E5A6B8C0D2E4F6A8B0C"
        let passphrase = "TypedPassphrase7"
        let environment = ["SENTINEL_HOME": sandbox.home, "SENTINEL_TEST_ONLY_WEAK_KDF": "1"]

        let initialize = try TerminalSession(["vault", "init"], environment: environment)
        try initialize.answer("New vault password: ", with: password)
        try initialize.answer("Type it again: ", with: password)
        #expect(initialize.finish() == 0, "\(initialize.screen)")

        let add = try TerminalSession(["vault", "add", "okx-main", "--exchange", "okx"], environment: environment)
        try add.answer("Vault password: ", with: password)
        try add.answer("API key: ", with: "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d")
        try add.answer("Secret (or the whole PEM private key): ", with: secret)
        try add.answer("Passphrase (the one you chose for this key): ", with: passphrase)
        #expect(add.finish() == 0, "\(add.screen)")
        #expect(add.screen.contains("Stored okx-main"))

        for screen in [initialize.screen, add.screen] {
            for typed in [password, secret, passphrase, "1a2b3c4d-5e6f"] {
                #expect(!screen.contains(typed), "the terminal showed what was typed: \(screen)")
            }
        }
        let entry = try #require(
            try Vault.open(at: sandbox.location, password: SecretText(password)).entry(named: "okx-main"))
        #expect(entry.secret == SecretText(secret) && entry.passphrase == SecretText(passphrase))
    }
}
