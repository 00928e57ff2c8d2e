extension LogicalModel {
    /// The exact number of fixed points, without listing them — for models whose free inputs
    /// multiply the fixed points into the millions or billions.
    ///
    /// A model counter in the style of #SAT solvers over the equations x = f(x): after every
    /// decision and its three-valued propagation (the same as ``fixedPoints(limit:)``), the
    /// unassigned variables are split into *components* — variables linked by an equation that
    /// still has unassigned variables — and the count is the product of the components' counts.
    /// A component's count depends only on its variables and the levels of the assigned variables
    /// its equations read, so it is cached under that key; free inputs that feed separate parts of
    /// a network are then counted once per part instead of once per combination. Within a
    /// component, the variable occurring in the most equations is decided first, which splits
    /// components early. Nodes held by permanent clamps are fixed and their equations dropped, as in
    /// ``fixedPoints(limit:)``.
    ///
    /// - Returns: the count; a count above `UInt64.max` (1.8 × 10^19) saturates at `UInt64.max`.
    /// - Complexity: exponential in the worst case (counting is #P-hard); O(components × equation
    ///   size) work per decision and memory for one cache entry (a bitset of nodes and planes) per
    ///   distinct component. Published models of a few hundred nodes take milliseconds.
    public func fixedPointCount() -> UInt64 {
        var counter = FixedPointCounter(model: self)
        return counter.count()
    }
}

/// The component-decomposing, caching counter behind ``LogicalModel/fixedPointCount()``.
struct FixedPointCounter {
    var search: FixedPointSearch
    /// Per-node visit marks for component searches (`mark[v] == epoch` = visited).
    var mark: [Int]
    var epoch = 0
    /// Static branching score: the number of equations a node occurs in, plus its equation's size.
    let score: [Int]
    /// Words of a node bitset and of a plane bitset in a cache key.
    let nodeWords: Int
    let planeWords: Int
    /// Cached counts of components, keyed by their node bitset and their neighbourhood's planes.
    var cache: [[UInt64]: UInt64] = [:]

    init(model: LogicalModel) {
        search = FixedPointSearch(model: model)
        let n = model.nodeCount
        mark = [Int](repeating: 0, count: n)
        let search = self.search
        score = (0..<n).map { search.readers[$0].count + search.scopes[$0].count }
        nodeWords = (n + 63) / 64
        planeWords = (model.program.planeCount + 63) / 64
    }

    /// Counts every fixed point.
    mutating func count() -> UInt64 {
        for i in 0..<search.model.nodeCount where !search.queued[i] {
            search.queued[i] = true
            search.queue.append(i)
        }
        guard search.propagate() else { return 0 }
        return countSplit((0..<search.model.nodeCount).filter { search.value[$0] < 0 })
    }

    /// The number of assignments of the unassigned variables among `variables` (all of one
    /// component, or every variable at the top) that satisfy their equations: the product over the
    /// components they split into.
    mutating func countSplit(_ variables: [Int]) -> UInt64 {
        var product: UInt64 = 1
        for component in components(of: variables) {
            let count = countComponent(component)
            if count == 0 { return 0 }
            product = FixedPointCounter.saturatingProduct(product, count)
        }
        return product
    }

    /// The connected components of the unassigned variables among `variables`, two variables
    /// being linked when they occur in the equation of one unclamped node (breadth-first).
    mutating func components(of variables: [Int]) -> [[Int]] {
        epoch += 1
        var result: [[Int]] = []
        for v in variables where search.value[v] < 0 && mark[v] != epoch {
            mark[v] = epoch
            var component = [v]
            var head = 0
            while head < component.count {
                let u = component[head]
                head += 1
                for e in search.readers[u] where !search.isClamped[e] {
                    for w in search.scopes[e] where search.value[w] < 0 && mark[w] != epoch {
                        mark[w] = epoch
                        component.append(w)
                    }
                }
            }
            result.append(component)
        }
        return result
    }

    /// The cache key of a component: its node bitset, then the planes of the assigned variables
    /// its equations read (which variables those are follows from the component).
    func key(of component: [Int]) -> [UInt64] {
        var key = [UInt64](repeating: 0, count: nodeWords + planeWords)
        let program = search.program
        for u in component {
            key[u >> 6] |= 1 << UInt64(u & 63)
            for e in search.readers[u] where !search.isClamped[e] {
                for w in search.scopes[e] where search.value[w] > 0 {
                    let start = program.planeStart[w] - LogicalProgram.firstPlane
                    for k in 0..<search.value[w] {
                        let p = start + k
                        key[nodeWords + (p >> 6)] |= 1 << UInt64(p & 63)
                    }
                }
            }
        }
        return key
    }

    /// The number of satisfying assignments of one component: decide its highest-scoring
    /// variable at each level, propagate, and count the rest (cached).
    mutating func countComponent(_ component: [Int]) -> UInt64 {
        let cacheable = component.count > 1
        let key = cacheable ? self.key(of: component) : []
        if cacheable, let known = cache[key] { return known }
        // The variable in the most equations that still have an unassigned node (ties: static score).
        var best = -1, bestScore = -1
        for v in component where search.value[v] < 0 {
            var live = 0
            for e in search.readers[v] where !search.isClamped[e] && (e == v || search.value[e] < 0) { live += 1 }
            let s = live * 1024 + score[v]
            if s > bestScore { best = v; bestScore = s }
        }
        if best < 0 { return 1 }
        var total: UInt64 = 0
        let length = search.trail.count
        for level in 0...search.model.maxLevels[best] {
            search.assign(best, level)
            if search.propagate() {
                total = FixedPointCounter.saturatingSum(total, countSplit(component))
            }
            search.undo(to: length)
        }
        if cacheable { cache[key] = total }
        return total
    }

    static func saturatingSum(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (r, overflow) = a.addingReportingOverflow(b)
        return overflow ? .max : r
    }

    static func saturatingProduct(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let (r, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? .max : r
    }
}
