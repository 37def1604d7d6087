import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The live processes of this machine, as Linux's `/proc` lists them.
public enum ProcessTable {
    /// The ids of the running processes whose command line contains `text` (zombies have none, so never match).
    public static func processIDs(commandLineContaining text: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: commandLine.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
