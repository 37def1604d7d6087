import Mustache

/// The pages' escaping of every `{{value}}`, by Unicode scalar. swift-mustache's own HTML escaping goes by `Character`,
/// and a quote followed by a combining mark (`"` + U+0301) is one `Character` that is not `"`: it went out unescaped,
/// and the browser, which reads code points, ended the attribute's value there.
struct ConsoleHTMLEscaping: MustacheContentType {
    /// The name the templates' `{{% CONTENT_TYPE: … }}` pragma uses; registered before any template is parsed.
    static let name = "SENTINEL_CONSOLE_HTML"

    static let pragma = "{{% CONTENT_TYPE: \(name) }}\n"

    static func register() {
        MustacheContentTypes.register(ConsoleHTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": escaped.append(contentsOf: "&lt;".unicodeScalars)
            case ">": escaped.append(contentsOf: "&gt;".unicodeScalars)
            case "&": escaped.append(contentsOf: "&amp;".unicodeScalars)
            case "\"": escaped.append(contentsOf: "&quot;".unicodeScalars)
            case "'": escaped.append(contentsOf: "&#39;".unicodeScalars)
            default: escaped.append(scalar)
            }
        }
        return String(escaped)
    }
}
