import Foundation
import SentinelSimulator
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a person sees on a real terminal (a pseudo-terminal here): echo comes back when a hidden prompt is
/// interrupted, and colour follows `NO_COLOR`.
@Suite(.timeLimit(.minutes(5))) struct TerminalSignalTests {
    /// Ctrl-C (SIGINT) or SIGTERM while `vault init` waits at its no-echo password prompt: the program ends and the
    /// terminal echoes again — otherwise the shell the user returns to would stay silent. The signal is sent with
    /// kill(2): the child has no controlling terminal here, so the Ctrl-C byte would reach nobody.
    @Test(.timeLimit(.minutes(2)), arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func aSignalAtAHiddenPromptRestoresEcho(signalNumber: Int32) async throws {
        let sandbox = try VaultSandbox()
        let (echoAtPrompt, echoAfter, status, screen) = try await CLIRunner.offPool {
            let session = try TerminalSession(
                ["vault", "init"], environment: ["SENTINEL_HOME": sandbox.home, "SENTINEL_TEST_ONLY_WEAK_KDF": "1"],
                unset: ["SENTINEL_PASSWORD_FILE"])
            try session.waitFor("New vault password: ")
            let echoAtPrompt = session.echoes
            kill(session.process.processIdentifier, signalNumber)
            let status = session.finish()
            return (echoAtPrompt, session.echoes, status, session.screen)
        }
        #expect(!echoAtPrompt, "the prompt must not echo")
        #expect(echoAfter, "echo stayed off after the signal: \(screen)")
        #expect(status == 128 + signalNumber)
        #expect(!FileManager.default.fileExists(atPath: sandbox.home + "/vault.sentinel"), "nothing was created")
    }

    /// The doctor colours its report on a terminal, and not when NO_COLOR is set.
    @Test(.timeLimit(.minutes(3))) func noColorTurnsColourOff() async throws {
        let simulator = try await RunningSimulator.start(SimulatorConfiguration())
        let key = try await simulator.createKey(
            SimulatedKeyRequest(exchange: "binance", permissions: ["read", "trade"], ipWhitelist: ["127.0.0.1"]))
        let folder = try TemporaryFolder()
        let file = try folder.keyFile(key)
        let arguments = [
            "doctor", "sim-key", "--exchange", "binance", "--credentials", file, "--endpoint",
            simulator.url(for: .binance), "--skip-order-test",
        ]
        let (coloured, colourStatus, plain, plainStatus) = try await CLIRunner.offPool {
            let withColour = try TerminalSession(arguments, environment: [:], unset: ["NO_COLOR"])
            let colourStatus = withColour.finish()
            let without = try TerminalSession(arguments, environment: ["NO_COLOR": "1"])
            let plainStatus = without.finish()
            return (withColour.screen, colourStatus, without.screen, plainStatus)
        }
        await simulator.shutdown()
        #expect(colourStatus == 0 && plainStatus == 0, "\(coloured)\n\(plain)")
        let reset = "\u{1B}[0m"
        #expect(coloured.contains("credentials") && coloured.contains(reset), "\(coloured)")
        #expect(plain.contains("credentials"), "\(plain)")
        #expect(!plain.contains(reset) && !plain.contains("\u{1B}[3"), "colour despite NO_COLOR: \(plain)")
    }
}
