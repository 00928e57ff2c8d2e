import Foundation

/// Prints `label: count/total, rate, ETA` to standard error for runs longer than a second, unless
/// `--quiet`. On a terminal the line is rewritten in place at most ten times a second; elsewhere
/// (a cluster job's log file, a pipe) whole lines are printed — at each tenth of the run and at
/// least every 30 seconds — so a log shows progress without carriage returns.
final class ProgressPrinter: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastPrint = Date.distantPast
    private var lastTenth = 0
    private var printed = false
    private let label: String
    private let terminal: Bool
    let enabled: Bool

    init(label: String, quiet: Bool) {
        self.label = label
        terminal = isatty(2) != 0
        enabled = !quiet
    }

    /// Records progress; prints when due.
    func update(_ finished: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        let rate = Double(finished) / max(elapsed, 1e-9)
        let eta = rate > 0 ? Double(total - finished) / rate : 0
        let text = String(format: "%@: %d/%d, %.0f/s, ETA %.1f s", label, finished, total, rate, eta)
        if terminal {
            guard elapsed > 1, now.timeIntervalSince(lastPrint) > 0.1 || finished == total else { return }
            FileHandle.standardError.write(Data(("\r" + text + "   ").utf8))
            printed = true
        } else {
            let tenth = total > 0 ? finished * 10 / total : 10
            guard elapsed > 1, tenth > lastTenth || now.timeIntervalSince(lastPrint) >= 30 else { return }
            lastTenth = tenth
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
        lastPrint = now
    }

    /// Ends the progress line, if one was printed in place.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if printed { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
