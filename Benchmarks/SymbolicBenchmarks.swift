import Foundation
import ImmunoGraph
import ImmunoSim

/// `symbolic.trapspaces.*` and `symbolic.attractors.*`: seconds for the minimal trap spaces
/// (inputs fixed) and for the asynchronous attractors from all states (symbolic, no basins) of
/// BBM models that finish in seconds, when ../shared is present. 093's trap spaces (41,240, counted
/// exactly) and its attractors are timed; 195 is left out: it does not finish in a minute yet
/// (issue: symbolic analysis at scale). `symbolic.attractors.bbm032` times the count and
/// summary of 032's attractors (one has 5.2e10 states); 017, 066, 070, 103 and 117 (1,835,008
/// attractors, 19 inputs) are counted the same way (10 summarised). `symbolic.attractors.initial.*`
/// times the attractors reached from the model's initial state (093, 195, 258).
func runSymbolicBenchmarks() throws {
    guard selected("symbolic") else { return }
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/models/bbm")
    /// The BBM model in `folder`, or `nil` when ../shared is absent.
    func bbm(_ folder: String) throws -> LogicalModel? {
        let path = shared.appendingPathComponent(folder).appendingPathComponent("model.bnet").path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return try LogicalModel(try ModelLoader.load(path))
    }
    /// The best time of `count` and its last result.
    func timed(_ repetitions: Int, _ count: () throws -> Double) rethrows -> (time: Double, count: Int) {
        var last = 0.0
        let time = try best(repetitions) {
            last = try count()
            checksum &+= Int(last)
        }
        return (time, Int(last))
    }
    if let model = try bbm("032-t-cell-signalling-2006") {
        let run = try timed(3) { try model.asynchronousAttractorSummaries().count }
        report("symbolic.attractors.bbm032", run.time, "s (\(run.count) asynchronous attractors counted and summarised)")
    }
    if let model = try bbm("093-immune-checkpoint-inhibitors") {
        let run = try timed(3) { try model.trapSpaceList(limit: 1000).count ?? -1 }
        report("symbolic.trapspaces.bbm093", run.time, "s (\(run.count) minimal trap spaces counted, 1000 listed, \(model.nodeCount) nodes)")
    }
    // Colour-summed counts with every undefined input a colour (AEON's parameters): 093 (15
    // inputs, 41,240 attractors), 014 (7 inputs, 318), 259 (23 inputs, 8,388,608) and 155
    // (882,404,412).
    for folder in ["093-immune-checkpoint-inhibitors", "014-t-lgl-survival-network-2008",
                   "259-immune-surveillance-of-primary-melanoma-lc", "155-control-of-th1-th2-th17-treg-differentation"] {
        guard let model = try bbm(folder) else { continue }
        let run = try timed(1) { try model.asynchronousAttractorSummaries(limit: 0).count }
        report("symbolic.attractors.bbm\(folder.prefix(3))", run.time, "s (\(run.count) asynchronous attractors counted, \(model.nodeCount) nodes)")
    }
    // From the model's initial state (AEON and the first test): the attractors it reaches.
    for folder in ["093-immune-checkpoint-inhibitors", "195-ctla4-pd1-checkpoint-inhibitors",
                   "258-immune-surveillance-of-primary-melanoma"] {
        guard let model = try bbm(folder) else { continue }
        let run = try timed(3) { Double(try model.symbolicAsynchronousAttractors(from: [model.initialLevels], basins: false).attractors.count) }
        report("symbolic.attractors.initial.bbm\(folder.prefix(3))", run.time, "s (\(run.count) asynchronous attractors reached from the initial state, \(model.nodeCount) nodes)")
    }
    for folder in ["017-differentiation-of-t-lymphocytes", "066-cd4-t-cell-differentiation", "070-mapk-cancer-cell-fate",
                   "103-pancreatic-cancer-microenvironment", "117-ifn-lambda"] {
        guard let model = try bbm(folder) else { continue }
        let run = try timed(1) { try model.asynchronousAttractorSummaries(limit: 10).count }
        report("symbolic.attractors.bbm\(folder.prefix(3))", run.time, "s (\(run.count) asynchronous attractors counted, \(model.nodeCount) nodes)")
    }
    for folder in ["040-t-cell-differentiation", "061-tumor-microenvironment-in-lymphoblastic-leukeamia",
                   "062-cd4-t-cell-differentiation-and-plasticity", "154-control-of-th1-th2-differentiation"] {
        guard let model = try bbm(folder) else { continue }
        let id = String(folder.prefix(3))
        let trap = try timed(3) { Double(try model.trapSpaces(.minimal).count) }
        report("symbolic.trapspaces.bbm\(id)", trap.time, "s (\(trap.count) minimal trap spaces, \(model.nodeCount) nodes)")
        let attractors = try timed(1) { Double(try model.symbolicAsynchronousAttractors(basins: false).attractors.count) }
        report("symbolic.attractors.bbm\(id)", attractors.time, "s (\(attractors.count) asynchronous attractors)")
    }
}
