import Testing

@testable import SentinelCore

@Suite struct DiagnosisTests {
    @Test func describesCauseEvidenceAndNumberedFix() {
        let error = SentinelError(
            .invalidTimestamp,
            Diagnosis(
                cause: "Your computer's clock is 2.4 s ahead of Binance's.",
                evidence: [.init("offset", "+2412 ms")],
                fix: ["Turn on automatic time.", "Run the doctor again."]),
            exchangeCode: "-1021")
        #expect(error.description.contains("invalidTimestamp (exchange code -1021)"))
        #expect(error.diagnosis.description.contains("  offset: +2412 ms"))
        #expect(error.diagnosis.description.contains("  2. Run the doctor again."))
    }

    @Test func everyKindHasAName() {
        #expect(SentinelError.Kind.allCases.count == 15)
        #expect(Set(SentinelError.Kind.allCases.map(\.rawValue)).count == 15)
    }
}
