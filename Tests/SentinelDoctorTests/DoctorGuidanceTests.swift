import SentinelCore
import SentinelDoctor
import SentinelExchanges
import Testing

/// The doctor's fixes are the guidance's words (`ExchangeGuidance`), so `sentinel guide` and the doctor agree.
extension DoctorTests {
    @Test func theDoctorsFixesComeFromTheExchangeGuidance() async throws {
        var behaviour = FakeExchangeClient.Behaviour()
        behaviour.permissions = KeyPermissions(
            read: true, spotTrade: false, futuresTrade: false, withdraw: true, transfer: true, ipRestricted: false)
        let (report, _) = try await run(behaviour)
        let guidance = ExchangeGuidance.for(.binance)
        #expect(report.check(.permissionsWithdraw)?.fix == guidance.removeWithdrawFix)
        #expect(report.check(.permissionsTrade)?.fix == guidance.tradePermissionFix(.spot))
        #expect(report.check(.ipWhitelist)?.fix == guidance.addIPFix(ip: nil))
        #expect(report.check(.permissionsTransfer)?.fix == guidance.removeTransferFix)
        #expect(guidance.removeTransferFix[0].contains("Enable Internal Transfer"))
    }
}
