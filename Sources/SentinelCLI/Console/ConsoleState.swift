import Foundation
import SentinelCore
import SentinelVault

/// What the console remembers while it runs: the one-time login token, the one browser session it let in, the
/// session's CSRF token, the unlocked vault (dropped after `idleLimit` without a request, and on Ctrl-C), and the
/// doctor's runs and last result per key. Nothing here is written to disk.
actor ConsoleState {
    let location: VaultLocation
    let idleLimit: Duration
    /// The token in the printed URL; nil once it has let a browser in.
    private var loginToken: String?
    private var sessionID: String?
    let csrfToken = ConsoleSecrets.token()
    private var vault: UnlockedVault?
    private var lastActivity = ContinuousClock.now
    /// The latest run per key name (the keys page shows its result).
    private var lastRuns: [String: ConsoleRun] = [:]
    private var runs: [String: ConsoleRun] = [:]
    private var runOrder: [String] = []
    var pendingNotice: String?
    /// The built-in simulator's clock skew as last set from the page.
    private(set) var simulatorSkew: Int64 = 0

    init(location: VaultLocation, idleLimit: Duration, loginToken: String) {
        self.location = location
        self.idleLimit = idleLimit
        self.loginToken = loginToken
    }

    // MARK: The session

    /// Exchanges the printed token for a session, once. A second use of the link is refused: whoever holds the
    /// session already is the one the link was for.
    func logIn(token: String?) -> String? {
        guard ConsoleSecrets.equal(token, loginToken) else { return nil }
        loginToken = nil
        let session = ConsoleSecrets.token()
        sessionID = session
        return session
    }

    func isSession(_ cookie: String?) -> Bool {
        ConsoleSecrets.equal(cookie, sessionID)
    }

    /// Every request of the session counts as activity; the vault locks itself once it has been idle too long.
    func touch() {
        lockIfIdle()
        lastActivity = .now
    }

    func lockIfIdle() {
        if vault != nil, ContinuousClock.now - lastActivity > idleLimit { vault = nil }
    }

    // MARK: The vault

    var isUnlocked: Bool { vault != nil }

    var vaultExists: Bool { Vault.exists(at: location) }

    func unlock(password: SecretText) throws(SentinelError) {
        try Vault.checkOpenable(at: location)
        vault = try Vault.open(at: location, password: password)
    }

    func create(password: SecretText) throws(SentinelError) {
        try Vault.checkCreatable(at: location)
        vault = try Vault.create(at: location, password: password, parameters: VaultAccess.newParameters)
    }

    func lock() {
        vault = nil
    }

    /// Set at Ctrl-C, before the vault is locked and the runs are cancelled: from then on every request is
    /// refused, so that none can unlock the vault again or start a test that nothing would cancel.
    private(set) var isStopping = false

    func stop() {
        isStopping = true
        vault = nil
    }

    /// A copy of the unlocked vault to read or change; `store` puts a changed copy back. The vault's own check (a
    /// save refuses to overwrite a file changed since it was read) keeps two changes from losing one another.
    func unlocked() throws(SentinelError) -> UnlockedVault {
        guard let vault else { throw Self.locked }
        return vault
    }

    func store(_ changed: UnlockedVault) {
        if vault != nil { vault = changed }
    }

    static let locked = SentinelError(
        .invalidInput,
        Diagnosis(
            cause: "The vault is locked (it locks itself after a while without use).",
            fix: ["Unlock it again with its password."]))

    // MARK: Doctor runs

    /// The most runs under way at once. Each places a test order and holds connections; without a limit, runs
    /// started faster than they finish would also push running ones out of the last 50, where Ctrl-C no longer
    /// finds them to cancel their test orders.
    static let maximumRunsUnderWay = 8

    /// Takes the run in, unless `maximumRunsUnderWay` are under way already (then nil, and it must not start).
    func admit(_ run: ConsoleRun) -> ConsoleRun? {
        guard runs.values.filter({ $0.snapshot.report == nil }).count < Self.maximumRunsUnderWay else { return nil }
        add(run)
        return run
    }

    private func add(_ run: ConsoleRun) {
        runs[run.id] = run
        runOrder.append(run.id)
        lastRuns[run.keyName] = run
        // The last 50 runs are kept; older ones are forgotten once finished (Ctrl-C must find every run under way).
        while runOrder.count > 50, let oldest = runOrder.firstIndex(where: { runs[$0]?.snapshot.report != nil }) {
            runs[runOrder.remove(at: oldest)] = nil
        }
    }

    func run(_ id: String) -> ConsoleRun? { runs[id] }

    func allRuns() -> [ConsoleRun] { runOrder.compactMap { runs[$0] } }

    func lastRun(for name: String) -> ConsoleRun? { lastRuns[name] }

    func forgetRuns(of name: String) { lastRuns[name] = nil }

    func renameRuns(of name: String, to newName: String) {
        lastRuns[newName] = lastRuns.removeValue(forKey: name)
    }
}

extension ConsoleState {
    /// A message for the next page shown (after a change, the browser is redirected and this is shown once).
    func notify(_ message: String) {
        pendingNotice = message
    }

    func takeNotice() -> String? {
        defer { pendingNotice = nil }
        return pendingNotice
    }
}

extension ConsoleState {
    func setSimulatorSkew(_ milliseconds: Int64) {
        simulatorSkew = milliseconds
    }
}
