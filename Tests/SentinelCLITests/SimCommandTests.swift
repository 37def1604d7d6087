import Foundation
import Testing

@Suite struct SimCommandTests {
    @Test func refusesANonLoopbackHost() async throws {
        let outcome = try await CLIRunner.run(["sim", "--host", "0.0.0.0", "--port-base", "29100"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains("refusing to serve on 0.0.0.0"))
    }

    @Test func printsOneReadyLineServesAndStopsOnSIGINT() async throws {
        let base = Int.random(in: 30_000...39_000)
        let process = Process()
        process.executableURL = CLIRunner.executable
        process.arguments = ["sim", "--port-base", String(base)]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        var line = Data()
        let deadline = Date().addingTimeInterval(20)
        while !line.contains(UInt8(ascii: "\n")), Date() < deadline {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let ready = try #require(try JSONSerialization.jsonObject(with: line) as? [String: Any])
        #expect(ready["ready"] as? Bool == true)
        #expect(ready["admin"] as? String == "http://127.0.0.1:\(base + 99)")
        let venues = try #require(ready["venues"] as? [String: String])
        #expect(venues["binance"] == "http://127.0.0.1:\(base)")
        #expect(venues["bitget"] == "http://127.0.0.1:\(base + 7)")
        #expect(venues.count == 8)

        // The same ports again: a clear error naming the port.
        let second = try await CLIRunner.run(["sim", "--port-base", String(base)])
        #expect(second.status == 1)
        #expect(second.stderr.contains("port \(base)"))
        #expect(second.stderr.contains("already in use"))

        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rest = out.fileHandleForReading.readDataToEndOfFile()
        #expect(rest.isEmpty, "exactly one line on stdout")
    }
}
