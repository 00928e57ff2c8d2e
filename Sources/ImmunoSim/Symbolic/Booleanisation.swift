import ImmunoGraph

/// A multi-valued logical model written as a Boolean one, so the Boolean analyses (percolation,
/// trap spaces, symbolic attractors, control) apply to it.
///
/// Each node `X` with maximum level `m > 1` becomes `m` Boolean variables `X>=1 … X>=m` (the
/// *thermometer* or Van Ham coding: level `c` is `X>=1 … X>=c` on, the rest off); Boolean nodes
/// keep their identifier. With `F_k` the condition "the target of `X` is at least `k`", the
/// variable `X>=k` follows
///
///     X>=k  =  (F_k & X>=(k-1)) | X>=(k+1)      (X>=0 = true, X>=(m+1) = false)
///
/// On a coded (admissible) state exactly one of `X`'s variables can change, and only when the
/// multi-valued node would move one level toward its target — so the Boolean asynchronous graph
/// restricted to admissible states *is* the multi-valued one. Admissible states never lead out of
/// the admissible set, and from any other state `X>=(k+1) = 1` lets `X>=k` switch on until the
/// coding is admissible; hence every attractor (terminal strongly connected component) and every
/// trap space's attractor of the Boolean model is admissible: the Boolean model has exactly the
/// multi-valued model's asynchronous attractors, no spurious ones. (Synchronous dynamics are not
/// preserved; only asynchronous analyses use this coding.)
struct BooleanisedModel: Sendable {
    /// The Boolean model: for each original node in order, its variables (one for a Boolean node).
    let boolean: LogicalModel
    /// The original (multi-valued) model.
    let original: LogicalModel
    /// The Boolean variables of each original node, `X>=1 … X>=m` in order.
    let variables: [Range<Int>]
    /// The original node of each Boolean variable.
    let owner: [Int]

    /// The identity coding of a Boolean model.
    init(identity model: LogicalModel) {
        self.init(boolean: model, original: model, variables: (0..<model.nodeCount).map { $0..<($0 + 1) },
                  owner: Array(0..<model.nodeCount))
    }

    private init(boolean: LogicalModel, original: LogicalModel, variables: [Range<Int>], owner: [Int]) {
        self.boolean = boolean
        self.original = original
        self.variables = variables
        self.owner = owner
    }

    /// Codes `model` (identity when every node is Boolean).
    ///
    /// - Throws: ``LogicalAnalysisError`` when a coded identifier `X>=k` clashes with an existing
    ///   node, or a threshold node has more than ``maximumWeightedInputs`` inputs.
    /// - Complexity: O(Σ m × size of the node's function) expression nodes; a threshold function
    ///   is expanded over its inputs, O(2^inputs) in the worst case.
    init(_ model: LogicalModel) throws(LogicalAnalysisError) {
        guard model.maxLevels.contains(where: { $0 > 1 }) else {
            self.init(identity: model)
            return
        }
        var ids: [String] = [], owner: [Int] = [], variables: [Range<Int>] = []
        for (i, id) in model.nodeIDs.enumerated() {
            let m = model.maxLevels[i]
            let start = ids.count
            if m == 1 { ids.append(id) } else { for k in 1...m { ids.append("\(id)>=\(k)") } }
            variables.append(start..<ids.count)
            owner += Array(repeating: i, count: ids.count - start)
        }
        let existing = Set(model.nodeIDs)
        for (v, id) in ids.enumerated() where model.maxLevels[owner[v]] > 1 && existing.contains(id) {
            throw LogicalAnalysisError("cannot code '\(model.name)' as a Boolean model: the variable '\(id)' "
                + "of multi-valued node '\(model.nodeIDs[owner[v]])' clashes with a node of that name")
        }
        let coder = ThermometerCoder(model: model, ids: ids, variables: variables)
        var functions: [NodeFunction] = []
        for i in 0..<model.nodeCount {
            let m = model.maxLevels[i]
            for k in 1...m {
                let atLeastK = try coder.targetAtLeast(k, node: i)
                let rule = Thermometer.update(targetAtLeast: atLeastK, k: k) { coder.atLeast(i, $0) }
                functions.append(.boolean(rule))
            }
        }
        let clamps = model.clamps.flatMap { clamp in
            variables[clamp.node].enumerated().map { k, v in
                LogicalClamp(node: v, level: k + 1 <= clamp.level ? 1 : 0, window: clamp.window)
            }
        }
        let initial = Self.thermometer(model.initialLevels, maxLevels: model.maxLevels)
        let boolean: LogicalModel
        do {
            boolean = try LogicalModel(name: model.name, nodes: ids.map { ($0, 1) }, functions: functions,
                                       clamps: clamps, initialLevels: initial)
        } catch {
            throw LogicalAnalysisError("cannot code '\(model.name)' as a Boolean model: \(error.message)")
        }
        self.init(boolean: boolean, original: model, variables: variables, owner: owner)
    }

