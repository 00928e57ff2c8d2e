import Foundation
import ImmunoGraph
import ImmunoSim

// Plain benchmark runner: warm-up, best of N, a checksum, a name filter (first argument).
// Prints `name: value unit` lines. Run with `swift run -c release Benchmarks [filter]`.

#if DEBUG
    FileHandle.standardError.write(Data("WARNING: Benchmarks built in debug mode; numbers are meaningless. Use -c release.\n".utf8))
#endif

let filter = CommandLine.arguments.dropFirst().first
nonisolated(unsafe) var checksum = 0

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// Runs `body` `repetitions` times after one warm-up and returns the best time in seconds.
func best(_ repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var bestTime = Double.infinity
    for _ in 0..<repetitions {
        let start = now()
        try body()
        bestTime = min(bestTime, now() - start)
    }
    return bestTime
}

func report(_ name: String, _ value: Double, _ unit: String) {
    print("\(name): \(String(format: value >= 100 ? "%.0f" : "%.4g", value)) \(unit)")
}

func selected(_ name: String) -> Bool { filter.map { name.contains($0) } ?? true }


func randomBuilder(nodes: Int, edges: Int, seed: UInt64) -> GraphBuilder {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(name: "random")
    for i in 0..<nodes { builder.add(Node("n\(i)", kind: .process)) }
    var seen = Set<Int>()
    while seen.count < edges {
        let s = Int.random(in: 0..<nodes, using: &rng)
        let t = Int.random(in: 0..<nodes, using: &rng)
        if seen.insert(s &* nodes &+ t).inserted {
            builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)"))
        }
    }
    return builder
}

