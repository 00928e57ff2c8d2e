import Foundation

/// A minimal lock (Foundation's `NSLock`) with a scoped `withLock`.
final class NSLockLike: @unchecked Sendable {
    private let lock = NSLock()

    /// Runs `body` while holding the lock.
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }
}
