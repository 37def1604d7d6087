import Foundation
import Testing

/// `sentinel guide` prints the steps for every exchange, touches nothing, and refuses what does not exist.
@Suite(.timeLimit(.minutes(5))) struct GuideCommandTests {
    @Test(arguments: [
        (["binance"], "binance.com → Profile → API Management"),
        (["binance-us"], "binance.us → Profile → API Management"),
        (["bybit", "--product", "linear"], "bybit.com → Profile → API"),
        (["okx", "--env", "demo"], "Demo Trading API"),
        (["kucoin", "--product", "linear"], "kucoin.com → Account → API Management"),
        (["bitget", "--product", "inverse"], "bitget.com → Personal Center → API Key Management"),
        (["binance", "--env", "testnet", "--product", "linear"], "testnet.binancefuture.com"),
    ])
    func printsTheStepsWithoutTouchingAnything(arguments: [String], page: String) async throws {
        let sandbox = try VaultSandbox()
        let outcome = try await sandbox.sentinel(["guide"] + arguments + ["--name", "btc-grid"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let text = outcome.stdout
        #expect(text.contains(page), "\(text)")
        #expect(text.contains("Step 1/") && text.contains("Permissions") && text.contains("IP whitelist"))
        #expect(text.contains("Expiry") && text.contains("two-factor"))
        #expect(text.contains("Never tick:") && text.lowercased().contains("withdraw"))
        #expect(text.contains("\"Sentinel - btc-grid\""))
        #expect(text.contains("sentinel connect \(arguments[0]) --name btc-grid"))
        #expect(!FileManager.default.fileExists(atPath: sandbox.home), "guide must not create SENTINEL_HOME")
    }

    @Test func passphraseRulesShowWhereTheExchangeHasThem() async throws {
        let kucoin = try await CLIRunner.run(["guide", "kucoin"])
        #expect(kucoin.stdout.contains("Passphrase") && kucoin.stdout.contains("7–32"))
        #expect(kucoin.stdout.contains("not your login password nor your trading password"))
        let binance = try await CLIRunner.run(["guide", "binance"])
        #expect(!binance.stdout.contains("Passphrase"))
        #expect(binance.stdout.contains("Ed25519") && binance.stdout.contains("30 days"))
    }

    @Test(arguments: [
        (["kraken"], "Unknown exchange \"kraken\""),
        (["kucoin", "--env", "demo"], "KuCoin has no demo environment"),
        (["binance-us", "--product", "linear"], "Binance.US has no linear market"),
        (["okx", "--env", "testnet"], "OKX has no testnet environment"),
        (["binance", "--product", "options"], "Unknown product"),
    ])
    func refusesVenuesThatDoNotExist(arguments: [String], message: String) async throws {
        let outcome = try await CLIRunner.run(["guide"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}
