/// A batch of `64 × width` logical states stored as bit-planes: plane `p` of lane `l` is bit
/// `l % 64` of word `planes[p * width + l / 64]`. Node `i`'s plane `k` ("level ≥ k") is plane
/// `model`-specific; use ``LogicalModel/packedStates(_:width:)`` and ``LogicalModel/levels(ofLane:in:)``.
public struct PackedStates: Hashable, Sendable {
    /// Words per plane.
    public let width: Int
    /// The planes, plane-major.
    public var planes: [UInt64]

    /// The number of lanes (states).
    public var laneCount: Int { width * 64 }

    /// Creates all-zero states.
    public init(planeCount: Int, width: Int) {
        self.width = width
        planes = Array(repeating: 0, count: planeCount * width)
    }
}

extension LogicalModel {
    /// The number of bit-planes of a state (the sum of maximum levels).
    public var planeCount: Int { program.planeCount }

    /// Packs `states` (each a level per node) into lanes `0..<states.count`; other lanes are 0.
    ///
    /// - Precondition: `states.count <= 64 * width`.
    public func packedStates(_ states: [[Int]], width: Int? = nil) -> PackedStates {
        let width = width ?? max(1, (states.count + 63) / 64)
        var packed = PackedStates(planeCount: planeCount, width: width)
        for (lane, state) in states.enumerated() { set(&packed, lane: lane, to: state) }
        return packed
    }

    /// Writes `state` into lane `lane`.
    public func set(_ packed: inout PackedStates, lane: Int, to state: [Int]) {
        let word = lane >> 6, bit = UInt64(1) << UInt64(lane & 63)
        for i in 0..<nodeCount {
            let start = program.planeStart[i] - LogicalProgram.firstPlane
            for k in 1...maxLevels[i] {
                let index = (start + k - 1) * packed.width + word
                if state[i] >= k { packed.planes[index] |= bit } else { packed.planes[index] &= ~bit }
            }
        }
    }

    /// The levels of lane `lane`.
    public func levels(ofLane lane: Int, in packed: PackedStates) -> [Int] {
        let word = lane >> 6, shift = UInt64(lane & 63)
        return (0..<nodeCount).map { i in
            let start = program.planeStart[i] - LogicalProgram.firstPlane
            var level = 0
            for k in 0..<maxLevels[i] { level += Int((packed.planes[(start + k) * packed.width + word] >> shift) & 1) }
            return level
        }
    }

    /// Advances every lane of `states` by `steps` synchronous updates; the first update produces
    /// step `firstStep` (clamps active at that step apply to it).
    ///
    /// - Complexity: O(steps × instructions × width) word operations; no allocation per step.
    public func synchronousSteps(_ states: inout PackedStates, steps: Int, firstStep: Int = 1) {
        var kernel = LogicalKernel(program: program, width: states.width)
        kernel.load(states.planes)
        let hasClamps = !clamps.isEmpty
        for s in 0..<steps {
            kernel.step()
            if hasClamps { kernel.applyClamps(activeClamps(at: firstStep + s), planeStart: program.planeStart, maxLevels: maxLevels) }
        }
        kernel.store(into: &states.planes)
    }
}
