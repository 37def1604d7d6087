import SentinelCore
import SentinelExchanges

/// The doctor's fixes that point at the exchange's website. The words come from `ExchangeGuidance`, the data
/// beside each connector that `sentinel guide` and `sentinel connect` print too, so the two never disagree.
enum GuidanceText {
    static func tradePermission(_ venue: Venue) -> [String] {
        ExchangeGuidance.for(venue.exchange).tradePermissionFix(venue.product)
    }

    static func removeWithdraw(_ venue: Venue) -> [String] {
        ExchangeGuidance.for(venue.exchange).removeWithdrawFix
    }

    static func removeTransfer(_ venue: Venue) -> [String] {
        ExchangeGuidance.for(venue.exchange).removeTransferFix
    }

    static func addIP(_ venue: Venue, ip: String?) -> [String] {
        ExchangeGuidance.for(venue.exchange).addIPFix(ip: ip)
    }

    static func expired(_ venue: Venue) -> [String] {
        ExchangeGuidance.for(venue.exchange).expiredFix
    }
}
