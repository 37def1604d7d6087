/// The clear-text start of `vault.sentinel`. All of it is authenticated as the AEAD's associated data, so changing
/// any header byte (a cheaper KDF, another salt) makes the file fail to open.
///
/// ```
/// offset size  field
///      0    8  magic "SENTINEL"
///      8    2  format version (big-endian), 1
///     10    1  cipher: 1 = AES-256-GCM
///     11    1  KDF: 1 = scrypt
///     12    1  log2(N)
///     13    4  r
///     17    4  p
///     21    1  salt length, 32
///     22   32  salt, fresh on every save
///     54   12  nonce, fresh on every save
///     66    4  ciphertext length
///     70       ciphertext, then the 16-byte GCM tag
///    end   32  SHA-256 of every byte before it
/// ```
/// The trailing SHA-256 is not a security measure (an attacker can recompute it; the GCM tag is what protects the
/// file): it tells accidental damage (disk error, truncated copy) apart from a wrong password. Every format version
/// keeps it as the last 32 bytes, so damage is recognised even in a file from a newer version.
struct VaultHeader: Equatable {
    static let magic = Array("SENTINEL".utf8)
    static let currentVersion: UInt16 = 1
    static let size = 70
    static let saltSize = 32
    static let nonceSize = 12
    static let tagSize = 16
    static let digestSize = 32

    enum Cipher: UInt8 { case aes256GCM = 1 }
    enum KDF: UInt8 { case scrypt = 1 }

    var version: UInt16 = currentVersion
    var cipher: Cipher = .aes256GCM
    var kdf: KDF = .scrypt
    var parameters: KDFParameters
    var salt: [UInt8]
    var nonce: [UInt8]
    var ciphertextLength: UInt32

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        writer.append(raw: Self.magic)
        writer.append(version)
        writer.append(cipher.rawValue)
        writer.append(kdf.rawValue)
        writer.append(parameters.log2N)
        writer.append(parameters.blockSize)
        writer.append(parameters.parallelism)
        writer.append(UInt8(salt.count))
        writer.append(raw: salt)
        writer.append(raw: nonce)
        writer.append(ciphertextLength)
        return writer.bytes
    }

    /// The fields as written, before any are trusted. Nil when `bytes` is shorter than a version 1 header.
    struct Fields {
        var version: UInt16
        var cipher: UInt8
        var kdf: UInt8
        var log2N: UInt8
        var blockSize: UInt32
        var parallelism: UInt32
        var saltLength: UInt8
        var salt: [UInt8]
        var nonce: [UInt8]
        var ciphertextLength: UInt32

        init?(_ bytes: [UInt8]) {
            var reader = ByteReader(bytes, offset: VaultHeader.magic.count)
            guard let version = reader.uint16(), let cipher = reader.uint8(), let kdf = reader.uint8(),
                let log2N = reader.uint8(), let blockSize = reader.uint32(), let parallelism = reader.uint32(),
                let saltLength = reader.uint8(), let salt = reader.take(VaultHeader.saltSize),
                let nonce = reader.take(VaultHeader.nonceSize), let ciphertextLength = reader.uint32()
            else { return nil }
            (self.version, self.cipher, self.kdf, self.log2N) = (version, cipher, kdf, log2N)
            (self.blockSize, self.parallelism, self.saltLength) = (blockSize, parallelism, saltLength)
            (self.salt, self.nonce, self.ciphertextLength) = (salt, nonce, ciphertextLength)
        }
    }
}
