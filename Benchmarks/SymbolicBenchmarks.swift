import Foundation
import ImmunoGraph
import ImmunoSim

/// `symbolic.trapspaces.*` and `symbolic.attractors.*`: seconds for the minimal trap spaces
/// (inputs fixed) and for the asynchronous attractors from all states (symbolic, no basins) of
/// BBM models that finish in seconds, when ../shared is present. 093 and 195 are left out: they
/// do not finish in a minute yet (issue: symbolic analysis at scale).
func runSymbolicBenchmarks() throws {
    guard selected("symbolic") else { return }
    let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/models/bbm")
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
