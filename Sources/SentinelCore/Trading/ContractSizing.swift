/// How an exchange counts an order's size on one market. Bots and the CLI always speak base units
/// (`OrderRequest.quantity`); OKX swaps and KuCoin futures count contracts (lots) of a fixed value, and inverse
/// contracts are worth a fixed amount of the quote currency (USD).
public enum ContractSizing: Sendable, Hashable, Codable {
    /// The exchange takes quantities in the base asset (Binance, Bybit, Bitget, every spot market).
    case baseUnits
    /// One contract is `size` of the base asset (OKX `ctVal` of a linear swap: 0.01 BTC; KuCoin `multiplier`:
    /// 0.001 BTC).
    case baseContracts(size: ExactDecimal)
    /// One contract is worth `value` of the quote currency (inverse: OKX BTC-USD-SWAP 100 USD, KuCoin XBTUSDM 1 USD).
    case quoteContracts(value: ExactDecimal)

    /// The number of contracts for `quantity` base units, exactly; nil when it is not a whole number of contracts
    /// (the caller refuses the order rather than round it). `price` prices quote-valued contracts.
    public func contracts(for quantity: Quantity, at price: Price?) -> ExactDecimal? {
        switch self {
        case .baseUnits:
            return quantity.value
        case .baseContracts(let size):
            guard size.isPositive,
                let count = try? quantity.value.divided(by: size, places: 0, rounding: .down),
                (try? count.multiplied(by: size)) == quantity.value
            else { return nil }
            return count
        case .quoteContracts(let value):
            guard value.isPositive, let price, price.isPositive, let notional = try? quantity.value.multiplied(by: price.value),
                let count = try? notional.divided(by: value, places: 0, rounding: .down),
                (try? count.multiplied(by: value)) == notional
            else { return nil }
            return count
        }
    }

    /// The base-unit quantity of `contracts`; for quote-valued contracts at `price`, rounded down to `places`.
    public func baseQuantity(ofContracts contracts: ExactDecimal, at price: Price?, places: Int = 8) -> Quantity? {
        switch self {
        case .baseUnits:
            return Quantity(contracts)
        case .baseContracts(let size):
            return (try? contracts.multiplied(by: size)).map(Quantity.init)
        case .quoteContracts(let value):
            guard let price, price.isPositive, let notional = try? contracts.multiplied(by: value),
                let base = try? notional.divided(by: price.value, places: places, rounding: .down)
            else { return nil }
            return Quantity(base)
        }
    }
}
