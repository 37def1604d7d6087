import GRDB
import SentinelCore
import Synchronization

/// Group commit for entries that must be on the disk before their orders leave. A placement made while no flushed
/// write is under way leads: it writes its own entry at once, on its own thread, with no hop to another. Placements
/// made while a flush is under way wait for the next transaction instead of queueing one fsync each behind it, and
/// that transaction, run on the journal's writer queue, carries all of them: one fsync for the whole group.
final class OrderJournalGroupCommit: Sendable {
    typealias Answer = Result<[SentinelError?], SentinelError>

    struct Member: Sendable {
        var requests: [OrderRequest]
        var venue: Venue
        var nowMs: Int64
        var continuation: CheckedContinuation<Answer, Never>
    }

    private struct State {
        var members: [Member] = []
        /// A flushed write is under way (a leader's or a group's): placements now wait for the next group.
        var flushing = false
        var groups = 0
    }

    private let state = Mutex(State())

    /// Whether the caller may lead (nothing is being flushed); if so, the caller must call `endLead` when written.
    func tryLead() -> Bool {
        state.withLock { state in
            guard !state.flushing else { return false }
            state.flushing = true
            return true
        }
    }

    /// Ends a leader's write, and answers whether the members that joined meanwhile need their group scheduled.
    func endLead() -> Bool {
        state.withLock { state in
            if state.members.isEmpty { state.flushing = false }
            return state.flushing
        }
    }

    /// Adds `member` to the next group, and answers whether that group must be scheduled: the flush it waited for
    /// ended before it joined.
    func join(_ member: Member) -> Bool {
        state.withLock { state in
            state.members.append(member)
            defer { state.flushing = true }
            return !state.flushing
        }
    }

    /// Writes the waiting members, each group in one flushed transaction with the updates `writer` has queued, and
    /// answers each member; then the group that joined during that flush, until none is waiting. Runs on the writer
    /// queue.
    func commitGroups(_ db: Database, writer: OrderJournalWriter) {
        while true {
            let members = state.withLock { state in
                if state.members.isEmpty { state.flushing = false }
                defer { state.members.removeAll(keepingCapacity: true) }
                return state.members
            }
            guard !members.isEmpty else { return }
            commit(members, db, writer: writer)
        }
    }

    private func commit(_ members: [Member], _ db: Database, writer: OrderJournalWriter) {
        state.withLock { $0.groups += 1 }
        var answers: [[SentinelError?]] = []
        answers.reserveCapacity(members.count)
        do {
            try writer.write(db, flushed: true, statements: members.reduce(0) { $0 + $1.requests.count }) { db in
                for member in members {
                    answers.append(
                        try OrderJournal.insertPending(member.requests, venue: member.venue, nowMs: member.nowMs, db))
                }
            }
        } catch {
            let failure = OrderJournal.writeFailure(error)
            for member in members { member.continuation.resume(returning: .failure(failure)) }
            return
        }
        for (member, answer) in zip(members, answers) { member.continuation.resume(returning: .success(answer)) }
    }

    /// Members waiting for a group (tests).
    var waitingCount: Int { state.withLock { $0.members.count } }
    /// Groups written so far (tests).
    var groupCount: Int { state.withLock { $0.groups } }
}
