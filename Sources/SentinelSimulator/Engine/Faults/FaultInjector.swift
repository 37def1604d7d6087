import Synchronization

/// Chooses which fault, if any, hits a request. Rules are tried in the order they were added; a rule with a
/// count retires when it is used up; a probability is drawn from a seeded generator, so runs repeat.
struct FaultInjector: Sendable {
    private(set) var rules: [FaultRule] = [] {
        didSet { armed.count.store(rules.count, ordering: .releasing) }
    }
    private var generator: SeededGenerator
    /// How many rules are armed, readable without the engine's lock: with none (every run but a fault drill), a
    /// request skips taking the lock just to find that out.
    let armed = ArmedFaults()

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    mutating func add(_ rule: FaultRule) {
        rules.append(rule)
    }

    mutating func clear() {
        rules.removeAll()
    }

    /// The fault for one request or stream event, consuming a count or drawing a probability.
    mutating func select(listener: String, exchange: String, path: String, streams: Bool) -> FaultRule? {
        for index in rules.indices {
            let rule = rules[index]
            guard rule.kind.isStreamFault == streams,
                rule.applies(toListener: listener, exchange: exchange, path: path)
            else { continue }
            if let probability = rule.probability {
                let draw = Double(generator.next() >> 11) / Double(UInt64(1) << 53)
                guard draw < probability else { continue }
            }
            if let remaining = rule.remaining {
                if remaining <= 1 {
                    rules.remove(at: index)
                } else {
                    rules[index].remaining = remaining - 1
                }
            }
            return rule
        }
        return nil
    }
}

/// The number of armed fault rules, shared by the injector (which writes it under the engine's lock) and the engine
/// (which reads it without).
final class ArmedFaults: Sendable {
    let count = Atomic<Int>(0)

    var none: Bool { count.load(ordering: .acquiring) == 0 }
}
