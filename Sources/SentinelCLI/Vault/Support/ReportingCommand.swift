import ArgumentParser
import SentinelCore

/// A command whose failures are `SentinelError`s, printed for a person by `Failure` with exit code 1.
protocol ReportingCommand: AsyncParsableCommand {
    func execute() async throws(SentinelError)
}

extension ReportingCommand {
    func run() async throws {
        do {
            try await execute()
        } catch {
            throw Failure.report(error)
        }
    }
}
