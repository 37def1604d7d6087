import Hummingbird
import Sentinel
import SentinelCore
import SentinelVault

extension ConsoleRoutes {
    func registerKeys(on router: Router<Context>) {
        router.post("/keys/:name/test") { _, context in
            try await whenUnlocked {
                do throws(SentinelError) {
                    return await startRun(for: try await state.unlocked().requireEntry(named: Self.keyName(context)))
                } catch {
                    return await keysPage(error: error, status: .notFound)
                }
            }
        }
        router.get("/keys/:name/rotate") { _, context in
            try await whenUnlocked {
                do throws(SentinelError) {
                    return await rotatePage(try await state.unlocked().requireEntry(named: Self.keyName(context)))
                } catch {
                    return await keysPage(error: error, status: .notFound)
                }
            }
        }
        router.post("/keys/:name/rotate") { request, context in
            try await whenUnlocked { await rotate(Self.keyName(context), form: try await Self.form(request)) }
        }
        router.post("/keys/:name/rename") { request, context in
            try await whenUnlocked {
                let form = try await Self.form(request)
                let name = Self.keyName(context)
                let newName = form.text("newName") ?? ""
                do throws(SentinelError) {
                    var vault = try await state.unlocked()
                    try vault.rename(name, to: newName)
                    try vault.save()
                    await state.store(vault)
                    await state.renameRuns(of: name, to: newName)
                    await state.notify("Renamed \(name) to \(newName).")
                    return ConsoleResponse.redirect(to: "/")
                } catch {
                    if let outdated = await outdatedVault(error) { return outdated }
                    return await keysPage(error: error, status: .badRequest)
                }
            }
        }
        router.post("/keys/:name/remove") { request, context in
            try await whenUnlocked {
                let form = try await Self.form(request)
                let name = Self.keyName(context)
                do throws(SentinelError) {
                    guard form.text("confirm") == name else {
                        throw SentinelError.invalidInput(
                            "The key \(name) was not removed: the confirmation did not match its name.",
                            fix: ["Type the key's name exactly in the box, then press Remove."])
                    }
                    var vault = try await state.unlocked()
                    let removed = try vault.remove(named: name)
                    try vault.save()
                    await state.store(vault)
                    await state.forgetRuns(of: name)
                    await state.notify(
                        "Removed \(name) (key \(removed.fingerprint)) from the vault. Revoke it on "
                            + "\(removed.exchange.displayName)'s API page too: removing it here does not disable it.")
                    return ConsoleResponse.redirect(to: "/")
                } catch {
                    if let outdated = await outdatedVault(error) { return outdated }
                    return await keysPage(error: error, status: .badRequest)
                }
            }
        }
    }

    func rotatePage(
        _ entry: VaultEntry, error: SentinelError? = nil, status: HTTPResponse.Status = .ok
    ) async -> Response {
        await page(
            .rotate, title: "Rotate \(entry.name)", nav: "Keys",
            values: [
                "name": entry.name, "exchange": entry.exchange.rawValue, "exchangeName": entry.exchange.displayName,
                "product": entry.products.first?.rawValue ?? "spot", "env": entry.environment.kind.rawValue,
                "fingerprint": entry.fingerprint,
                "needsPassphrase": entry.exchange.traits.passphrase == .required,
            ],
            error: error, status: status)
    }

    /// Puts the new key in place of the stored one once the exchange accepts it (a key that can withdraw never
    /// replaces a good one), then tests it.
    private func rotate(_ name: String, form: ConsoleForm) async -> Response {
        let old: VaultEntry
        do throws(SentinelError) { old = try await state.unlocked().requireEntry(named: name) } catch {
            return await keysPage(error: error, status: .notFound)
        }
        do throws(SentinelError) {
            let (credentials, outcome) = ConsoleKeyCheck.review(form, exchange: old.exchange)
            guard let credentials else { return await rotatePage(old, error: ConsoleKeyCheck.refusal(outcome), status: .badRequest) }
            var vault = try await state.unlocked()
            let new = try await vault.rotate(
                named: name, to: credentials, verifier: ExchangeCredentialVerifier(refusesWithdraw: true))
            await state.store(vault)
            await state.notify(
                "Rotated \(name): key \(old.fingerprint) replaced by \(new.fingerprint). Revoke the old key "
                    + "\(old.fingerprint) on \(old.exchange.displayName) once your bots use the new one.")
            return await startRun(for: new)
        } catch {
            if let outdated = await outdatedVault(error) { return outdated }
            return await rotatePage(old, error: Self.pageFix(error), status: .badRequest)
        }
    }
}
