/// The update scheme of a logical run.
public enum LogicalUpdate: String, Hashable, Sendable, CaseIterable {
    /// Every node moves toward its target at once.
    case synchronous = "sync"
    /// General asynchronous: per step one node that can change, chosen uniformly at random, moves.
    case asynchronous = "async"
}

/// The levels of every node at every step of one logical run (`states[0]` is the initial state).
public struct LogicalTrajectory: Hashable, Sendable {
    /// Node identifiers, in column order.
    public var nodes: [String]
    /// One row of levels per step, `steps + 1` rows.
    public var states: [[Int]]

    /// Creates a trajectory.
    public init(nodes: [String], states: [[Int]]) {
        self.nodes = nodes
        self.states = states
    }
}

extension LogicalModel {
    /// A synchronous trajectory of `steps` updates from `initial` (clamps active at step 0 apply
    /// to it).
    ///
    /// - Complexity: O(steps × (instructions + planes)).
    public func trajectory(from initial: [Int], steps: Int) -> LogicalTrajectory {
        var rng = SeededGenerator(seed: 0)
        return trajectory(from: initial, steps: steps, update: .synchronous, using: &rng)
    }

    /// A trajectory of `steps` updates from `initial` under `update`; asynchronous runs draw from
    /// `rng` (same seed, same run). A state where no node can change repeats.
    ///
    /// - Complexity: O(steps × (instructions + planes)).
    public func trajectory(from initial: [Int], steps: Int, update: LogicalUpdate,
                           using rng: inout some RandomNumberGenerator) -> LogicalTrajectory {
        var state = initial.indices.map { min(max(initial[$0], 0), maxLevels[$0]) }
        for clamp in activeClamps(at: 0) { state[clamp.node] = clamp.level }
        var states = [state]
        states.reserveCapacity(steps + 1)
        var kernel = LogicalKernel(program: program, width: 1)
        kernel.load(packedStates([state], width: 1).planes)
        var candidates: [Int] = []
        candidates.reserveCapacity(nodeCount)
        var clamped = [Bool](repeating: false, count: nodeCount)
        for step in 1...max(steps, 1) where steps > 0 {
            let active = clamps.isEmpty ? [] : activeClamps(at: step)
            switch update {
            case .synchronous:
                kernel.step()
                kernel.applyClamps(active, planeStart: program.planeStart, maxLevels: maxLevels)
                kernel.readLevels(into: &state)
            case .asynchronous:
                kernel.evaluate()
                for clamp in active { clamped[clamp.node] = true }
                candidates.removeAll(keepingCapacity: true)
                for i in 0..<nodeCount where !clamped[i] {
                    if kernel.target(of: i, program: program, maxLevels: maxLevels) != state[i] { candidates.append(i) }
                }
                for clamp in active { clamped[clamp.node] = false }
                if !candidates.isEmpty {
                    let i = candidates[Int.random(in: 0..<candidates.count, using: &rng)]
                    state[i] += kernel.target(of: i, program: program, maxLevels: maxLevels) > state[i] ? 1 : -1
                }
                for clamp in active { state[clamp.node] = clamp.level }
                kernel.setLevels(state, planeStart: program.planeStart, maxLevels: maxLevels)
            }
            states.append(state)
        }
        return LogicalTrajectory(nodes: nodeIDs, states: states)
    }
}

extension LogicalKernel {
    /// Reads every node's level in lane 0 (planes are contiguous per node, in node order).
    func readLevels(into levels: inout [Int]) {
        let width = self.width
        program.planeNode.withUnsafeBufferPointer { owner in
            registers.withUnsafeBufferPointer { regs in
                levels.withUnsafeMutableBufferPointer { out in
                    for i in 0..<out.count { out[i] = 0 }
                    let planes = LogicalProgram.firstPlane
                    for p in 0..<owner.count { out[Int(owner[p])] += Int(regs[(planes + p) * width] & 1) }
                }
            }
        }
    }

    /// The level of node `i` in lane 0.
    func level(of i: Int, planeStart: [Int], maxLevels: [Int]) -> Int {
        var level = 0
        for k in 0..<maxLevels[i] { level += Int(registers[(planeStart[i] + k) * width] & 1) }
        return level
    }

    /// The target level of node `i` in lane 0 (after ``evaluate()``).
    func target(of i: Int, program: LogicalProgram, maxLevels: [Int]) -> Int {
        let start = program.planeStart[i] - LogicalProgram.firstPlane
        var level = 0
        for k in 0..<maxLevels[i] { level += Int(registers[Int(program.targetPlane[start + k]) * width] & 1) }
        return level
    }

    /// Writes levels into lane 0 (all lanes when width > 1).
    mutating func setLevels(_ levels: [Int], planeStart: [Int], maxLevels: [Int]) {
        for i in levels.indices {
            for k in 1...maxLevels[i] {
                let value: UInt64 = levels[i] >= k ? ~0 : 0
                let r = (planeStart[i] + k - 1) * width
                for w in 0..<width { registers[r + w] = value }
            }
        }
    }
}
