import NIOCore
import NIOPosix

/// The one event loop that carries every HTTP connection of the process, and a task executor on it.
///
/// A request's task that waits on this loop wakes on the thread that read its answer; with the loop's thread and the
/// task's apart, each request crossed threads several times (`strace`: 7 futex calls per request), which cost more
/// than Sentinel's own work on the order path. One thread is the point on a bot's 2 cores; a process driving hundreds
/// of concurrent requests on many cores would want more.
public enum TransportEventLoop {
    static let loop: any EventLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1).next()
    static let executor = EventLoopTaskExecutor(loop)

    /// A bot whose loop sends one request after another may run that loop here
    /// (`Task(executorPreference: TransportEventLoop.taskExecutor) { … }`): its requests then never change threads.
    /// Its own work then runs on the thread that also reads every answer, so keep it short.
    public static var taskExecutor: any TaskExecutor { executor }
}
