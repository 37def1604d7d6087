import SentinelCore

/// One key `sentinel demo` makes on the local simulator and runs the doctor on: a good key, or one of the classic
/// mistakes, and the venue it is used on. Each exchange module lists its own.
public struct DemoKey: Sendable {
    public enum Recipe: Sendable, Equatable {
        case good
        case withdrawEnabled
        case pastedWhitespace
        case skewedClock(milliseconds: Int64)
        /// Whitelisted for another address than this machine's.
        case ipNotWhitelisted
        /// Made in `environment`, used on live.
        case wrongEnvironment(EnvironmentKind)
        case expired
        /// Made on the sibling exchange (a Binance.US key used on binance.com).
        case siblingKey(ExchangeID)
        /// Read-only: it can read but not trade.
        case readOnly
        /// Stored with another secret than the one issued with the key.
        case wrongSecret
        /// Bound to no IP address: it works from anywhere (a warning, not a failure).
        case unboundIP
        /// Stored with a passphrase one character short of the one the key was made with (OKX, KuCoin, Bitget).
        case wrongPassphrase
        /// Made without the futures permission (a spot-only key) and used on a derivatives product (KuCoin's
        /// futures host refuses it as unknown; the doctor finds it works on the spot host).
        case spotOnly
    }

    public let name: String
    public let exchange: ExchangeID
    public let product: Product
    public let recipe: Recipe
    /// What a person reads in the demo's table.
    public let problem: String

    public init(_ name: String, _ exchange: ExchangeID, _ product: Product, _ recipe: Recipe, problem: String) {
        self.name = name
        self.exchange = exchange
        self.product = product
        self.recipe = recipe
        self.problem = problem
    }
}
