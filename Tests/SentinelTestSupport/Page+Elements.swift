import Foundation

/// Reading and operating the page's elements by CSS selector (the first match), as a user would, and waiting for
/// the page to reach a state.
extension Page {
    /// The text the element shows (`innerText`). Throws `BrowserError.elementNotFound` when nothing matches.
    public func text(of selector: String, timeout: Duration = defaultTimeout) async throws -> String {
        try await onElement(selector, "return e.innerText;", timeout: timeout).string ?? ""
    }

    /// The text of every element matching `selector`, in document order (empty when none does).
    public func texts(of selector: String, timeout: Duration = defaultTimeout) async throws -> [String] {
        let list = try await evaluate(
            "Array.from(document.querySelectorAll(\(Self.literal(selector))), e => e.innerText)", timeout: timeout)
        return (list.array ?? []).map { $0.string ?? "" }
    }

    /// The current value of a form field (`input`, `textarea`, `select`).
    public func value(of selector: String, timeout: Duration = defaultTimeout) async throws -> String {
        try await onElement(selector, "return String(e.value ?? '');", timeout: timeout).string ?? ""
    }

    /// Whether an element matches `selector` now.
    public func exists(_ selector: String, timeout: Duration = defaultTimeout) async throws -> Bool {
        try await evaluate("document.querySelector(\(Self.literal(selector))) !== null", timeout: timeout).bool == true
    }

    /// Types `text` into a form field as a whole (`input`, `textarea`; for a `select`, the option's value): focuses it,
    /// sets its value, and dispatches the `input` and `change` events a user's typing would (so the page's own checks
    /// run).
    public func fill(_ selector: String, with text: String, timeout: Duration = defaultTimeout) async throws {
        let body = """
            if (!('value' in e)) throw new Error(\(Self.literal(selector)) + ' is not a form field');
            e.focus();
            e.value = \(Self.literal(text));
            e.dispatchEvent(new Event('input', { bubbles: true }));
            e.dispatchEvent(new Event('change', { bubbles: true }));
            return null;
            """
        try await onElement(selector, body, timeout: timeout)
    }

    /// Ticks (`true`) or clears a checkbox or radio button by clicking it when its state differs, as a user would (so
    /// its `input` and `change` events fire).
    public func setChecked(_ selector: String, _ checked: Bool, timeout: Duration = defaultTimeout) async throws {
        let body = """
            if (!('checked' in e)) throw new Error(\(Self.literal(selector)) + ' is not a checkbox or radio button');
            if (e.checked !== \(checked)) e.click();
            return e.checked;
            """
        let state = try await onElement(selector, body, timeout: timeout)
        guard state.bool == checked else {
            throw BrowserError.javaScriptException(message: "\(selector) stayed \(checked ? "cleared" : "ticked") when clicked")
        }
    }

    /// Clicks the element (scrolled into view first): its handlers run, a link is followed, a submit button submits
    /// its form. Does not wait for what follows; see `clickAndWaitForLoad`.
    public func click(_ selector: String, timeout: Duration = defaultTimeout) async throws {
        try await onElement(selector, "e.scrollIntoView({ block: 'center' }); e.click(); return null;", timeout: timeout)
    }

    /// Clicks the element and waits until the document it leads to (a submitted form, a followed link) has loaded;
    /// returns that document's response.
    @discardableResult
    public func clickAndWaitForLoad(_ selector: String, timeout: Duration = defaultTimeout) async throws
        -> ReceivedResponse?
    {
        let loadsBefore = activity.loadCount
        do {
            try await click(selector, timeout: timeout)
        } catch BrowserError.protocolError(_, _, let message) where message.contains("context was destroyed") {
            // The new document replaced the old one before the click's reply: the click happened.
        }
        try await waitForCondition("a new document after clicking \(selector)", timeout: timeout) {
            self.activity.loadCount > loadsBefore
        }
        return activity.lastDocumentResponse
    }

    /// Waits until an element matches `selector`.
    public func waitFor(_ selector: String, timeout: Duration = defaultTimeout) async throws {
        try await waitUntil(
            "document.querySelector(\(Self.literal(selector))) !== null", describedAs: "an element matching \(selector)",
            timeout: timeout)
    }

    /// Waits until the JavaScript expression `condition` is truthy in the page (errors while evaluating it, such as
    /// during a navigation, count as "not yet" and are named in the timeout error).
    public func waitUntil(_ condition: String, timeout: Duration = defaultTimeout) async throws {
        try await waitUntil(condition, describedAs: "`\(condition)`", timeout: timeout)
    }

    private func waitUntil(_ condition: String, describedAs what: String, timeout: Duration) async throws {
        let deadline = ContinuousClock.now + timeout
        var lastError: (any Error)?
        while true {
            let remaining = max(deadline - ContinuousClock.now, .milliseconds(200))
            do {
                if try await evaluate("Boolean(\(condition))", timeout: remaining).bool == true { return }
                lastError = nil
            } catch let error as BrowserError {
                if case .connectionClosed = error { throw error }
                lastError = error
            }
            guard ContinuousClock.now < deadline else {
                let detail = lastError.map { " (last attempt: \($0))" } ?? ""
                throw BrowserError.timedOut(operation: "waiting for \(what)\(detail)", after: timeout)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    /// Runs `body` (a JavaScript function body in which `e` is the element) on the first element matching
    /// `selector`, and returns what it returns.
    @discardableResult
    func onElement(_ selector: String, _ body: String, timeout: Duration) async throws -> JSONValue {
        let script = """
            (() => {
                const e = document.querySelector(\(Self.literal(selector)));
                if (e === null) return { found: false };
                return { found: true, value: (() => { \(body) })() };
            })()
            """
        let outcome = try await evaluate(script, timeout: timeout)
        guard outcome["found"]?.bool == true else { throw BrowserError.elementNotFound(selector: selector) }
        return outcome["value"] ?? .null
    }

    /// `text` as a JavaScript string literal (JSON's string syntax is JavaScript's).
    static func literal(_ text: String) -> String {
        let encoded = (try? JSONEncoder().encode(text)).map { String(decoding: $0, as: UTF8.self) }
        return encoded ?? "\"\""
    }
}
