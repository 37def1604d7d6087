/// Coins that left the account, as the exchange's withdrawal history lists them. Sentinel never withdraws: every one
/// of these was made by someone else.
public struct Withdrawal: Sendable, Hashable, Codable {
    /// The exchange's id for the withdrawal.
    public var id: String
    public var asset: String
    public var amount: Amount
    public var fee: Amount?
    public var address: String
    public var network: String?
    /// The exchange's own word for where it stands (Binance's status number as text, Bybit's `success`, ...).
    public var status: String
    /// When it was asked for, in Unix milliseconds.
    public var time: Int64
    public var transactionID: String?

    public init(
        id: String, asset: String, amount: Amount, fee: Amount?, address: String, network: String?, status: String,
        time: Int64, transactionID: String?
    ) {
        self.id = id
        self.asset = asset
        self.amount = amount
        self.fee = fee
        self.address = address
        self.network = network
        self.status = status
        self.time = time
        self.transactionID = transactionID
    }
}
