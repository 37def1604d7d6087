import Foundation
import Testing

/// A step that takes a while shows a spinner on a terminal and erases it; a pipe never sees one.
@Suite(.timeLimit(.minutes(5))) struct SpinnerTerminalTests {
    @Test(.timeLimit(.minutes(2))) func theVaultUnlockShowsASpinnerOnATerminalOnly() async throws {
        let sandbox = try VaultSandbox()
        // The real scrypt parameters: an unlock takes seconds in a debug build, well over the spinner's 300 ms.
        let environment = ["SENTINEL_HOME": sandbox.home, "SENTINEL_PASSWORD_FILE": sandbox.passwordFile]
        let initialize = try TerminalSession(["vault", "init"], environment: environment)
        #expect(initialize.finish() == 0, "\(initialize.screen)")

        let list = try TerminalSession(["vault", "list"], environment: environment)
        #expect(list.finish() == 0, "\(list.screen)")
        #expect(list.screen.contains("Unlocking the vault ⠋"), "\(list.screen)")
        // Erased before the answer: the spinner's line is cleared.
        let spinnerEnd = try #require(list.screen.range(of: "Unlocking the vault", options: .backwards))
        #expect(list.screen[spinnerEnd.upperBound...].contains("\r\u{1B}[K"), "\(list.screen)")

        // The same unlock with stderr on a pipe: nothing but the answer.
        let piped = try await CLIRunner.run(["vault", "list"], environment: environment)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("Unlocking") && !piped.stdout.contains("Unlocking"))
    }
}
