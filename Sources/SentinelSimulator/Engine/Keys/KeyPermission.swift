/// What a simulated API key may do. Each dialect maps these onto its exchange's own permission names.
enum KeyPermission: String, Sendable, Hashable, CaseIterable, Codable {
    case read
    case trade
    case futures
    case withdraw
    case transfer
}
