import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The live processes of this machine, as Linux's `/proc` lists them.
public enum ProcessTable {
    /// The ids of the processes of the process group `group` that still run (zombies, which hold nothing but an
    /// entry until their parent or init reaps them, are left out).
    public static func runningProcessIDs(inGroup group: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            // "pid (command name) state ppid pgrp ..."; the name may hold spaces and parentheses.
            guard let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
                let end = stat.lastIndex(of: UInt8(ascii: ")"))
            else { return false }
            let fields = String(decoding: stat[(end + 1)...], as: UTF8.self).split(separator: " ")
            guard fields.count > 2, fields[0] != "Z", fields[0] != "X" else { return false }
            return pid_t(fields[2]) == group
        }
    }

    /// The ids of the running processes whose command line contains `text` (zombies have none, so never match).
    public static func processIDs(commandLineContaining text: String) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let commandLine = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return false }
            return String(decoding: commandLine.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self).contains(text)
        }
    }
}
