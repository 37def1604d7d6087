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

    struct NotWritten: Error, CustomStringConvertible {
        var description: String { "the entries were not written" }
    }

    private struct State {
        var members: [Member] = []
        /// A flushed write is under way (a leader's or a group's): placements now wait for the next group.
        var flushing = false
        var groups = 0
    }

    private let state = Mutex(State())

    /// Whether the caller may lead (nothing is being flushed); if so, the caller must call `endFlush` when written.
    func tryLead() -> Bool {
        state.withLock { state in
            guard !state.flushing else { return false }
            state.flushing = true
            return true
        }
    }

    /// Ends a flush (a leader's or a group's), and answers whether members joined meanwhile: their group must be
    /// scheduled next, and the flush stays under way until it is written.
    func endFlush() -> Bool {
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

    /// Writes the waiting members in one flushed transaction with the updates `writer` has queued, and answers each;
    /// answers whether members joined during its flush (their group must be scheduled next). Runs on the writer queue.
    func commitGroup(_ db: Database, writer: OrderJournalWriter) -> Bool {
        let members = state.withLock { state in
            defer { state.members.removeAll(keepingCapacity: true) }
            return state.members
        }
        if !members.isEmpty { commit(members, db, writer: writer) }
        return endFlush()
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
        for (index, member) in members.enumerated() {
            // Every member is answered once; one whose entries were not written (none to write) is not told they were.
            member.continuation.resume(
                returning: index < answers.count
                    ? .success(answers[index]) : .failure(OrderJournal.writeFailure(OrderJournalGroupCommit.NotWritten())))
        }
    }

    /// Members waiting for a group (tests).
    var waitingCount: Int { state.withLock { $0.members.count } }
    /// Groups written so far (tests).
    var groupCount: Int { state.withLock { $0.groups } }
}
