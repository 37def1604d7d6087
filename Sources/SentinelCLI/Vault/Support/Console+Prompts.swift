import Foundation

extension Console {
    /// A line on stderr that starts with "warning:", so that scripts reading stdout never see it.
    static func warning(_ text: String) {
        error("warning: " + text)
    }

    /// A prompt on stderr without a line break.
    static func prompt(_ text: String) {
        Console.write(text, to: STDERR_FILENO)
    }
}
