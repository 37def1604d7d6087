/// Which position an order or a position belongs to. One-way mode has a single net position per market; hedge
/// mode (Bybit `positionIdx` 1/2, OKX `posSide` long/short, Bitget `holdSide`) keeps a long and a short apart.
public enum PositionSide: String, Sendable, Hashable, Codable, CaseIterable {
    /// One-way mode: the sign of the size is the direction.
    case net
    case long
    case short
}

/// How a derivatives position is margined: against the whole account (cross) or its own margin (isolated) — OKX
/// `tdMode`, Bitget `marginMode`, Bybit's account setting.
public enum MarginMode: String, Sendable, Hashable, Codable, CaseIterable {
    case cross
    case isolated
}