do {
    if selected("graph.build") {
        let builder = randomBuilder(nodes: 100_000, edges: 1_000_000, seed: 1)
        let time = try best(3) { checksum &+= try builder.build().edgeCount }
        report("graph.build.100k_1M", time, "s")
    }
    if selected("graph.lookup") {
        let graph = try randomBuilder(nodes: 100_000, edges: 200_000, seed: 2).build()
        let ids = (0..<100_000).map { "n\(($0 &* 7919) % 100_000)" }
        let time = best(5) {
            var sum = 0
            for id in ids { sum &+= graph.index(of: id) ?? 0 }
            checksum &+= sum
        }
        report("graph.lookup", Double(ids.count) / time, "lookups/s")
        // Reference: the standard library's Dictionary on the same keys, same run.
        var dictionary: [String: Int] = [:]
        for (i, node) in graph.nodes.enumerated() { dictionary[node.id] = i }
        let reference = best(5) {
            var sum = 0
            for id in ids { sum &+= dictionary[id] ?? 0 }
            checksum &+= sum
        }
        report("graph.lookup.stdlibDictionary", Double(ids.count) / reference, "lookups/s")
    }
    if selected("graph.signedPaths") {
        let graph = try Catalog.flagship()
        let from = graph.index(of: "ANTI_PD1") ?? 0
        let to = graph.index(of: "TIM3") ?? 0
        let rounds = 10_000
        let time = best(5) {
            for _ in 0..<rounds { checksum &+= graph.signedPaths(from: from, to: to, maxLength: 8).count }
        }
        report("graph.signedPaths.flagship", time / Double(rounds) * 1e6, "us")
        let random = try randomBuilder(nodes: 70, edges: 210, seed: 3).build()
        let time70 = best(5) {
            for k in 0..<1000 { checksum &+= random.signedPaths(from: k % 70, to: (k * 7 + 3) % 70, maxLength: 6, limit: 20).count }
        }
        report("graph.signedPaths.random70", time70 / 1000 * 1e6, "us")
    }
    if selected("svg") {
        // Drawing a 200-node, 600-edge model (layout + SVG text), and a 20-series × 5000-step time course.
        let graph = try randomBuilder(nodes: 200, edges: 600, seed: 4).build()
        let network = best(3) { checksum &+= NetworkDiagram(graph: graph).svg().utf8.count }
        report("svg.network.random200", network * 1e3, "ms")
        let flagship = try Catalog.flagship()
        let small = best(5) { for _ in 0..<100 { checksum &+= NetworkDiagram(graph: flagship).svg().utf8.count } }
        report("svg.network.flagship", small / 100 * 1e3, "ms")
        let series = (0..<20).map { k in Series(name: "s\(k)", values: (0..<5000).map { sin(Double($0 + k) / 50) / 2 + 0.5 }) }
        let plot = TimeCoursePlot(series: series, windows: [ShadedWindow(therapy: "anti-PD-1", start: 100)])
        let timeCourse = best(3) { checksum &+= plot.svg().utf8.count }
        report("svg.timecourse.20x5000", timeCourse * 1e3, "ms")
    }
    if selected("logical.sync.batch64") {
        let model = try LogicalModel(try randomRegularNetwork(nodes: 1000, inputs: 3, seed: 11))
        for width in [1, 8] {
            var rng = SeededGenerator(seed: 5)
            var states = PackedStates(planeCount: model.planeCount, width: width)
            for k in states.planes.indices { states.planes[k] = rng.next() }
            let steps = 2000 / width
            let time = best(5) {
                model.synchronousSteps(&states, steps: steps)
                checksum &+= Int(truncatingIfNeeded: states.planes[0])
            }
            let rate = Double(model.nodeCount * 64 * width * steps) / time
            report(width == 1 ? "logical.sync.batch64" : "logical.sync.batch512", rate, "node-state-updates/s")
        }
    }
    if selected("logical.sync.single") {
        let model = try LogicalModel(try randomRegularNetwork(nodes: 1000, inputs: 3, seed: 11))
        var rng = SeededGenerator(seed: 6)
        let start = (0..<model.nodeCount).map { _ in Int.random(in: 0...1, using: &rng) }
        let steps = 2000
        let time = best(5) { checksum &+= model.trajectory(from: start, steps: steps).states[steps][0] }
        report("logical.sync.single", Double(model.nodeCount * steps) / time, "node-updates/s")
        let asyncTime = best(3) {
            var r = SeededGenerator(seed: 1)
            checksum &+= model.trajectory(from: start, steps: steps, update: .asynchronous, using: &r).states[steps][0]
        }
        report("logical.async.single", Double(steps) / asyncTime, "steps/s")
    }
    if selected("logical.attractors.exhaustive25") {
        let model = try LogicalModel(try randomRegularNetwork(nodes: 25, inputs: 3, seed: 25))
        var count = 0
        let time = try best(3) { count = try model.exhaustiveSynchronousAttractors().attractors.count }
        checksum &+= count
        report("logical.attractors.exhaustive25", time, "s (\(count) attractors, 2^25 states)")
    }
    if selected("logical.attractors.async20") {
        let model = try LogicalModel(try randomRegularNetwork(nodes: 20, inputs: 3, seed: 20))
        var count = 0
        let time = try best(3) { count = try model.asynchronousAttractors().attractors.count }
        checksum &+= count
        report("logical.attractors.async20", time, "s (\(count) attractors, 2^20 states)")
    }
    if selected("logical.fixedpoints.bbm") {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        let directory = root.deletingLastPathComponent().appendingPathComponent("shared/models/bbm")
        if let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            var slowest = (name: "", time: 0.0, count: UInt64(0))
            var slowestList = (name: "", time: 0.0, count: 0)
            // Counting does not finish in minutes on this model (a Booleanized multi-valued model:
            // every node sits in a feedback pair); run it only with --all.
            let uncountable: Set<String> = ["258-immune-surveillance-of-primary-melanoma"]
            var skipped: [String] = []
            for name in names.sorted() {
                if uncountable.contains(name) && !CommandLine.arguments.contains("--all") {
                    skipped.append(name)
                    continue
                }
                let path = directory.appendingPathComponent(name).appendingPathComponent("model.bnet").path
                guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                      let graph = try? BnetFormat.read(text, name: name) else { continue }
                let model = try LogicalModel(graph)
                var count: UInt64 = 0
                let time = best(1) { count = model.fixedPointCount() }
                var listed = 0
                let listTime = best(1) { listed = model.fixedPoints(limit: 1000).count }
                checksum &+= Int(truncatingIfNeeded: count) &+ listed
                if CommandLine.arguments.contains("--verbose") {
                    print("  \(name): \(model.nodeCount) nodes, \(count) fixed points counted in \(time) s; first \(listed) listed in \(listTime) s")
                }
                if time > slowest.time { slowest = (name, time, count) }
                if listTime > slowestList.time { slowestList = (name, listTime, listed) }
            }
            report("logical.fixedpoints.bbm.list1000", slowestList.time, "s (slowest: \(slowestList.name), \(slowestList.count) listed)")
            report("logical.fixedpoints.bbm", slowest.time, "s to count (slowest: \(slowest.name), \(slowest.count) fixed points)")
            if !skipped.isEmpty { print("logical.fixedpoints.bbm.skipped: \(skipped.count) models (\(skipped.joined(separator: ", ")); --all to include)") }
        }
    }
    try runFormatsBenchmarks()
    try runStochasticBenchmarks()
    try runSymbolicBenchmarks()
    try runTrapSpaceBenchmarks()
    try runControlBenchmarks()
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
// Graded engine: one trajectory on a 1,000-node random network (3 inputs each), and 100 therapy
// scenarios on one compiled model (compiled once, reused).
func gradedRandomGraph(nodes: Int, inputs: Int, seed: UInt64) throws -> MechanismGraph {
    var rng = SeededGenerator(seed: seed)
    var builder = GraphBuilder(name: "graded-random")
    for i in 0..<nodes { builder.add(Node("n\(i)", kind: .process, basal: i % 10 == 0 ? 0.3 : nil)) }
    for t in 0..<nodes {
        var sources = Set<Int>()
        while sources.count < inputs { sources.insert(Int.random(in: 0..<nodes, using: &rng)) }
        for s in sources.sorted() {
            builder.add(Edge("n\(s)", Bool.random(using: &rng) ? .activates : .inhibits, "n\(t)"))
        }
    }
    return try builder.build()
}

