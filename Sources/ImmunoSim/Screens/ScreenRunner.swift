/// Runs the arms of a screen in parallel with a deterministic result.
///
/// Each arm is evaluated by a caller-supplied pure function (for example a graded run of the
/// arm's scenario read at a step); arm `k` is always evaluated by the same function on the same
/// inputs, and results are stored by arm number, so the result is bit-identical for any thread
/// count. Any randomness inside `evaluate` must be seeded from the arm, never from time or thread.
public enum ScreenRunner {
    /// Progress so far: arms finished and arms in total (this shard).
    public typealias Progress = @Sendable (_ finished: Int, _ total: Int) -> Void

    /// Evaluates the baseline and every arm of `plan` in `shard` (all arms when `nil`) on up to
    /// `threads` concurrent tasks.
    ///
    /// - Parameters:
    ///   - plan: the candidates, readouts and combination order to screen.
    ///   - model: the model reference recorded in the result (e.g. `builtin:tme`).
    ///   - settings: a description of the simulation settings, recorded for provenance.
    ///   - shard: the shard to run, or `nil` for every arm.
    ///   - threads: the largest number of concurrent tasks (at least one is used).
    ///   - evaluate: returns the readout levels (in `plan.readouts` order) for an arm; the empty
    ///     arm is the baseline.
    ///   - progress: called after each arm from the worker that finished it.
    /// - Throws: the first error `evaluate` throws, or `CancellationError` when the task is
    ///   cancelled (checked between arms).
    /// - Complexity: one `evaluate` call per arm in the shard, plus one for the baseline.
    public static func run(
        plan: ScreenPlan, model: String, settings: String, shard: ShardSpec? = nil, threads: Int = 2,
        progress: Progress? = nil, evaluate: @escaping @Sendable (ScreenArm) throws -> [Double]
    ) async throws -> ScreenResult {
        let arms = plan.arms
        let selected = arms.indices.filter { shard?.contains(arm: $0) ?? true }
        let baseline = try evaluate(ScreenArm([]))
        let workers = max(1, min(threads, selected.count))
        let total = selected.count
        let counter = ProgressCounter()
        let rows = try await withThrowingTaskGroup(of: [ScreenRow].self) { group in
            for worker in 0..<workers {
                group.addTask {
                    var mine: [ScreenRow] = []
                    var k = worker
                    while k < selected.count {
                        try Task.checkCancellation()
                        let arm = selected[k]
                        let values = try evaluate(arms[arm])
                        mine.append(ScreenRow(arm: arm, candidates: arms[arm].candidates, values: values))
                        let finished = counter.increment()
                        progress?(finished, total)
                        k += workers
                    }
                    return mine
                }
            }
            var all: [ScreenRow] = []
            all.reserveCapacity(total)
            for try await part in group { all.append(contentsOf: part) }
            return all
        }
        return ScreenResult(model: model, settings: settings, plan: plan, shard: shard, baseline: baseline, rows: rows)
    }
}

/// A thread-safe counter for progress reports.
final class ProgressCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLockLike()

    /// Adds one and returns the new count.
    func increment() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
