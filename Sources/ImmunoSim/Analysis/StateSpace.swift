/// The enumerable state space of a model for exhaustive analyses: every node not held by a
/// permanent clamp is a free variable (inputs included); a state is a mixed-radix index with free
/// variable `j` at stride `strides[j]` (radix `maxLevel + 1`). Boolean models get index bit `j` =
/// free variable `j`.
struct StateSpace {
    let model: LogicalModel
    /// Node index of each free variable.
    let free: [Int]
    /// Radix and stride of each free variable.
    let radices: [Int]
    let strides: [Int]
    /// The levels of clamped nodes (and 0 for free nodes).
    let fixedLevels: [Int]
    let clamps: [(node: Int, level: Int)]
    /// The number of states.
    let size: Int
    /// Whether every free variable is Boolean (index bit j = variable j).
    let isBoolean: Bool

    init(_ model: LogicalModel, maxStates: Int) throws(LogicalAnalysisError) {
        self.model = model
        clamps = model.permanentClamps
        var fixed = [Int](repeating: 0, count: model.nodeCount)
        var isClamped = [Bool](repeating: false, count: model.nodeCount)
        for clamp in clamps {
            fixed[clamp.node] = clamp.level
            isClamped[clamp.node] = true
        }
        fixedLevels = fixed
        free = (0..<model.nodeCount).filter { !isClamped[$0] }
        radices = free.map { model.maxLevels[$0] + 1 }
        var strides: [Int] = []
        var size = 1
        for r in radices {
            strides.append(size)
            let (product, overflow) = size.multipliedReportingOverflow(by: r)
            guard !overflow, product <= maxStates else {
                throw LogicalAnalysisError(
                    "the state space of '\(model.name)' has more than \(maxStates) states (\(free.count) free variables); exhaustive analysis is limited to \(maxStates)")
            }
            size = product
        }
        self.strides = strides
        self.size = size
        isBoolean = radices.allSatisfy { $0 == 2 }
    }

    /// The level of free variable `j` in state `s`.
    @inline(__always) func level(_ j: Int, of s: Int) -> Int {
        isBoolean ? (s >> j) & 1 : (s / strides[j]) % radices[j]
    }

    /// The full levels (one per node) of state `s`.
    func levels(of s: Int) -> [Int] {
        var levels = fixedLevels
        for (j, node) in free.enumerated() { levels[node] = level(j, of: s) }
        return levels
    }

    /// Loads states `base ..< base + 64 × width` into the kernel's plane registers.
    func load(block base: Int, into kernel: inout LogicalKernel) {
        let width = kernel.width
        let program = model.program
        for clamp in clamps {
            for k in 1...model.maxLevels[clamp.node] {
                let value: UInt64 = clamp.level >= k ? ~0 : 0
                for w in 0..<width { kernel.registers[(program.planeStart[clamp.node] + k - 1) * width + w] = value }
            }
        }
        if isBoolean {
            let patterns: [UInt64] = [
                0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
                0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000,
            ]
            for (j, node) in free.enumerated() {
                let r = program.planeStart[node] * width
                for w in 0..<width {
                    kernel.registers[r + w] = j < 6 ? patterns[j] : (((base + w * 64) >> j) & 1 == 1 ? ~0 : 0)
                }
            }
            return
        }
        for (j, node) in free.enumerated() {
            for k in 1...model.maxLevels[node] {
                let r = (program.planeStart[node] + k - 1) * width
                for w in 0..<width {
                    var word: UInt64 = 0
                    for bit in 0..<64 {
                        let s = base + w * 64 + bit
                        if s < size && level(j, of: s) >= k { word |= 1 << UInt64(bit) }
                    }
                    kernel.registers[r + w] = word
                }
            }
        }
    }
}
