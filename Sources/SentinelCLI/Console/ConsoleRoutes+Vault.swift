import Foundation
import Hummingbird
import SentinelCore
import SentinelVault

extension ConsoleRoutes {
    func registerVault(on router: Router<Context>) {
        router.get("/unlock") { _, _ in
            if await state.isUnlocked { return ConsoleResponse.redirect(to: "/") }
            return await unlockPage()
        }
        router.post("/unlock") { request, _ in
            let form = try await Self.form(request)
            do {
                guard let password = form.secret("password") else {
                    throw SentinelError.invalidInput("Type the vault's password.", fix: ["Type it in the password field."])
                }
                if await state.vaultExists {
                    try await state.unlock(password: password)
                } else {
                    guard let repeated = form.secret("repeat"), repeated == password else {
                        throw SentinelError.invalidInput(
                            "The two passwords differ.", fix: ["Type the same new password in both fields."])
                    }
                    try await state.create(password: password)
                    await state.notify(
                        "Created the vault \(state.location.file) (scrypt + AES-256-GCM). Sentinel cannot recover a "
                            + "forgotten password: keep it in your password manager.")
                }
                return ConsoleResponse.redirect(to: "/")
            } catch let error as SentinelError {
                return await unlockPage(error: error, status: .badRequest)
            }
        }
        router.post("/lock") { _, _ in
            await state.lock()
            await state.notify("The vault is locked; its keys are no longer in this console's memory.")
            return ConsoleResponse.redirect(to: "/unlock")
        }
        router.get("/") { _, _ in
            try await whenUnlocked { await keysPage() }
        }
    }

    /// A save the vault refused because its file changed since it was unlocked here (a `sentinel vault …` command,
    /// or another change from this page at the same moment). The console's copy is out of date and would have every
    /// later save refused too, so it is dropped; unlocking again reads the file as it is now. Nil for other errors.
    func outdatedVault(_ error: SentinelError) async -> Response? {
        guard error.vaultProblem == .changedElsewhere else { return nil }
        await state.lock()
        await state.notify(
            "Nothing was saved: the vault file was changed (by another Sentinel command?) since it was unlocked here. "
                + "Unlock it again to see its keys as they are now, then repeat the change.")
        return ConsoleResponse.redirect(to: "/unlock")
    }

    func unlockPage(error: SentinelError? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        await page(
            .unlock, title: "Unlock",
            values: [
                "exists": await state.vaultExists, "file": state.location.file,
                "minimumLength": VaultPassword.minimumLength,
                "idleMinutes": Int(state.idleLimit.components.seconds / 60),
            ],
            error: error, status: status)
    }

    func keysPage(error: SentinelError? = nil, status: HTTPResponse.Status = .ok) async -> Response {
        let entries: [VaultEntry]
        do { entries = try await state.unlocked().entries } catch { return ConsoleResponse.redirect(to: "/unlock") }
        var rows: [[String: Any]] = []
        for entry in entries { rows.append(await keyRow(entry)) }
        return await page(
            .keys, title: "Keys", nav: "Keys",
            values: [
                "keys": rows, "hasKeys": !rows.isEmpty, "rotationDays": VaultEntryRendering.rotationDays,
            ],
            error: error, status: status)
    }

    private func keyRow(_ entry: VaultEntry, now: Date = Date()) async -> [String: Any] {
        let last = await state.lastRun(for: entry.name)
        let expiryClass: String
        if let expiresAt = entry.expiresAt {
            expiryClass = expiresAt < now ? "expired" : (expiresAt.timeIntervalSince(now) < 14 * 86_400 ? "soon" : "")
        } else {
            expiryClass = ""
        }
        let rotationDue = VaultEntryRendering.rotateBy(entry) <= now
        var row: [String: Any] = [
            "name": entry.name, "exchange": entry.exchange.displayName,
            "products": VaultEntryRendering.products(entry), "environment": VaultEntryRendering.environment(entry),
            "label": entry.label ?? "", "fingerprint": entry.fingerprint,
            "age": VaultEntryRendering.age(since: entry.createdAt, now: now),
            "expiry": VaultEntryRendering.expiry(entry, now: now), "expiryClass": expiryClass,
            "rotation": VaultEntryRendering.rotation(entry, now: now), "rotationClass": rotationDue ? "due" : "",
            "lastStatus": last.map(Self.status) ?? "none",
        ]
        if let last { row["lastRun"] = last.id }
        return row
    }

    /// A run's status word: running, or the worst of its checks.
    static func status(_ run: ConsoleRun) -> String {
        guard let report = run.snapshot.report else { return "running" }
        if !report.ok { return "fail" }
        return report.checks.contains { $0.status == .warn } ? "warn" : "pass"
    }
}