do {
    if selected("graded") {
        let graph = try gradedRandomGraph(nodes: 1000, inputs: 3, seed: 11)
        let compileTime = try best(5) { checksum &+= try CompiledGradedModel(graph).nodeCount }
        let model = try CompiledGradedModel(graph)
        let initial = (0..<1000).map { Scenario.InitialLevel(node: "n\($0)", level: Double($0 % 7) / 7) }
        let inputs = try model.inputs(for: Scenario(model: "random", initialLevels: initial))
        if selected("graded.single") {
            let steps = 5000
            let time = best(5) { checksum &+= Int(model.finalLevels(inputs, steps: steps).reduce(0, +) * 1000) }
            report("graded.single", Double(steps * 1000) / time, "node-updates/s")
        }
        if selected("graded.batch.scenarios") {
            let scenarios = (0..<100).map { k in
                Scenario(model: "random", therapies: [Therapy(
                    name: "T\(k)", target: .node("n\(k * 10)"), mode: k % 2 == 0 ? .block(efficacy: 0.9) : .deplete,
                    schedule: Schedule(start: 20, cycle: .init(on: 5, off: 9), halfLife: k % 3 == 0 ? 4 : nil))])
            }
            let steps = 200
            let time = try best(3) {
                for scenario in scenarios {
                    checksum &+= Int(model.finalLevels(try model.inputs(for: scenario), steps: steps).reduce(0, +))
                }
            }
            report("graded.batch.scenarios", Double(scenarios.count) / time, "scenarios/s")
            report("graded.batch.node-updates", Double(scenarios.count * steps * 1000) / time, "node-updates/s")
            report("graded.compile.1k", compileTime * 1e3, "ms")
            let plain = try model.inputs(for: Scenario(model: "random"))
            let plainTime = best(3) { for _ in 0..<100 { checksum &+= Int(model.finalLevels(plain, steps: steps).reduce(0, +)) } }
            report("graded.batch.plain-node-updates", Double(100 * steps * 1000) / plainTime, "node-updates/s")
        }
    }
} catch {
    print("benchmark failed: \(error)")
    exit(1)
}
// Screens: every single and pair of therapies and knockouts over builtin:tme, 100 graded steps.
if selected("screen") {
    do {
        let graph = try Catalog.tumourMicroenvironment()
        let model = try CompiledGradedModel(graph)
        let readouts = ["TUMOR_BURDEN"]
        let plan = ScreenPlan(candidates: ScreenPlan.candidates(in: graph, readouts: readouts), readouts: readouts, order: 2)
        let arms = plan.arms.count
        var times: [Int: Double] = [:]
        for threads in [1, 2] {
            var bestTime = Double.infinity
            for _ in 0..<7 {
                let start = now()
                // Off the main actor, as the command-line tool runs it.
                let result = try await Task.detached {
                    try await model.screen(plan, steps: 100, reference: "builtin:tme", threads: threads)
                }.value
                bestTime = min(bestTime, now() - start)
                checksum &+= result.rows.count
            }
            times[threads] = bestTime
        }
        report("screen.pairs.builtin", times[2] ?? 0, "s")
        report("screen.pairs.builtin.1thread", times[1] ?? 0, "s")
        report("screen.pairs.builtin.arms", Double(arms), "arms")
        report("screen.pairs.builtin.speedup2", (times[1] ?? 0) / max(times[2] ?? 1, 1e-12), "x")
    } catch {
        print("screen benchmark failed: \(error)")
        exit(1)
    }
}
// Standard output is block-buffered when redirected: flush it first, so that `2>&1` never splits a
// `name: value unit` line with the checksum.
fflush(nil)   // every output stream; `stdout` itself is not concurrency-safe to name
FileHandle.standardError.write(Data("checksum \(checksum)\n".utf8))
