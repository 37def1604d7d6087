import Foundation

enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/" + name)
        return Array(try Data(contentsOf: url))
    }
}
