import Foundation
import ImmunoGraph
import ImmunoSim

// Adaptive resistance on builtin:tme (graded engine): anti-PD-1 releases T-cell activation, IFN-γ
// rises, and the tumour answers with PD-L1 (through IFN-γ) while the effector activity that was
// released brings on TIM-3 on the same T cells. Adding anti-TIM-3 or anti-PD-L1 silences one of those brakes. The chains are the
// explainer's: signed paths through cited edges, ranked by in-silico mediation.
// `--svg PATH` writes the time courses under anti-PD-1 (e.g. ./out/AdaptiveResistance.svg).
// Builtin:flagship is the minimal 12-node version of the same two loops.

var svgPath: String?
do {
    var rest = CommandLine.arguments.dropFirst()
    while let argument = rest.popFirst() {
        guard argument == "--svg", let path = rest.popFirst() else {
            FileHandle.standardError.write(Data("usage: AdaptiveResistance [--svg PATH]\n".utf8))
            exit(2)
        }
        svgPath = path
    }
}

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

    print("\nWhy (top chain of cited edges; mediators whose freezing removes the change):")
    let antiPD1 = scenario(["ANTI_PD1"])
    for readout in ["T_CELL_ACTIVATION", "PDL1", "TIM3"] {
        let why = try model.explain(readout, in: antiPD1, at: .step(steps))
        guard let chain = why.chains.first else {
            print("  \(readout): no signed path carries the change")
            continue
        }
        let necessary = why.mediators.filter { $0.necessary && chain.nodes.contains($0.node) }.map(\.node)
        print("  \(readout): " + chain.text
            + (necessary.isEmpty ? "" : "  (necessary: \(necessary.joined(separator: ", ")))"))
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
        print("\(combo) is \(value < alone - 0.01 ? "better" : "not better") than ANTI_PD1 alone "
            + "(\(number(value)) vs \(number(alone))).")
    }
    // The antibody silences TIM-3; it does not remove it: TIM-3 stays expressed (and rises with
    // the extra activation) while its brake on T cells is gone.
    let both = try model.response(
        baseline: scenario(["ANTI_PD1"]), treated: scenario(["ANTI_PD1", "ANTI_TIM3"]), at: .step(steps),
        readouts: ["T_CELL_ACTIVATION", "TIM3"])
    if let activation = both["T_CELL_ACTIVATION"], let tim3 = both["TIM3"] {
        print("Adding anti-TIM-3: T-cell activation \(number(activation.baseline)) -> \(number(activation.treated)); "
            + "TIM-3 still expressed (\(number(tim3.baseline)) -> \(number(tim3.treated))), its signalling blocked.")
    }

    // The same two brakes as a Boolean model, in probabilities (MaBoSS semantics: continuous-time
    // asynchronous updates, every node but the antigen starting on with probability ½). Anti-PD-1 is
    // a block of PD1 — an intervention on a model that has no antibody node.
    let boolean = try BnetFormat.read("""
        ANTIGEN, ANTIGEN
        TCELL, ANTIGEN & !PD1SIG & !TIM3SIG
        IFNG, TCELL
        PDL1, IFNG
        PD1, TCELL
        PD1SIG, PD1 & PDL1
        TIM3, IFNG
        GAL9, IFNG
        TIM3SIG, TIM3 & GAL9
        """, name: "checkpoint")
    let stochastic = try StochasticEngine(boolean, settings: StochasticSettings(trajectories: 4000, maxTime: 50, seed: 1))
    var blockPD1 = Scenario(model: "checkpoint", initialLevels: [.init(node: "ANTIGEN", level: 1)])
    blockPD1.therapies = [try TherapySpec.parseIntervention("PD1", kind: .block, in: boolean)]
    let probabilities = try stochastic.response(to: blockPD1, at: .step(50), readouts: ["TCELL", "PDL1", "TIM3"])
    print("\nThe same loops as a Boolean model, in probabilities (stochastic engine, 4000 trajectories, time 50):")
    for r in probabilities.readouts {
        // A 95 % interval on the difference of two independent proportions.
        let half = 1.96 * ((r.baseline * (1 - r.baseline) + r.treated * (1 - r.treated)) / 4000).squareRoot()
        print("  P(\(r.node) on) \(number(r.baseline)) -> \(number(r.treated))  (\(r.delta >= 0 ? "+" : "")\(number(r.delta)) ± \(number(half)), "
            + (abs(r.delta) > half ? (r.delta > 0 ? "up" : "down") : "not significant") + ")")
    }

    if let svgPath {
        // Anti-PD-1 from step 60, once the untreated tumour has settled, so the delays show.
        let start = 60
        let late = Scenario(model: "builtin:tme", therapies: [Therapy.node("ANTI_PD1", schedule: .continuous(from: start))])
        let course = model.run(try model.inputs(for: late), steps: steps)
        let untreated = model.run(try model.inputs(for: scenario([])), steps: steps)
        var series: [Series] = []
        for (k, id) in ["T_CELL_ACTIVATION", "IFNG", "PDL1", "TIM3", "TUMOR_BURDEN"].enumerated() {
            guard let i = graph.index(of: id) else { continue }
            let color = CategoricalPalette.color(k)
            series.append(Series(name: id, values: course.series(i), color: color))
            series.append(Series(name: "\(id) untreated", values: untreated.series(i), color: color, dashed: true))
        }
        let plot = TimeCoursePlot(title: "Anti-PD-1: T-cell activation, then PD-L1 and TIM-3 (dashed: untreated)",
            series: series, windows: [ShadedWindow(therapy: "anti-PD-1", start: start)])
        let url = URL(fileURLWithPath: svgPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try plot.svg().write(to: url, atomically: true, encoding: .utf8)
        print("wrote \(svgPath)")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
