import SentinelCore
import SentinelNet

extension BinanceClient {
    public func balances() async throws(SentinelError) -> [Balance] {
        if venue.product == .spot {
            let account = try await performDecoding(
                BinanceWire.SpotAccount.self, endpoints.balances, [("omitZeroBalances", "true")])
            return account.balances
                .filter { !$0.free.isZero || !$0.locked.isZero }
                .map { Balance(asset: $0.asset, free: Amount($0.free), locked: Amount($0.locked)) }
        }
        let rows = try await performDecoding([BinanceWire.FuturesBalance].self, endpoints.balances)
        return rows.filter { !$0.balance.isZero }.map { row in
            let locked = (try? row.balance.subtracting(row.availableBalance)) ?? .zero
            return Balance(asset: row.asset, free: Amount(row.availableBalance), locked: Amount(locked.isNegative ? .zero : locked))
        }
    }

    public func positions() async throws(SentinelError) -> [Position] {
        guard let endpoint = endpoints.positions else { return [] }
        let rows = try await performDecoding([BinanceWire.PositionRisk].self, endpoint)
        var positions: [Position] = []
        for row in rows where !row.positionAmt.isZero {
            positions.append(
                Position(
                    symbol: await unifiedSymbol(native: row.symbol), size: row.positionAmt,
                    entryPrice: Price(row.entryPrice), markPrice: row.markPrice.map(Price.init),
                    unrealizedPnl: Amount(row.unRealizedProfit),
                    liquidationPrice: row.liquidationPrice.flatMap { $0.isZero ? nil : Price($0) },
                    leverage: row.leverage))
        }
        return positions
    }

    /// From `/sapi/v1/account/apiRestrictions` (binance.md §4). Binance.US and the spot testnet have no such
    /// endpoint: that is `unsupported`, and the doctor reports the permissions as unknown.
    public func permissions() async throws(SentinelError) -> KeyPermissions {
        if venue.exchange == .binanceUS || (venue.environment.kind == .testnet && venue.environment.customEndpoint == nil) {
            throw SentinelError(
                .unsupported,
                Diagnosis(
                    cause: "\(venue.exchange.displayName) \(venue.environment.kind) does not report a key's permissions.",
                    fix: ["Check the key's permissions on the exchange's API Management page."]))
        }
        let body = try await performDecoding(BinanceWire.APIRestrictions.self, endpoints.apiRestrictions)
        return KeyPermissions(
            read: body.enableReading.value, spotTrade: body.enableSpotAndMarginTrading.value,
            futuresTrade: body.enableFutures?.value ?? false, withdraw: body.enableWithdrawals.value,
            transfer: (body.enableInternalTransfer?.value ?? false) || (body.permitsUniversalTransfer?.value ?? false),
            ipRestricted: body.ipRestrict.value, ipWhitelist: nil,
            expiresAt: body.tradingAuthorityExpirationTime?.value, createdAt: body.createTime?.value)
    }
}
