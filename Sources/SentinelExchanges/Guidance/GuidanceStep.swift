import SentinelCore

/// One step of creating a key, for a person: a short title and the lines under it.
public struct GuidanceStep: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case security, apiPage, keyType, label, permissions, ipWhitelist, passphrase, expiry, save
    }

    public let kind: Kind
    public let title: String
    public let lines: [String]

    public init(_ kind: Kind, _ title: String, _ lines: [String]) {
        self.kind = kind
        self.title = title
        self.lines = lines
    }
}

extension ExchangeGuidance {
    /// The steps for a key for `venue`, to be stored as `name`. The venue exists (it was made through `Venue`).
    public func steps(for venue: Venue, name: String) -> [GuidanceStep] {
        let product = venue.product
        var steps = [
            GuidanceStep(
                .security, "Secure the account first",
                [
                    "Turn on two-factor authentication (an authenticator app, not SMS) on \(exchange.displayName): "
                        + "creating a key needs it, and it protects everything the key can reach.",
                    "Create the key on the account (or sub-account) the bot should trade from; a sub-account with "
                        + "only the bot's funds limits what a leaked key can touch.",
                ]),
            GuidanceStep(.apiPage, "Open API management", apiPageLines(venue)),
            GuidanceStep(.keyType, "Choose the key type", keyTypeAdvice),
            GuidanceStep(
                .label, "Name the key",
                [
                    "Use a label that says what uses it, e.g. \"\(Self.suggestedLabel(for: name))\".",
                    "One key per bot or strategy: each can then be limited, rotated or revoked on its own.",
                ]),
            GuidanceStep(.permissions, "Permissions", permissionLines(product)),
            GuidanceStep(.ipWhitelist, "IP whitelist", ipWhitelist),
        ]
        if !passphrase.isEmpty { steps.append(GuidanceStep(.passphrase, "Passphrase", passphrase)) }
        steps.append(GuidanceStep(.expiry, "Expiry", expiry))
        var save = [
            "The secret is shown once: copy it straight into Sentinel (next step), not into a chat, an e-mail or "
                + "a file.",
            "Sentinel keeps it encrypted in its vault and tests the key before any bot uses it.",
        ]
        if !passphrase.isEmpty {
            save.append("Sentinel also needs the passphrase you chose; the exchange cannot show it again.")
        }
        steps.append(GuidanceStep(.save, "Save the values", save + notes))
        return steps
    }

    /// The permissions to tick for `product` followed by the ones never to tick.
    public func permissionLines(_ product: Product) -> [String] {
        var lines = (permissionsToTick[product] ?? []).map { "Tick: \($0)" }
        lines += neverTick.map { "Never tick: \($0)" }
        return lines
    }

    private func apiPageLines(_ venue: Venue) -> [String] {
        let kind = venue.environment.kind
        var lines = ["Go to \(page(for: kind)) and choose to create a new API key."]
        if kind != .live {
            lines.append(
                "\(kind.rawValue.capitalized) keys are separate from live keys: make this one in the \(kind.rawValue) "
                    + "environment and use a different key for live trading.")
        }
        if let endpoint = venue.environment.customEndpoint {
            lines.append("This key is for \(endpoint) (a custom endpoint such as the local simulator).")
        }
        return lines
    }
}
