import Foundation

/// Prints `count/total, rate, ETA` to standard error for runs longer than a second, at most ten
/// times a second — only when standard error is a terminal and `--quiet` was not given.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var printed = false
    private let label: String
    let enabled: Bool

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(2) != 0
    }

    /// Records progress; prints when due.
    func update(_ finished: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1, now.timeIntervalSince(lastPrint) > 0.1 || finished == total else { return }
        lastPrint = now
        let rate = Double(finished) / max(elapsed, 1e-9)
        let eta = rate > 0 ? Double(total - finished) / rate : 0
        let line = String(format: "\r%@: %d/%d, %.0f/s, ETA %.1f s   ", label, finished, total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
        printed = true
    }

    /// Ends the progress line, if one was printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printed { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
