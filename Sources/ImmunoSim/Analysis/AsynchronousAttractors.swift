extension LogicalModel {
    /// The attractors of the general asynchronous state graph — its terminal strongly connected
    /// components — found exactly by enumerating every state (every node not held by a permanent
    /// clamp is free, inputs included).
    ///
    /// A state's successors are the states where one node that can change (target ≠ level) has
    /// moved one level toward its target; a state with none is a fixed point. The moves of every
    /// state are computed bit-parallel as two masks (up, down); Tarjan's algorithm then runs
    /// iteratively (no recursion) on the implicit graph. Each attractor's
    /// ``LogicalAttractor/basin`` is the number of states from which it can be reached (a
    /// state may reach several attractors).
    ///
    /// - Parameters:
    ///   - initial: when given, only the attractors reachable from this state (levels per node;
    ///     clamped nodes take their clamp) are returned.
    ///   - maxStates: the largest state space enumerated (memory ≈ 20 bytes per state); a larger
    ///     Boolean model is analysed by ``symbolicAsynchronousAttractors(from:stateLimit:basins:)``
    ///     instead, a larger multi-valued one by ``codedAsynchronousAttractors(from:stateLimit:)``
    ///     (the same attractors; basins are then not computed and reported as 0).
    ///   - symbolicAbove: a Boolean model with more states than this (and at most `maxStates`) is
    ///     analysed symbolically with its basins — the same answer, usually far faster (one
    ///     backward reachability per attractor instead of a pass over every state); enumeration
    ///     remains the fallback when the symbolic analysis refuses (too many attractors to list).
    ///     `Int.max` always enumerates.
    /// - Throws: ``LogicalAnalysisError`` when the symbolic search refuses a model too large to
    ///   enumerate.
    /// - Complexity: O(S × (instructions / 64 + free nodes)) for S states, plus
    ///   O(S × free nodes) per attractor for the basins.
    public func asynchronousAttractors(from initial: [Int]? = nil, maxStates: Int = 1 << 22,
                                       symbolicAbove: Int = 1 << 16) throws(LogicalAnalysisError) -> LogicalAttractors {
        // Beyond enumeration, a Boolean model switches to the symbolic analysis (same answer).
        let isBoolean = maxLevels.allSatisfy { $0 == 1 }
        let space: StateSpace
        do {
            space = try StateSpace(self, maxStates: maxStates)
        } catch {
            guard isBoolean else { return try codedAsynchronousAttractors(from: initial) }
            return try symbolicAsynchronousAttractors(from: initial.map { [$0] }, basins: false)
        }
        guard space.free.count <= 32 else {
            guard isBoolean else { return try codedAsynchronousAttractors(from: initial) }
            return try symbolicAsynchronousAttractors(from: initial.map { [$0] }, basins: false)
        }
        if isBoolean && space.size > symbolicAbove,
           let found = try? symbolicAsynchronousAttractors(from: initial.map { [$0] }, stateLimit: maxStates) {
            return found
        }
        let size = space.size
        var up = [UInt32](repeating: 0, count: size)
        var down = [UInt32](repeating: 0, count: size)
        let width = 8
        var kernel = LogicalKernel(program: program, width: width)
        var base = 0
        while base < size {
            space.load(block: base, into: &kernel)
            kernel.evaluate()
            for (j, node) in space.free.enumerated() {
                let start = program.planeStart[node] - LogicalProgram.firstPlane
                for w in 0..<width {
                    var rising: UInt64 = 0, falling: UInt64 = 0
                    for k in 0..<maxLevels[node] {
                        let current = kernel.registers[(program.planeStart[node] + k) * width + w]
                        let target = kernel.registers[Int(program.targetPlane[start + k]) * width + w]
                        rising |= target & ~current
                        falling |= current & ~target
                    }
                    let offset = base + w * 64
                    while rising != 0 {
                        let bit = rising.trailingZeroBitCount
                        if offset + bit < size { up[offset + bit] |= 1 << UInt32(j) }
                        rising &= rising &- 1
                    }
                    while falling != 0 {
                        let bit = falling.trailingZeroBitCount
                        if offset + bit < size { down[offset + bit] |= 1 << UInt32(j) }
                        falling &= falling &- 1
                    }
                }
            }
            base += 64 * width
        }
        let strides = space.strides
        // Successor number `bit` of a state: bits 0..<32 move a node up, 32..<64 down.
        @inline(__always) func moves(_ s: Int) -> UInt64 { UInt64(up[s]) | (UInt64(down[s]) << 32) }
        @inline(__always) func neighbour(_ s: Int, _ bit: Int) -> Int { bit < 32 ? s + strides[bit] : s - strides[bit - 32] }

        // Iterative Tarjan.
        let unvisited = UInt32.max
        var order = [UInt32](repeating: unvisited, count: size)
        var low = [UInt32](repeating: 0, count: size)
        var component = [UInt32](repeating: unvisited, count: size)
        var onStack = [Bool](repeating: false, count: size)
        var stack: [Int] = []
        var frames: [(state: Int, remaining: UInt64)] = []
        var counter: UInt32 = 0
        var componentCount: UInt32 = 0
        var terminal: [[Int]] = []
        for root in 0..<size where order[root] == unvisited {
            order[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            frames.append((root, moves(root)))
            while let top = frames.last {
                let v = top.state
                if top.remaining != 0 {
                    let bit = top.remaining.trailingZeroBitCount
                    frames[frames.count - 1].remaining &= top.remaining &- 1
                    let w = neighbour(v, bit)
                    if order[w] == unvisited {
                        order[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        frames.append((w, moves(w)))
                    } else if onStack[w] {
                        low[v] = min(low[v], order[w])
                    }
                    continue
                }
                frames.removeLast()
                if let parent = frames.last?.state { low[parent] = min(low[parent], low[v]) }
                guard low[v] == order[v] else { continue }
                var members: [Int] = []
                while let w = stack.popLast() {
                    onStack[w] = false
                    component[w] = componentCount
                    members.append(w)
                    if w == v { break }
                }
                var isTerminal = true
                check: for s in members {
                    var m = moves(s)
                    while m != 0 {
                        let bit = m.trailingZeroBitCount
                        m &= m &- 1
                        if component[neighbour(s, bit)] != componentCount { isTerminal = false; break check }
                    }
                }
                if isTerminal { terminal.append(members.sorted()) }
                componentCount += 1
            }
        }
        var seen = [Bool](repeating: false, count: size)
        var queue: [Int] = []
        if let initial {
            // Keep the attractors reachable from the initial state (forward search).
            var start = 0
            for (j, node) in space.free.enumerated() {
                start += min(max(node < initial.count ? initial[node] : 0, 0), maxLevels[node]) * strides[j]
            }
            seen[start] = true
            queue = [start]
            var head = 0
            while head < queue.count {
                let s = queue[head]; head += 1
                var m = moves(s)
                while m != 0 {
                    let bit = m.trailingZeroBitCount
                    m &= m &- 1
                    let t = neighbour(s, bit)
                    if !seen[t] { seen[t] = true; queue.append(t) }
                }
            }
            terminal = terminal.filter { seen[$0[0]] }
        }
        // Basins: states from which each attractor is reachable (reverse search).
        var attractors: [LogicalAttractor] = []
        for members in terminal {
            for k in seen.indices { seen[k] = false }
            queue = members
            for s in members { seen[s] = true }
            var head = 0
            while head < queue.count {
                let s = queue[head]; head += 1
                for j in 0..<space.free.count {
                    let level = space.level(j, of: s)
                    // p moved up into s, or down into s.
                    if level > 0 {
                        let p = s - strides[j]
                        if !seen[p] && up[p] & (1 << UInt32(j)) != 0 { seen[p] = true; queue.append(p) }
                    }
                    if level < space.radices[j] - 1 {
                        let p = s + strides[j]
                        if !seen[p] && down[p] & (1 << UInt32(j)) != 0 { seen[p] = true; queue.append(p) }
                    }
                }
            }
            let states = members.map { space.levels(of: $0) }.sorted { $0.lexicographicallyPrecedes($1) }
            attractors.append(LogicalAttractor(states: states, basin: queue.count))
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }
}