    /// The most inputs a threshold (weighted-sum) function may have when coded.
    static let maximumWeightedInputs = 16

    /// Whether the coding is the identity (the model was Boolean).
    var isIdentity: Bool { boolean.nodeCount == original.nodeCount }

    /// The Boolean conditions meaning "node `i` is at `level`" (one or two variables).
    func conditions(node i: Int, level: Int) -> [(variable: Int, value: Int8)] {
        let range = variables[i]
        let m = range.count
        var result: [(variable: Int, value: Int8)] = []
        if m == 1 { return [(range.lowerBound, Int8(level))] }
        if level >= 1 { result.append((range.lowerBound + level - 1, 1)) }
        if level < m { result.append((range.lowerBound + level, 0)) }
        return result
    }

    /// A state of levels (missing nodes at 0) as the coded Boolean state.
    static func thermometer(_ levels: [Int], maxLevels: [Int]) -> [Int] {
        maxLevels.indices.flatMap { i in
            (1...maxLevels[i]).map { k in k <= (levels.indices.contains(i) ? levels[i] : 0) ? 1 : 0 }
        }
    }

    /// A state of levels of the original model as a state of the coded one.
    func coded(_ levels: [Int]) -> [Int] { Self.thermometer(levels, maxLevels: original.maxLevels) }

    /// The original level of node `i` in a Boolean state (the number of its variables on, which is
    /// the level on admissible states).
    func level(of i: Int, in state: [Int]) -> Int {
        variables[i].reduce(0) { $0 + state[$1] }
    }
}

/// Translates conditions over levels into conditions over thermometer variables.
struct ThermometerCoder {
    let model: LogicalModel
    let ids: [String]
    let variables: [Range<Int>]

    /// `X >= level` as a Boolean expression over the coded variables.
    func atLeast(_ i: Int, _ level: Int) -> Expression {
        if level <= 0 { return .constant(true) }
        if level > model.maxLevels[i] { return .constant(false) }
        return .variable(ids[variables[i].lowerBound + level - 1])
    }

    /// An expression over levels, coded (`Thermometer.code` in ImmunoGraph).
    func code(_ expression: Expression) -> Expression {
        Thermometer.code(expression) { id in
            model.index(of: id).map { i in variables[i].map { .variable(ids[$0]) } }
        }
    }

    /// "The target of node `i` is at least `k`" over the coded variables.
    func targetAtLeast(_ k: Int, node i: Int) throws(LogicalAnalysisError) -> Expression {
        switch model.functions[i].body {
        case .terms(let terms, let defaultLevel):
            var parts: [Expression] = []
            var earlier: [Expression] = []
            for term in terms {
                let condition = code(term.condition)
                if term.level >= k { parts.append(Thermometer.and(earlier + [condition])) }
                earlier.append(Thermometer.not(condition))
            }
            if let level = defaultLevel {
                if level >= k { parts.append(Thermometer.and(earlier)) }
            } else {
                parts.append(Thermometer.and(earlier + [atLeast(i, k)]))
            }
            return Thermometer.or(parts)
        case .weightedSum(let inputs):
            guard inputs.count <= BooleanisedModel.maximumWeightedInputs else {
                throw LogicalAnalysisError("cannot code node '\(model.nodeIDs[i])' as Boolean variables: its threshold "
                    + "function has \(inputs.count) inputs, more than \(BooleanisedModel.maximumWeightedInputs)")
            }
            // Sum > 0 → maximum (≥ k); < 0 → 0; = 0 → keep (≥ k when the node is).
            let atoms = inputs.map { input in model.index(of: input.node).map { atLeast($0, input.level) } ?? .constant(false) }
            var positiveAfter = [Double](repeating: 0, count: inputs.count + 1)
            var negativeAfter = [Double](repeating: 0, count: inputs.count + 1)
            for j in stride(from: inputs.count - 1, through: 0, by: -1) {
                positiveAfter[j] = positiveAfter[j + 1] + max(0, inputs[j].weight)
                negativeAfter[j] = negativeAfter[j + 1] + min(0, inputs[j].weight)
            }
            let keep = atLeast(i, k)
            // Shannon expansion over the inputs in order (the sum is added in the same order as
            // the reference semantics, so equal partial sums are equal doubles); depth ≤ 16.
            func expand(_ j: Int, _ partial: Double) -> Expression {
                if j == inputs.count { return partial > 0 ? .constant(true) : (partial < 0 ? .constant(false) : keep) }
                // The sign is settled whatever the remaining inputs (with a margin for rounding).
                if partial + negativeAfter[j] > 1e-9 { return .constant(true) }
                if partial + positiveAfter[j] < -1e-9 { return .constant(false) }
                let on = expand(j + 1, partial + inputs[j].weight)
                let off = expand(j + 1, partial)
                if on == off { return on }
                return Thermometer.or([Thermometer.and([atoms[j], on]), Thermometer.and([Thermometer.not(atoms[j]), off])])
            }
            return expand(0, 0)
        }
    }

}
