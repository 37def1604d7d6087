import Synchronization

/// What one page has done, as its DevTools events tell: documents loaded, responses received, console messages and
/// uncaught exceptions. Filled on the connection's reading task, read by the test.
final class PageActivity: Sendable {
    private struct State {
        var mainFrameID: String?
        /// Main-frame `load` lifecycle events seen, in order, by loader id.
        var loads: [String] = []
        var responses: [ReceivedResponse] = []
        var console: [ConsoleMessage] = []
        var exceptions: [String] = []
    }

    private let state = Mutex(State())

    func setMainFrame(_ id: String?) { state.withLock { $0.mainFrameID = id } }

    var loadCount: Int { state.withLock { $0.loads.count } }
    func hasLoaded(loaderID: String) -> Bool { state.withLock { $0.loads.contains(loaderID) } }
    var responses: [ReceivedResponse] { state.withLock { $0.responses } }
    var lastDocumentResponse: ReceivedResponse? { state.withLock { $0.responses.last(where: \.isMainDocument) } }
    func documentResponse(loaderID: String) -> ReceivedResponse? {
        state.withLock { $0.responses.last { $0.isMainDocument && $0.loaderID == loaderID } }
    }
    var consoleMessages: [ConsoleMessage] { state.withLock { $0.console } }
    var exceptions: [String] { state.withLock { $0.exceptions } }

    func clearMessages() {
        state.withLock { state in
            state.console = []
            state.exceptions = []
        }
    }

    /// Takes in one event of the page's session.
    func record(_ event: DevToolsEvent) {
        let params = event.params
        switch event.method {
        case "Page.lifecycleEvent":
            guard params["name"]?.string == "load", let loader = params["loaderId"]?.string else { return }
            state.withLock { state in
                if state.mainFrameID == nil || params["frameId"]?.string == state.mainFrameID { state.loads.append(loader) }
            }
        case "Network.responseReceived":
            guard let response = params["response"], let request = params["requestId"]?.string else { return }
            let type = params["type"]?.string ?? "Other"
            state.withLock { state in
                let inMainFrame = state.mainFrameID == nil || params["frameId"]?.string == state.mainFrameID
                state.responses.append(
                    ReceivedResponse(
                        url: response["url"]?.string ?? "", status: response["status"]?.int ?? 0,
                        statusText: response["statusText"]?.string ?? "",
                        headers: (response["headers"]?.object ?? [:]).compactMapValues(\.string),
                        mimeType: response["mimeType"]?.string ?? "", resourceType: type,
                        isMainDocument: type == "Document" && inMainFrame, requestID: request,
                        loaderID: params["loaderId"]?.string ?? ""))
            }
        case "Runtime.consoleAPICalled":
            let text = (params["args"]?.array ?? []).map(Self.describe).joined(separator: " ")
            append(ConsoleMessage(level: params["type"]?.string ?? "log", text: text, source: "console-api"))
        case "Log.entryAdded":
            guard let entry = params["entry"] else { return }
            append(
                ConsoleMessage(
                    level: entry["level"]?.string ?? "info", text: entry["text"]?.string ?? "",
                    source: entry["source"]?.string ?? "other", url: entry["url"]?.string))
        case "Runtime.exceptionThrown":
            guard let details = params["exceptionDetails"] else { return }
            let message = Self.exceptionMessage(details)
            state.withLock { $0.exceptions.append(message) }
        case "Page.javascriptDialogOpening":
            append(
                ConsoleMessage(
                    level: params["type"]?.string ?? "alert", text: params["message"]?.string ?? "", source: "dialog"))
        default:
            break
        }
    }

    private func append(_ message: ConsoleMessage) { state.withLock { $0.console.append(message) } }

    /// An exception as the page describes it: `Error: boom` and its stack, or the thrown value, or the browser's text.
    static func exceptionMessage(_ details: JSONValue) -> String {
        if let description = details["exception"]?["description"]?.string { return description }
        if let value = details["exception"]?["value"], !value.isNull { return describe(["value": value]) }
        return details["text"]?.string ?? "an exception without a description"
    }

    /// One `Runtime.RemoteObject` as text: its primitive value, else its description, else its type.
    private static func describe(_ object: JSONValue) -> String {
        switch object["value"] {
        case .string(let text): text
        case .number(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
        case .bool(let flag): String(flag)
        case .some(let value) where !value.isNull: "\(value)"
        default: object["description"]?.string ?? object["type"]?.string ?? "?"
        }
    }
}
