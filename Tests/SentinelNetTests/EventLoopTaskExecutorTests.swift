import NIOPosix
import Testing

@testable import SentinelNet

/// A task that prefers the executor runs on its event loop, after each suspension too, and leaves it afterwards.
@Suite struct EventLoopTaskExecutorTests {
    @Test func aPreferringTaskRunsOnTheLoopAcrossSuspensions() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let executor = EventLoopTaskExecutor(loop)
        let onLoop = await withTaskExecutorPreference(executor) { () async -> [Bool] in
            var seen = [loop.inEventLoop]
            for _ in 0..<3 {
                await Task.yield()
                try? await Task.sleep(for: .milliseconds(1))
                seen.append(loop.inEventLoop)
            }
            return seen
        }
        #expect(onLoop == [true, true, true, true])
        #expect(!loop.inEventLoop, "back on the caller's executor")
    }
}
