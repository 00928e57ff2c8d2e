extension ShardSpec {
    /// The largest number of shards a screen may be split into.
    public static let maximumCount = 100_000
}

extension ScreenPlan {
    /// The largest number of arms a plan may have (singles, pairs and triples together).
    public static let maximumArms = 10_000_000

    /// The number of arms ``arms`` would list, or `nil` when it exceeds ``maximumArms`` — computed
    /// without enumerating them, so a hostile plan cannot make a reader allocate.
    ///
    /// - Complexity: O(C) for C candidates.
    public var armCount: Int? {
        let c = candidates.count
        guard c <= 1_000_000 else { return nil }
        // Candidates acting on one node are never combined: count by node groups.
        var groups: [String: Int] = [:]
        for candidate in candidates { groups[candidate.node, default: 0] += 1 }
        let sizes = Array(groups.values)
        // Elementary symmetric sums e1, e2, e3 of the group sizes count singles, pairs, triples.
        var e1 = 0.0, e2 = 0.0, e3 = 0.0
        for s in sizes.map(Double.init) {
            e3 += e2 * s
            e2 += e1 * s
            e1 += s
        }
        let total = e1 + (order >= 2 ? e2 : 0) + (order >= 3 ? e3 : 0)
        return total <= Double(Self.maximumArms) ? Int(total) : nil
    }
}

extension ScreenResult {
    /// Checks that the result is a faithful screen (or shard) of its own plan: a supported format,
    /// shard numbers in range, one baseline value and one row value per readout (finite numbers),
    /// and exactly the arms of its shard, each once, with the candidates the plan gives that arm.
    ///
    /// `immunosim merge` calls this on every input, so duplicated, foreign or truncated rows are
    /// refused instead of merged.
    ///
    /// - Parameter name: how the result is named in messages (a file name).
    /// - Throws: ``PerturbationError`` naming `name`, the row and what is wrong.
    /// - Complexity: O(A) for A arms in the plan.
    public func validate(name: String) throws {
        func fail(_ message: String) -> PerturbationError { PerturbationError("\(name): \(message)") }
        guard format == Self.formatName else {
            throw fail("at format: not a screen result: \"format\" is \"\(format.prefix(60))\", expected \"\(Self.formatName)\"")
        }
        guard (1...3).contains(plan.order) else { throw fail("at plan.order: \(plan.order); expected 1, 2 or 3") }
        guard !plan.readouts.isEmpty else { throw fail("at plan.readouts: empty; a screen has at least one readout") }
        guard let armCount = plan.armCount else {
            throw fail("at plan.candidates: the plan has more than \(ScreenPlan.maximumArms) arms (the limit of a screen)")
        }
        if let shard {
            guard (1...ShardSpec.maximumCount).contains(shard.count), (1...shard.count).contains(shard.index) else {
                throw fail("at shard: shard \(shard.index)/\(shard.count) is invalid; expected I/N with 1 <= I <= N <= \(ShardSpec.maximumCount)")
            }
        }
        let width = plan.readouts.count
        guard baseline.count == width else {
            throw fail("at baseline: \(baseline.count) values but the plan has \(width) readouts")
        }
        guard baseline.allSatisfy(\.isFinite) else { throw fail("at baseline: a value that is not a finite number") }
        let arms = plan.arms
        let expected = shard.map { s in stride(from: s.index - 1, to: armCount, by: s.count) }
            ?? stride(from: 0, to: armCount, by: 1)
        var iterator = expected.makeIterator()
        for (k, row) in rows.enumerated() {
            let place = "at rows[\(k)] (arm \(row.arm))"
            guard (0..<armCount).contains(row.arm) else {
                throw fail("\(place): the plan has arms 0...\(armCount - 1); this row is not from this screen")
            }
            guard let next = iterator.next(), next == row.arm else {
                if let shard, !shard.contains(arm: row.arm) {
                    throw fail("\(place) belongs to shard \(row.arm % shard.count + 1)/\(shard.count), not to \(shard)")
                }
                throw fail("\(place) is out of order or given twice; each arm must appear once, in arm order")
            }
            guard row.candidates == arms[row.arm].candidates else {
                throw fail("\(place) is '\(ScreenArm(row.candidates))' but the plan's arm \(row.arm) is '\(arms[row.arm])'")
            }
            guard row.values.count == width else {
                throw fail("\(place) has \(row.values.count) values but the plan has \(width) readouts")
            }
            guard row.values.allSatisfy(\.isFinite) else { throw fail("\(place) holds a value that is not a finite number") }
        }
        if let missing = iterator.next() {
            throw fail("at rows: arm \(missing) ('\(arms[missing])') is missing; \(shard.map { "shard \($0)" } ?? "the screen") is incomplete")
        }
    }
}
