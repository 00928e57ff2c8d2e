/// What the attractor check found for one perturbation set.
enum ControlCheckOutcome {
    /// Every attractor (or minimal trap space) lies in the target; how many were checked.
    case inside(ControlVerification, Int)
    /// Some attractor lies outside the target.
    case outside
    /// Neither the attractors nor the minimal trap spaces decide within limits.
    case unknown
}

extension ControlSearch {
    /// Decides a set that percolation leaves undecided: the attractors of the part of the model
    /// upstream of the free target nodes, inside the percolated subspace `values`.
    ///
    /// The part read is closed upstream (every node its free nodes read is in it; nodes fixed by
    /// percolation or perturbation are held leaves), so its asynchronous dynamics are those of the
    /// whole model projected on it, and its attractors are exactly the projections of the whole
    /// model's attractors inside the percolated subspace — which hold all of them.
    ///
    /// - Complexity: one symbolic attractor search on the part (exponential in the worst case).
    mutating func checkAttractors(values: [Int8], free: [(node: Int, value: Int8)], walkEnds: [[Int8]]) -> ControlCheckOutcome {
        // The part: the free target nodes and, through free nodes, everything they read.
        var inPart = Set(free.map(\.node))
        var stack = free.map(\.node)
        while let i = stack.popLast() {
            guard values[i] < 0 else { continue }   // a held leaf: not expanded
            for id in model.functions[i].variables {
                if let j = model.index(of: id), inPart.insert(j).inserted { stack.append(j) }
            }
        }
        let part = inPart.sorted()
        // Sets that leave the part in the same state (a perturbation elsewhere, or one percolation
        // already implies) have the same answer: decided once.
        let key = part.map { Int32($0) * 3 + Int32(values[$0]) + 1 }
        if let known = outcomes[key] { return known }
        let outcome = checkPart(part, values: values, free: free, walkEnds: walkEnds)
        outcomes[key] = outcome
        result.attractorSearches += 1
        return outcome
    }

    /// The attractor check of one part (see ``checkAttractors(values:free:)``).
    func checkPart(_ part: [Int], values: [Int8], free: [(node: Int, value: Int8)], walkEnds: [[Int8]]) -> ControlCheckOutcome {
        let position = Dictionary(uniqueKeysWithValues: part.enumerated().map { ($1, $0) })
        var clamps: [LogicalClamp] = []
        var functions: [NodeFunction] = []
        for (k, i) in part.enumerated() {
            if values[i] >= 0 {
                functions.append(.keep)
                clamps.append(LogicalClamp(node: k, level: Int(values[i])))
            } else {
                functions.append(model.functions[i])
            }
        }
        let sub: LogicalModel
        do {
            sub = try LogicalModel(name: model.name, nodes: part.map { (model.nodeIDs[$0], 1) },
                                   functions: functions, clamps: clamps)
        } catch {
            return .unknown
        }
        let wanted = free.compactMap { t in position[t.node].map { (k: $0, value: Int(t.value)) } }
        // First the attractors reachable from the walks' ends (a small forward set, usually):
        // one outside the target refutes the set without the search over every state. The
        // attractors are judged as one decision diagram, never listed (some have billions of
        // states).
        let starts = walkEnds.map { end in part.map { Int(max(0, end[$0])) } }
        if !starts.isEmpty, let reached = try? sub.attractorsLie(inside: wanted.map { ($0.k, $0.value) }, from: starts),
           !reached.inside {
            return .outside
        }
        if let all = try? sub.attractorsLie(inside: wanted.map { ($0.k, $0.value) }) {
            return all.inside ? .inside(.attractors, Int(min(all.count, Double(Int.max / 2)))) : .outside
        }
        // The exact search refused the part (not expected for a Boolean part): judge by the
        // minimal trap spaces.
        guard let spaces = try? sub.trapSpaces(.minimal, inputs: .fixed) else { return .unknown }
        if spaces.contains(where: { space in wanted.contains { space.values[$0.k] >= 0 && Int(space.values[$0.k]) != $0.value } }) {
            return .outside
        }
        if spaces.allSatisfy({ space in wanted.allSatisfy { Int(space.values[$0.k]) == $0.value } }) {
            return .inside(.trapSpaces, spaces.count)
        }
        return .unknown
    }
}
