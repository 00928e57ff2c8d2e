import Dispatch

extension LogicalModel {
    /// Every synchronous attractor of the model with its basin size, by enumerating all states
    /// (every node not held by a permanent clamp is free, inputs included).
    ///
    /// The successor of every state is computed by the bit-parallel program (512 states per pass)
    /// into a successor array; a bitset marks the states that have a predecessor (the image), and
    /// only those are walked (with resolved and on-path bits, overwriting each resolved entry with
    /// its attractor's index) — on typical networks the image is a small part of the space, so
    /// the dependent, cache-missing walk shrinks; a final sequential pass counts every state into
    /// its successor's attractor (independent loads, which the memory system overlaps).
    ///
    /// - Parameter maxStates: the largest state space accepted (memory is 4 bytes + 1 bit per state).
    /// - Throws: ``LogicalAnalysisError`` when the state space is larger than `maxStates`.
    /// - Complexity: O(S × instructions / 64) word operations plus O(S) for the walk, S = states.
    public func exhaustiveSynchronousAttractors(maxStates: Int = 1 << 30) throws(LogicalAnalysisError) -> LogicalAttractors {
        let space = try StateSpace(self, maxStates: min(maxStates, 1 << 30))
        let size = space.size
        var successor = [UInt32](repeating: 0, count: size)
        let width = 8
        let blockStates = 64 * width
        let blocks = (size + blockStates - 1) / blockStates
        // The successor of every state is independent of every other: the blocks are split into
        // contiguous halves computed on two threads, each with its own kernel, writing disjoint
        // ranges. The array is the same whatever the number of threads.
        let workers = blocks >= 64 ? 2 : 1
        successor.withUnsafeMutableBufferPointer { buffer in
            let succ = DisjointWrites(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var kernel = LogicalKernel(program: program, width: width)
                let first = blocks * worker / workers, last = blocks * (worker + 1) / workers
                for block in first..<last {
                    successors(ofBlock: block * blockStates, size: size, space: space, kernel: &kernel, into: succ.buffer)
                }
            }
        }
        // Walk the functional graph. Bits 31 (resolved: the low bits are then the attractor's
        // index) and 30 (on the current path) of each entry mark states, so a step of the walk
        // touches one word of memory.
        let resolvedBit: UInt32 = 1 << 31, onPathBit: UInt32 = 1 << 30, mask: UInt32 = onPathBit - 1
        var path: [Int] = []
        var cycles: [[Int]] = []
        var basins: [Int] = []
        // States with a predecessor (the image of the map): only they are walked; every other
        // state's attractor is its successor's, read in one final sequential pass.
        var inImage = [UInt64](repeating: 0, count: (size + 63) / 64)
        successor.withUnsafeMutableBufferPointer { succ in
            inImage.withUnsafeMutableBufferPointer { image in
                for s in 0..<size {
                    let t = Int(succ[s])
                    image[t >> 6] |= 1 << UInt64(t & 63)
                }
            }
            for start in 0..<size where (inImage[start >> 6] >> UInt64(start & 63)) & 1 == 1 && succ[start] & resolvedBit == 0 {
                path.removeAll(keepingCapacity: true)
                var x = start
                while succ[x] & (resolvedBit | onPathBit) == 0 {
                    succ[x] |= onPathBit
                    path.append(x)
                    x = Int(succ[x] & mask)
                }
                let id: Int
                if succ[x] & resolvedBit != 0 {
                    id = Int(succ[x] & mask)
                } else {
                    id = cycles.count
                    let first = path.lastIndex(of: x) ?? 0
                    cycles.append(Array(path[first...]))
                    basins.append(0)
                }
                for p in path { succ[p] = resolvedBit | UInt32(id) }
            }
            basins.withUnsafeMutableBufferPointer { basin in
                for s in 0..<size {
                    let t = succ[s]
                    let entry = t & resolvedBit != 0 ? t : succ[Int(t)]
                    basin[Int(entry & mask)] += 1
                }
            }
        }
        let attractors = zip(cycles, basins).map { cycle, basin in
            LogicalAttractor(states: LogicalAttractor.canonicalCycle(cycle.map { space.levels(of: $0) }), basin: basin)
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }

    /// Fills `succ[base ..< base + 64·width]` with the successor index of each state of one block.
    private func successors(
        ofBlock base: Int, size: Int, space: StateSpace, kernel: inout LogicalKernel, into succ: UnsafeMutableBufferPointer<UInt32>
    ) {
        let width = kernel.width
        let nextPlane = program.nextPlane
        space.load(block: base, into: &kernel)
        kernel.evaluate()
        let blockEnd = min(base + 64 * width, size)
        if space.isBoolean {
            for s in base..<blockEnd { succ[s] = 0 }
            for (j, node) in space.free.enumerated() {
                let r = Int(nextPlane[program.planeStart[node] - LogicalProgram.firstPlane]) * width
                for w in 0..<width {
                    var word = kernel.registers[r + w]
                    let offset = base + w * 64
                    while word != 0 {
                        let bit = word.trailingZeroBitCount
                        if offset + bit < size { succ[offset + bit] |= UInt32(1) << UInt32(j) }
                        word &= word &- 1
                    }
                }
            }
        } else {
            for s in base..<blockEnd {
                let w = (s - base) >> 6, shift = UInt64((s - base) & 63)
                var index = 0
                for (j, node) in space.free.enumerated() {
                    var level = 0
                    let start = program.planeStart[node] - LogicalProgram.firstPlane
                    for k in 0..<maxLevels[node] {
                        level += Int((kernel.registers[Int(nextPlane[start + k]) * width + w] >> shift) & 1)
                    }
                    index += level * space.strides[j]
                }
                succ[s] = UInt32(index)
            }
        }
    }
}

/// A buffer that concurrent workers write in disjoint ranges (no element is touched by two).
struct DisjointWrites<Element>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Element>
}
