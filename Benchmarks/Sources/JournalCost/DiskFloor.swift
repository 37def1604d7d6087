import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The disk's own cost of making a write durable, the floor under any journal that flushes before an order leaves:
/// 512 bytes written over a file whose blocks already exist (no size or block change for the file system to
/// journal), then a data flush (`syncData`). Nanoseconds per write, one figure per sample.
func diskFloorNs(folder: String, writes: Int, samples: Int) throws -> [Double] {
    let path = folder + "/disk-floor.bin"
    let descriptor = open(path, O_CREAT | O_RDWR | O_TRUNC, 0o600)
    guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer {
        close(descriptor)
        unlink(path)
    }
    let blockSize = 4096
    let zeros = [UInt8](repeating: 0, count: writes * blockSize)
    guard zeros.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) == zeros.count,
        fsync(descriptor) == 0
    else { throw POSIXError(.EIO) }
    let record = [UInt8](repeating: 0x5A, count: 512)
    var perWrite: [Double] = []
    for _ in 0..<samples {
        let started = DispatchTime.now().uptimeNanoseconds
        for index in 0..<writes {
            let written = record.withUnsafeBytes {
                pwrite(descriptor, $0.baseAddress, $0.count, off_t(index * blockSize))
            }
            guard written == record.count, syncData(descriptor) else { throw POSIXError(.EIO) }
        }
        perWrite.append(Double(DispatchTime.now().uptimeNanoseconds - started) / Double(writes))
    }
    return perWrite
}

/// The flush SQLite's `synchronous = FULL` uses: `fdatasync` on Linux; elsewhere (Darwin has no `fdatasync`) `fsync`,
/// which is what SQLite calls there unless `PRAGMA fullfsync` is set.
private func syncData(_ descriptor: Int32) -> Bool {
    #if os(Linux)
    fdatasync(descriptor) == 0
    #else
    fsync(descriptor) == 0
    #endif
}
