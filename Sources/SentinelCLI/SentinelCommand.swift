import ArgumentParser
import Foundation

@main
struct SentinelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentinel",
        abstract: "Connect trading bots to crypto exchanges safely.",
        discussion: """
            Keys stay on your machine, encrypted. Every key is audited and every connection tested before use.
            Exchanges: binance, binance-us, bybit, okx, kucoin, bitget.
            """,
        version: "0.1.0",
        subcommands: [
            DemoCommand.self, ConnectCommand.self, GuideCommand.self, SignCommand.self, SimCommand.self,
            VaultCommand.self, DoctorCommand.self, MarketsCommand.self, BalanceCommand.self, PositionsCommand.self,
            OrderCommand.self, TickerCommand.self, BookCommand.self, WatchCommand.self, ConsoleCommand.self,
        ]
    )

    static func main() async {
        // A reader that goes away (`sentinel doctor | head`) must not kill the process mid-way: the doctor may have
        // a test order to cancel. Writes to a closed pipe then fail with EPIPE, and `Console` stops writing.
        signal(SIGPIPE, SIG_IGN)
        await main(nil)
    }
}
