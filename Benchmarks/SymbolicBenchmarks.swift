import Foundation
import ImmunoGraph
import ImmunoSim

/// `symbolic.trapspaces.*` and `symbolic.attractors.*`: seconds for the minimal trap spaces
/// (inputs fixed) and for the asynchronous attractors from all states (symbolic, no basins) of
/// BBM models that finish in seconds, when ../shared is present. 093's trap spaces (41,240, counted
/// exactly) are timed; its attractors and everything on 195 are left out: they do not finish in a
/// minute yet (issue: symbolic analysis at scale). `symbolic.attractors.bbm032` times the count and
/// summary of 032's attractors (one has 5.2e10 states); 017, 066, 070, 103 and 117 (1,835,008
/// attractors, 19 inputs) are counted the same way (10 summarised).
func runSymbolicBenchmarks() throws {
    guard selected("symbolic") else { return }
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/models/bbm")
    let path032 = shared.appendingPathComponent("032-t-cell-signalling-2006/model.bnet").path
    if FileManager.default.fileExists(atPath: path032) {
        let model = try LogicalModel(try ModelLoader.load(path032))
        var count = 0.0
        let time = try best(3) {
            count = try model.asynchronousAttractorSummaries().count
            checksum &+= Int(count)
        }
        report("symbolic.attractors.bbm032", time, "s (\(Int(count)) asynchronous attractors counted and summarised)")
    }
    let path093 = shared.appendingPathComponent("093-immune-checkpoint-inhibitors/model.bnet").path
    if FileManager.default.fileExists(atPath: path093) {
        let model = try LogicalModel(try ModelLoader.load(path093))
        var count = 0.0
        let time = try best(3) {
            count = try model.trapSpaceList(limit: 1000).count
            checksum &+= Int(count)
        }
        report("symbolic.trapspaces.bbm093", time, "s (\(Int(count)) minimal trap spaces counted, 1000 listed, \(model.nodeCount) nodes)")
    }
    for folder in ["017-differentiation-of-t-lymphocytes", "066-cd4-t-cell-differentiation", "070-mapk-cancer-cell-fate",
                   "103-pancreatic-cancer-microenvironment", "117-ifn-lambda"] {
        let path = shared.appendingPathComponent(folder).appendingPathComponent("model.bnet").path
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let model = try LogicalModel(try ModelLoader.load(path))
        var count = 0.0
        let time = try best(1) {
            count = try model.asynchronousAttractorSummaries(limit: 10).count
            checksum &+= Int(count)
        }
        report("symbolic.attractors.bbm\(folder.prefix(3))", time, "s (\(Int(count)) asynchronous attractors counted, \(model.nodeCount) nodes)")
    }
    for folder in ["040-t-cell-differentiation", "061-tumor-microenvironment-in-lymphoblastic-leukeamia",
                   "062-cd4-t-cell-differentiation-and-plasticity", "154-control-of-th1-th2-differentiation"] {
        let path = shared.appendingPathComponent(folder).appendingPathComponent("model.bnet").path
        guard FileManager.default.fileExists(atPath: path) else { continue }
        let model = try LogicalModel(try ModelLoader.load(path))
        let id = String(folder.prefix(3))
        var count = 0
        let trap = try best(3) {
            let spaces = try model.trapSpaces(.minimal)
            count = spaces.count
            checksum &+= spaces.count
        }
        report("symbolic.trapspaces.bbm\(id)", trap, "s (\(count) minimal trap spaces, \(model.nodeCount) nodes)")
        let attractors = try best(1) {
            let found = try model.symbolicAsynchronousAttractors(basins: false)
            count = found.attractors.count
            checksum &+= count
        }
        report("symbolic.attractors.bbm\(id)", attractors, "s (\(count) asynchronous attractors)")
    }
}
