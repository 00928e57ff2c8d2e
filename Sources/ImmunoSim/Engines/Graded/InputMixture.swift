import ImmunoGraph

/// Weighted sums of readings whose courses may differ in length (steady-state runs stop when they
/// settle): a shorter course stands for its last state from then on.
struct ReadingAccumulator {
    let nodeCount: Int
    private(set) var levels: [Double]
    private(set) var squares: [Double]
    private(set) var course: [Double] = []
    private(set) var times: [Double] = []
    private(set) var totalWeight = 0.0

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        levels = [Double](repeating: 0, count: nodeCount)
        squares = levels
    }

    /// Adds `reading` with weight `w`.
    mutating func add(_ reading: EngineReading, weight w: Double) {
        let n = nodeCount
        for i in 0..<n {
            levels[i] += w * reading.levels[i]
            squares[i] += w * reading.levels[i] * reading.levels[i]
        }
        if reading.times.count > times.count {
            // Earlier, shorter courses are padded with their (weighted) last state.
            let last = times.isEmpty ? [Double](repeating: 0, count: n) : Array(course[(course.count - n)...])
            for _ in times.count..<reading.times.count { course += last }
            times = reading.times
        }
        for t in 0..<times.count {
            let s = min(t, reading.stateCount - 1)
            for i in 0..<n { course[t * n + i] += w * reading.course[s * n + i] }
        }
        totalWeight += w
    }

    /// The weighted mean levels, their spread over the readings, and the mean course.
    func mean(nodeIDs: [String], readAt: String, samples: Int?) -> EngineReading {
        let total = max(totalWeight, .leastNonzeroMagnitude)
        let mean = levels.map { $0 / total }
        let spread = mean.indices.map { (max(0, squares[$0] / total - mean[$0] * mean[$0])).squareRoot() }
        return EngineReading(
            nodeIDs: nodeIDs, levels: mean, spread: samples == nil ? nil : spread, times: times,
            course: course.map { $0 / total }, readAt: readAt, samples: samples)
    }
}

extension CompiledGradedModel {
    /// The most valuations of frozen inputs a reading enumerates exactly (2^10); with more inputs
    /// it averages this many seeded draws.
    public static let maximumInputValuations = 1_024

    /// The inputs of a logical model (every regulated node has an explicit rule, as in imported
    /// bnet or SBML-qual models) that `inputs` starts strictly between off and on and does not
    /// clamp from step 0: Boolean nodes with no regulators (`X, X` in bnet) or whose rule is the
    /// node itself.
    ///
    /// Such an input never moves, so a start of 0.5 stands for a population in which half the
    /// cells have it on and half off — not for every cell half on. In graded models built from
    /// signed edges (the built-in ones) a level is an intensity and nothing is mixed.
    func mixedInputs(_ inputs: GradedInputs) -> [Int] {
        guard kind.allSatisfy({ $0 == .diagram || $0 == .rule || $0 == .keep }) else { return [] }
        return graph.nodes.indices.filter { i in
            let node = graph.nodes[i]
            guard node.maxLevel == 1, !node.isTherapy else { return false }
            let frozen: Bool
            if kind[i] == .keep {
                frozen = true
            } else if node.levelRules == nil, case .atom(let atom)? = node.rule {
                frozen = atom.node == node.id && atom.comparison == .atLeast && atom.level == 1
            } else {
                frozen = false
            }
            let p = inputs.initialLevels[i]
            return frozen && p > 0 && p < 1 && !inputs.clamps.contains { $0.node == i && $0.window.start == 0 }
        }
    }

    /// Reads `inputs`, as a mixture over the on/off valuations of its mixed inputs
    /// (``mixedInputs(_:)``): each valuation weighted by the product of `p` or `1 − p` of its
    /// inputs, exactly when there are at most 2^10 valuations, else as the mean of
    /// ``maximumInputValuations`` seeded draws (then the reading has a spread and a sample count).
    ///
    /// The multilinear extension is exact in expectation only for independent inputs; an input
    /// that feeds two branches which meet again (`C = A & B` with `A = I`, `B = I`) correlates
    /// them, and reading `I` as 0.5 in every cell gives C = 0.25 where the population has 0.5.
    ///
    /// - Complexity: one graded run per valuation.
    func mixtureReading(_ inputs: GradedInputs, run: (GradedInputs) -> EngineReading) -> EngineReading {
        let mixed = mixedInputs(inputs)
        if mixed.isEmpty { return run(inputs) }
        var accumulator = ReadingAccumulator(nodeCount: nodeCount)
        let exact = mixed.count <= 10
        let count = exact ? 1 << mixed.count : Self.maximumInputValuations
        var readAt = ""
        for k in 0..<count {
            var valued = inputs
            var weight = 1.0
            var rng = SeededGenerator(seed: Self.ensembleSeed(0x1_9E57, run: k))
            for (bit, i) in mixed.enumerated() {
                let p = inputs.initialLevels[i]
                let on = exact ? (k >> bit) & 1 == 1 : Double.random(in: 0..<1, using: &rng) < p
                valued.initialLevels[i] = on ? 1 : 0
                if exact { weight *= on ? p : 1 - p }
            }
            if exact && weight == 0 { continue }
            let reading = run(valued)
            readAt = reading.readAt
            accumulator.add(reading, weight: weight)
        }
        let what = exact
            ? "exact mixture over the \(count) on/off valuations of \(mixed.count) inputs started between 0 and 1"
            : "mean of \(count) seeded on/off valuations of \(mixed.count) inputs started between 0 and 1"
        return accumulator.mean(nodeIDs: graph.nodes.map(\.id), readAt: readAt + ", " + what, samples: exact ? nil : count)
    }
}
