/// The readout values of one arm of a screen.
public struct ScreenRow: Hashable, Sendable, Codable {
    /// The arm's number in ``ScreenPlan/arms`` order.
    public var arm: Int
    /// The candidates applied.
    public var candidates: [ScreenCandidate]
    /// The readout levels, in ``ScreenPlan/readouts`` order.
    public var values: [Double]

    /// Creates a row.
    public init(arm: Int, candidates: [ScreenCandidate], values: [Double]) {
        self.arm = arm
        self.candidates = candidates
        self.values = values
    }
}

/// The raw result of a screen or of one shard of it: the baseline and one row per arm run.
///
/// Rows are sorted by arm number, so a result never depends on thread count, and merging the
/// shards of a screen gives exactly the unsharded result (``ScreenResult/merge(_:)``).
public struct ScreenResult: Hashable, Sendable, Codable {
    /// The value of the `"format"` key in JSON.
    public static let formatName = "immunosim-screen"

    /// Always ``formatName``; lets `immunosim merge` recognise its inputs.
    public var format: String = ScreenResult.formatName
    /// The model the screen ran on (a reference such as `builtin:tme`, or a name).
    public var model: String
    /// A description of the simulation settings (semantics, steps, read-out), for provenance.
    public var settings: String
    /// What was screened.
    public var plan: ScreenPlan
    /// The shard this result holds, or `nil` for a complete screen.
    public var shard: ShardSpec?
    /// The readout levels without any intervention.
    public var baseline: [Double]
    /// One row per arm run, sorted by arm number.
    public var rows: [ScreenRow]

    /// Creates a result.
    public init(model: String, settings: String, plan: ScreenPlan, shard: ShardSpec?, baseline: [Double], rows: [ScreenRow]) {
        self.model = model
        self.settings = settings
        self.plan = plan
        self.shard = shard
        self.baseline = baseline
        self.rows = rows.sorted { $0.arm < $1.arm }
    }

    /// Combines the shards of one screen into the complete result.
    ///
    /// - Throws: ``PerturbationError`` when the inputs are not shards 1…N of the same screen
    ///   (different model, settings, plan or baseline; a shard missing or given twice).
    public static func merge(_ shards: [ScreenResult]) throws -> ScreenResult {
        guard let first = shards.first else { throw PerturbationError("merge needs at least one shard") }
        if shards.count == 1, first.shard == nil {
            try first.validate(name: "input 1")
            return first
        }
        guard let count = first.shard?.count else {
            throw PerturbationError("input 1 is a complete screen, not a shard")
        }
        guard (1...ShardSpec.maximumCount).contains(count) else {
            throw PerturbationError("input 1 says it is a shard of \(count); expected 1...\(ShardSpec.maximumCount) shards")
        }
        var seen = Set<Int>()
        var rows: [ScreenRow] = []
        for (i, shard) in shards.enumerated() {
            guard let spec = shard.shard else { throw PerturbationError("input \(i + 1) is a complete screen, not a shard") }
            guard spec.count == count else {
                throw PerturbationError("input \(i + 1) is shard \(spec) but input 1 is a shard of \(count)")
            }
            guard shard.model == first.model, shard.settings == first.settings, shard.plan == first.plan else {
                throw PerturbationError("input \(i + 1) (shard \(spec)) is from a different screen (model, settings or plan differ)")
            }
            guard shard.baseline == first.baseline else {
                throw PerturbationError("input \(i + 1) (shard \(spec)) has a different baseline; the runs are not comparable")
            }
            try shard.validate(name: "input \(i + 1) (shard \(spec))")
            guard seen.insert(spec.index).inserted else { throw PerturbationError("shard \(spec) is given twice") }
            rows.append(contentsOf: shard.rows)
        }
        let missing = (1...count).filter { !seen.contains($0) }
        guard missing.isEmpty else {
            throw PerturbationError("missing shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", "))")
        }
        return ScreenResult(model: first.model, settings: first.settings, plan: first.plan, shard: nil,
            baseline: first.baseline, rows: rows)
    }
}
