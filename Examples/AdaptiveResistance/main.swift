import Foundation
import ImmunoGraph
import ImmunoSim

// Adaptive resistance on builtin:tme (graded engine): anti-PD-1 releases T-cell activation, IFN-γ
// rises, and the tumour answers with PD-L1 (through IFN-γ, 3 steps later) and TIM-3 (through CD8 T
// cells, 3 steps later). Adding anti-TIM-3 or anti-PD-L1 removes one of those brakes.
// Builtin:flagship is the minimal 12-node version of the same two loops.

let steps = 200

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: width, withPad: " ", startingAt: 0) }
func number(_ x: Double) -> String { String(format: "%.3f", x) }

do {
    let graph = try Catalog.tumourMicroenvironment()
    let model = try CompiledGradedModel(graph)
    func scenario(_ therapies: [String]) -> Scenario {
        Scenario(model: "builtin:tme", therapies: therapies.map { Therapy.node($0, schedule: .continuous()) })
    }
    let readouts = ["T_CELL_ACTIVATION", "CD8_T", "IFNG", "PDL1", "TIM3", "T_CELL_EXHAUSTION", "TUMOR_BURDEN"]
    let response = try model.response(to: scenario(["ANTI_PD1"]), at: .step(steps), readouts: readouts)

    print("Anti-PD-1 on builtin:tme (graded engine, read at step \(steps))\n")
    print(pad("node", 20) + pad("untreated", 11) + pad("anti-PD-1", 11) + pad("change", 10) + "first step")
    for r in response.readouts {
        print(pad(r.node, 20) + pad(number(r.baseline), 11) + pad(number(r.treated), 11)
            + pad(r.direction.rawValue, 10) + (r.firstStep.map(String.init) ?? "-"))
    }

    let activation = response["T_CELL_ACTIVATION"]?.firstStep ?? 0
    for late in ["PDL1", "TIM3"] {
        guard let r = response[late], let step = r.firstStep else { continue }
        print("\n\(late) goes \(r.direction.rawValue) at step \(step), "
            + (step > activation ? "after" : "not after") + " T-cell activation (step \(activation)).")
    }

    print("\nChains that carry the changes:")
    for (from, to) in [("ANTI_PD1", "T_CELL_ACTIVATION"), ("T_CELL_ACTIVATION", "PDL1"), ("T_CELL_ACTIVATION", "TIM3")] {
        guard let s = graph.index(of: from), let t = graph.index(of: to) else { continue }
        let path = graph.signedPaths(from: s, to: t, maxLength: 6, sign: .activates, limit: 50)
            .min { $0.edges.count < $1.edges.count }
        if let path { print("  " + graph.describe(path)) }
    }

    print("\nCombinations (tumour burden at step \(steps)):")
    var burden: [String: Double] = [:]
    for arm in [[], ["ANTI_PD1"], ["ANTI_PD1", "ANTI_TIM3"], ["ANTI_PD1", "ANTI_PDL1"]] {
        let name = arm.isEmpty ? "untreated" : arm.joined(separator: " + ")
        let final = model.run(try model.inputs(for: scenario(arm)), steps: steps).finalState
        guard let i = graph.index(of: "TUMOR_BURDEN") else { continue }
        burden[name] = final[i]
        print("  " + pad(name, 26) + number(final[i]))
    }
    let alone = burden["ANTI_PD1"] ?? 0
    for combo in ["ANTI_PD1 + ANTI_TIM3", "ANTI_PD1 + ANTI_PDL1"] {
        let value = burden[combo] ?? 0
        print("\(combo) is \(value < alone ? "better" : "not better") than ANTI_PD1 alone "
            + "(\(number(value)) vs \(number(alone))).")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
