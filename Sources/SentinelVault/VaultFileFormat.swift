import Crypto
import CryptoExtras
import SentinelCore

/// Seals a payload into the bytes of `vault.sentinel` and opens them again (the layout is in `VaultHeader`).
enum VaultFileFormat {
    /// A fresh salt and nonce every time, so two saves of the same content share nothing.
    static func seal(_ payload: [UInt8], password: SecretText, parameters: KDFParameters) throws(SentinelError)
        -> [UInt8]
    {
        let salt = randomBytes(VaultHeader.saltSize)
        let nonceBytes = randomBytes(VaultHeader.nonceSize)
        let header = VaultHeader(
            parameters: parameters, salt: salt, nonce: nonceBytes, ciphertextLength: UInt32(payload.count)
        ).encoded()
        let key = try deriveKey(password, salt: salt, parameters: parameters)
        let sealed: AES.GCM.SealedBox
        do {
            sealed = try AES.GCM.seal(
                payload, using: key, nonce: try AES.GCM.Nonce(data: nonceBytes), authenticating: header)
        } catch {
            throw VaultError.make(
                .invalidInput, .fileSystem, "The vault could not be encrypted (\(type(of: error))).",
                fix: ["Run the command again; if it keeps failing, report it as a bug."])
        }
        var file = header
        file += sealed.ciphertext
        file += sealed.tag
        file += SHA256.hash(data: file)
        return file
    }

    struct Opened {
        var payload: [UInt8]
        var parameters: KDFParameters
    }

    /// Checks the file from the outside in — signature, integrity, version, parameter bounds — before spending
    /// any time on the key, then decrypts.
    static func open(_ file: [UInt8], password: SecretText, location: VaultLocation) throws(SentinelError) -> Opened {
        let header = try checkedHeader(file, location: location)
        let parameters: KDFParameters
        do {
            parameters = try KDFParameters(
                log2N: header.log2N, blockSize: header.blockSize, parallelism: header.parallelism)
        } catch {
            throw VaultError.unsafeParameters(
                "scrypt N=2^\(header.log2N) r=\(header.blockSize) p=\(header.parallelism)", path: location.file)
        }
        let key = try deriveKey(password, salt: header.salt, parameters: parameters)
        let ciphertextEnd = VaultHeader.size + Int(header.ciphertextLength)
        do {
            let box = try AES.GCM.SealedBox(
                nonce: try AES.GCM.Nonce(data: header.nonce),
                ciphertext: file[VaultHeader.size..<ciphertextEnd],
                tag: file[ciphertextEnd..<(ciphertextEnd + VaultHeader.tagSize)])
            let payload = try AES.GCM.open(box, using: key, authenticating: file[0..<VaultHeader.size])
            return Opened(payload: Array(payload), parameters: parameters)
        } catch {
            throw VaultError.wrongPassword(location)
        }
    }

    /// The KDF parameters recorded in `file`, after the same checks as `open` but without the password.
    static func parameters(of file: [UInt8], location: VaultLocation) throws(SentinelError) -> KDFParameters {
        let header = try checkedHeader(file, location: location)
        do {
            return try KDFParameters(log2N: header.log2N, blockSize: header.blockSize, parallelism: header.parallelism)
        } catch {
            throw VaultError.unsafeParameters(
                "scrypt N=2^\(header.log2N) r=\(header.blockSize) p=\(header.parallelism)", path: location.file)
        }
    }

    private static func checkedHeader(_ file: [UInt8], location: VaultLocation) throws(SentinelError)
        -> VaultHeader.Fields
    {
        let magic = VaultHeader.magic
        guard !file.isEmpty else {
            throw VaultError.damaged(.truncated, "The vault file is empty: it was cut off.", location)
        }
        guard file.starts(with: magic.prefix(file.count)) else {
            throw VaultError.damaged(
                .notAVault, "The file does not start with a Sentinel vault's signature: it is damaged or not a vault.",
                location)
        }
        let smallest = VaultHeader.size + VaultHeader.tagSize + VaultHeader.digestSize
        let declared = VaultHeader.Fields(file).map { smallest + Int($0.ciphertextLength) }
        guard file.count >= magic.count + 2 + VaultHeader.digestSize else {
            throw truncated(file.count, declared, location)
        }
        let body = file.prefix(file.count - VaultHeader.digestSize)
        guard SHA256.hash(data: body).elementsEqual(file.suffix(VaultHeader.digestSize)) else {
            if let declared, declared > file.count { throw truncated(file.count, declared, location) }
            throw VaultError.damaged(
                .corrupted,
                "The vault file is damaged: its checksum does not match its contents (a disk error or a modified "
                    + "file).", location, evidence: [.init("size", "\(file.count) bytes")])
        }
        var reader = ByteReader(file, offset: magic.count)
        let version = reader.uint16() ?? 0
        if version > VaultHeader.currentVersion { throw VaultError.newerVersion(version, location) }
        guard version == VaultHeader.currentVersion, let fields = VaultHeader.Fields(file),
            fields.cipher == VaultHeader.Cipher.aes256GCM.rawValue, fields.kdf == VaultHeader.KDF.scrypt.rawValue,
            Int(fields.saltLength) == VaultHeader.saltSize, smallest + Int(fields.ciphertextLength) == file.count
        else {
            throw VaultError.damaged(
                .corrupted, "The vault file's header is inconsistent: the file is damaged.", location,
                evidence: [.init("size", "\(file.count) bytes")])
        }
        return fields
    }

    private static func truncated(_ found: Int, _ expected: Int?, _ location: VaultLocation) -> SentinelError {
        let evidence: [Diagnosis.Evidence] =
            expected.map { [.init("size", "\(found) of \($0) bytes")] } ?? [.init("size", "\(found) bytes")]
        return VaultError.damaged(
            .truncated, "The vault file is cut off (truncated): a copy or a disk was interrupted.", location,
            evidence: evidence)
    }

    private static func deriveKey(_ password: SecretText, salt: [UInt8], parameters: KDFParameters)
        throws(SentinelError) -> SymmetricKey
    {
        guard !password.isEmpty else { throw VaultPassword.emptyPassword() }
        do {
            return try password.withRevealedBytes { bytes in
                try KDF.Scrypt.deriveKey(
                    from: bytes, salt: salt, outputByteCount: 32, rounds: parameters.rounds,
                    blockSize: Int(parameters.blockSize), parallelism: Int(parameters.parallelism))
            }
        } catch {
            throw VaultError.make(
                .invalidInput, .unsafeParameters,
                "The vault key could not be derived with \(parameters): the parameters are within Sentinel's bounds, "
                    + "which scrypt accepts, so the machine is most likely short of memory.",
                fix: ["Close other programs and try again; scrypt needs \(parameters.memoryDescription)."])
        }
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
}

extension KDFParameters {
    var memoryDescription: String { "\((128 * rounds * Int(blockSize)) >> 20) MiB" }
}
