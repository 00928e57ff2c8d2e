import Foundation
import ImmunoGraph
import ImmunoSim

/// `symbolic.control.*`: seconds for attractor control (every set of at most K perturbations).
/// - `symbolic.control.checkpoint`: the checkpoint example, antigen present, KILLING=1, K = 2.
/// - `symbolic.control.builtin`: `builtin:tme` (multi-valued, through its Boolean coding),
///   PDL1=0, K = 1.
/// - `symbolic.control.bbm093`: BBM 093 with its 15 inputs fixed as in Guides/SymbolicAnalysis.md,
///   v_Th1_CTL=1, K = 2 (when ../shared is present).
func runControlBenchmarks() throws {
    guard selected("symbolic.control") else { return }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    let checkpointGraph = try ModelLoader.load(root.appendingPathComponent("Examples/models/checkpoint.bnet").path)
    let checkpoint = try LogicalModel(checkpointGraph).holding([("ANTIGEN", 1)])
    var examined = 0
    var time = try best(3) {
        let result = try checkpoint.controlStrategies(ControlProblem(target: [NodeValue("KILLING", 1)], maxSize: 2))
        examined = result.examined
        checksum &+= result.strategies.count
    }
    report("symbolic.control.checkpoint", time, "s (\(examined) sets examined, K = 2)")

    let builtin = try LogicalModel(try Catalog.tumourMicroenvironment())
    time = try best(1) {
        let result = try builtin.controlStrategies(ControlProblem(target: [NodeValue("PDL1", 0)], maxSize: 1))
        examined = result.examined
        checksum &+= result.strategies.count
    }
    report("symbolic.control.builtin", time, "s (\(examined) sets examined, K = 1, \(builtin.nodeCount) multi-valued-model nodes)")

    let path093 = root.deletingLastPathComponent().appendingPathComponent(
        "shared/models/bbm/093-immune-checkpoint-inhibitors/model.bnet").path
    guard FileManager.default.fileExists(atPath: path093) else { return }
    let fixed = ["v_Antigen", "v_MHCI", "v_MHCII", "v_CD80_86", "v_ICOS_L", "v_PD1_L", "v_TIM3_L", "v_LAG3_L", "v_TIGIT_L",
                 "v_TNFRs_L", "v_IFNG", "v_IL12", "v_IL27", "v_TGFb"].map { ($0, 1) } + [("v_anti_CTLA4", 0)]
    let model093 = try LogicalModel(try ModelLoader.load(path093)).holding(fixed)
    time = try best(1) {
        let result = try model093.controlStrategies(ControlProblem(target: [NodeValue("v_Th1_CTL", 1)], maxSize: 2))
        examined = result.examined
        checksum &+= result.strategies.count
    }
    report("symbolic.control.bbm093", time, "s (\(examined) sets examined, K = 2, 15 inputs fixed)")
}
