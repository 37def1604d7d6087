import Foundation
import SentinelCore
import SentinelExchanges
import SentinelVault

/// What `sentinel connect` says and asks on the way to the key: the guide's steps one at a time (Enter to go
/// on), the key type, the public key to paste, and whether to rotate a key stored under the same name.
struct ConnectConversation {
    let guidance: ExchangeGuidance
    /// True on a terminal without --yes: wait for Enter after each step.
    let pauses: Bool

    /// Shows every step; at the key-type step asks which type when the exchange takes self-generated Ed25519 keys
    /// and none was given. Returns the key type chosen (nil: read it from the secret).
    func walkThrough(_ venue: Venue, name: String, declaredKeyType: KeyType?, canAsk: Bool)
        throws(SentinelError) -> KeyType?
    {
        let steps = guidance.steps(for: venue, name: name)
        if pauses {
            Console.output(
                "\(steps.count) steps on \(venue.exchange.displayName)'s website, then Sentinel asks for the key, "
                    + "stores it encrypted and tests it. Press Enter after each step.")
        }
        var keyType = declaredKeyType
        for (index, step) in steps.enumerated() {
            Console.output("")
            Console.output(GuideText.render(step, number: index + 1, of: steps.count))
            if step.kind == .keyType, keyType == nil, canAsk, venue.exchange.traits.keyTypes.contains(.ed25519) {
                keyType = try askKeyType(venue.exchange)
            } else if pauses {
                _ = TerminalInput.readVisible(prompt: "Press Enter to continue… ")
            }
        }
        Console.output("")
        return keyType
    }

    private func askKeyType(_ exchange: ExchangeID) throws(SentinelError) -> KeyType {
        Console.output("  1) system-generated (HMAC): \(exchange.displayName) shows an API key and a secret")
        Console.output("  2) self-generated Ed25519 (recommended): Sentinel makes the key pair")
        for _ in 0..<3 {
            let answer = TerminalInput.readVisible(prompt: "Key type [1 or 2, default 2]: ")
                .trimmingCharacters(in: .whitespaces).lowercased()
            switch answer {
            case "", "2", "ed25519": return .ed25519
            case "1", "hmac": return .hmac
            default: Console.error("Type 1 or 2.")
            }
        }
        throw .invalidInput(
            "No key type chosen.", fix: ["Run again and type 1 or 2, or give --key-type hmac or --key-type ed25519."])
    }

    /// The public half of a generated pair, to paste on the exchange's page.
    func showPublicKey(_ pair: GeneratedKeyPair, venue: Venue) {
        Console.output("Sentinel made an Ed25519 key pair; the private key stays on this machine, in the vault.")
        Console.output(
            "On \(guidance.page(for: venue.environment.kind)), create the key as self-generated and paste this "
                + "public key:")
        Console.output("")
        Console.output(pair.publicKeyPEM)
        Console.output("")
        Console.output("\(venue.exchange.displayName) then shows the API key for it.")
        if pauses { _ = TerminalInput.readVisible(prompt: "Press Enter once you have the API key… ") }
    }

    /// Rotation instead of a second key under the same name: asked on a terminal, or assumed with --yes.
    func confirmRotation(of existing: VaultEntry, assumeYes: Bool, canAsk: Bool) throws(SentinelError) {
        Console.output(
            "The vault already has \(VaultEntryRendering.summary(existing)). Sentinel can rotate it: the new key "
                + "replaces it once the exchange accepts the new one.")
        if assumeYes { return }
        let refusal = SentinelError.invalidInput(
            "The vault already has a key named \"\(existing.name)\"; it was left as it is.",
            fix: [
                "To replace it with a new key, run again and answer y, or add --yes (or use `sentinel vault rotate "
                    + "\(existing.name)`).",
                "To add another key, choose another name with --name.",
            ])
        guard canAsk else { throw refusal }
        let answer = TerminalInput.readVisible(prompt: "Rotate \(existing.name)? [y/N] ")
            .trimmingCharacters(in: .whitespaces).lowercased()
        guard answer == "y" || answer == "yes" else { throw refusal }
    }
}
