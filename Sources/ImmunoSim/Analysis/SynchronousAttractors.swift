extension LogicalModel {
    /// The synchronous attractors reached from `initialStates` (each a level per node), by cycle
    /// detection. Clamps that hold forever (``permanentClamps``) apply at every step, the initial
    /// state included; windowed clamps are ignored, as attractors describe the long run.
    ///
    /// Each attractor's ``LogicalAttractor/basin`` counts the given initial states leading to it.
    ///
    /// - Throws: ``LogicalAnalysisError`` when a trajectory has not cycled after `maxSteps` steps.
    /// - Complexity: O(transient + cycle length) steps per initial state, each
    ///   O(instructions + nodes), and that many hashed states in memory.
    public func synchronousAttractors(from initialStates: [[Int]], maxSteps: Int = 1_000_000) throws(LogicalAnalysisError) -> LogicalAttractors {
        let clamps = permanentClamps
        var kernel = LogicalKernel(program: program, width: 1)
        var found: [[[Int]]: Int] = [:]
        var attractors: [LogicalAttractor] = []
        for initial in initialStates {
            var state = nodeIDs.indices.map { i in min(max(i < initial.count ? initial[i] : 0, 0), maxLevels[i]) }
            for clamp in clamps { state[clamp.node] = clamp.level }
            kernel.setLevels(state, planeStart: program.planeStart, maxLevels: maxLevels)
            var seen: [[Int]: Int] = [state: 0]
            var visited = [state]
            var step = 0
            while true {
                kernel.step()
                kernel.applyClamps(clamps, planeStart: program.planeStart, maxLevels: maxLevels)
                step += 1
                let next = nodeIDs.indices.map { kernel.level(of: $0, planeStart: program.planeStart, maxLevels: maxLevels) }
                if let first = seen[next] {
                    let cycle = LogicalAttractor.canonicalCycle(Array(visited[first...]))
                    if let k = found[cycle] {
                        attractors[k].basin += 1
                    } else {
                        found[cycle] = attractors.count
                        attractors.append(LogicalAttractor(states: cycle, basin: 1))
                    }
                    break
                }
                guard step < maxSteps else {
                    throw LogicalAnalysisError("no synchronous cycle within \(maxSteps) steps")
                }
                seen[next] = step
                visited.append(next)
            }
        }
        return LogicalAttractors(nodes: nodeIDs, attractors: attractors)
    }
}
