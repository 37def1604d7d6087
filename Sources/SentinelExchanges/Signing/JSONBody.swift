import SentinelCore

/// Checks a JSON request body without changing a byte of it: the exchanges sign the body exactly as sent, so it is
/// validated, never re-serialized.
enum JSONBody {
    /// Checks the body of `draft`, if it has one, unless a connector wrote the draft from its own payload.
    static func validate(bodyOf draft: RequestDraft, exchange: ExchangeID) throws(SentinelError) {
        guard let body = draft.body, !draft.isConnectorWritten else { return }
        try validate(body, exchange: exchange)
    }

    private static func validate(_ body: String, exchange: ExchangeID) throws(SentinelError) {
        guard JSONPeek.isObjectOrArray(body) else {
            throw .invalidInput(
                "The body is not valid JSON; \(exchange.displayName) takes a JSON object.",
                evidence: [.init("body starts with", String(body.prefix(40)))],
                fix: [
                    "Write the body as a JSON object, e.g. {\"symbol\":\"BTCUSDT\",\"side\":\"Buy\"}.",
                    "Quote the whole body for your shell: --body '{\"a\":\"1\"}'.",
                ])
        }
    }
}
