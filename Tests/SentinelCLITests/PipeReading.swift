import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads a child's pipes without Foundation's `readDataToEndOfFile()`/`availableData`, which end in a `try!` and
/// crash the whole test run when a read is interrupted (EINTR) — as happens when another test's child exits and its
/// SIGCHLD lands on the reading thread. These retry instead.
extension FileHandle {
    /// Everything until end of file.
    func readAllRetrying() -> Data {
        var data = Data()
        while true {
            let chunk = readChunkRetrying()
            if chunk.isEmpty { return data }
            data.append(chunk)
        }
    }

    /// What one read returns (blocking until something arrives); empty at end of file or on an error.
    func readChunkRetrying() -> Data {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let descriptor = fileDescriptor
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { return Data(buffer[0..<count]) }
            if count < 0, errno == EINTR { continue }
            return Data()
        }
    }
}
