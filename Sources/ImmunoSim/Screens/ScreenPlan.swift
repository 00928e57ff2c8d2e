/// One intervention a screen can apply: a therapy (or input node) switched on, or a knockout.
public struct ScreenCandidate: Hashable, Sendable, Codable, CustomStringConvertible {
    /// How the candidate acts.
    public enum Action: String, Hashable, Sendable, Codable {
        /// The therapy node (or input node) is switched on from step 0.
        case therapy
        /// The node is held at 0 throughout.
        case knockout
    }

    /// The node identifier.
    public var node: String
    /// How the candidate acts on it.
    public var action: Action

    /// Creates a candidate.
    public init(_ node: String, _ action: Action) {
        self.node = node
        self.action = action
    }

    /// `ANTI_PD1` for a therapy, `KO:TIM3` for a knockout.
    public var description: String { action == .therapy ? node : "KO:\(node)" }
}

/// A set of candidates applied together: one arm of a screen (a single, a pair, a triple).
public struct ScreenArm: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The candidates, in plan order.
    public var candidates: [ScreenCandidate]

    /// Creates an arm.
    public init(_ candidates: [ScreenCandidate]) { self.candidates = candidates }

    /// `ANTI_PD1 + KO:TIM3`; the empty arm is `baseline`.
    public var description: String {
        candidates.isEmpty ? "baseline" : candidates.map(\.description).joined(separator: " + ")
    }
}

/// Which slice of a screen to run: shard `index` of `count` (1-based index, as in Slurm arrays).
public struct ShardSpec: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The shard to run, 1…count.
    public var index: Int
    /// The number of shards.
    public var count: Int

    /// Creates a shard specification; `index` must be in 1…count, `count` at most ``maximumCount``.
    public init(index: Int, count: Int) throws {
        guard (1...Self.maximumCount).contains(count), (1...count).contains(index) else {
            throw PerturbationError("shard \(index)/\(count) is invalid; expected I/N with 1 <= I <= N <= \(Self.maximumCount)")
        }
        self.index = index
        self.count = count
    }

    /// Parses `I/N`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw PerturbationError("shard '\(text)' is not of the form I/N (e.g. 3/10)")
        }
        try self.init(index: i, count: n)
    }

    /// Whether arm number `arm` (0-based, in plan order) belongs to this shard. Arms are dealt
    /// round-robin so every shard gets a similar mix of singles and pairs.
    public func contains(arm: Int) -> Bool { arm % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}

/// What a screen runs: the candidates, the readouts, and every arm in a fixed order.
///
/// Arms are enumerated deterministically: all singles in candidate order, then all pairs
/// (i < j), then all triples when asked — so arm numbers, shards and merged results never depend
/// on thread count or timing.
public struct ScreenPlan: Hashable, Sendable, Codable {
    /// The candidates, in order.
    public var candidates: [ScreenCandidate]
    /// The readout node identifiers.
    public var readouts: [String]
    /// The largest combination size: 1 singles, 2 pairs, 3 triples.
    public var order: Int

    /// Creates a plan.
    public init(candidates: [ScreenCandidate], readouts: [String], order: Int = 2) {
        self.candidates = candidates
        self.readouts = readouts
        self.order = max(1, min(order, 3))
    }

    /// Every arm in plan order (the baseline is not an arm).
    ///
    /// Pairs that act twice on the same node (a therapy and a knockout of one node) are skipped.
    /// - Complexity: O(C^order).
    public var arms: [ScreenArm] {
        let c = candidates
        var arms = c.map { ScreenArm([$0]) }
        if order >= 2 {
            for i in c.indices { for j in c.indices where j > i && c[i].node != c[j].node { arms.append(ScreenArm([c[i], c[j]])) } }
        }
        if order >= 3 {
            for i in c.indices {
                for j in c.indices where j > i && c[i].node != c[j].node {
                    for k in c.indices where k > j && c[k].node != c[i].node && c[k].node != c[j].node {
                        arms.append(ScreenArm([c[i], c[j], c[k]]))
                    }
                }
            }
        }
        return arms
    }
}
