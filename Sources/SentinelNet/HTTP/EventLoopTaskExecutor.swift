import NIOCore

/// Runs Swift concurrency jobs on one NIO event loop: a task that prefers it wakes on the loop that reads its
/// connection, instead of a thread of the global pool that the loop must wake.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) { self.loop = loop }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
