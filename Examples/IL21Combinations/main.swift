import Foundation
import ImmunoGraph
import ImmunoSim

// IL-21 combinations (seed 002) on builtin:tme with the graded engine: IL-21 on NK cells with and
// without IL-15; IL-21 with anti-CTLA-4 or anti-PD-1; IL-21 + anti-PD-1 raising TIM-3 and LAG-3,
// and what adding their blockade does.
// `--svg PATH` writes TIM-3/LAG-3 time courses (e.g. ./out/IL21Combinations.svg).

let steps = 200
let svgPath: String? = CommandLine.arguments.firstIndex(of: "--svg").flatMap {
    $0 + 1 < CommandLine.arguments.count ? CommandLine.arguments[$0 + 1] : nil
}

func pad(_ text: String, _ width: Int) -> String { text.padding(toLength: max(width, text.count), withPad: " ", startingAt: 0) }
func number(_ x: Double) -> String { String(format: "%.3f", x) }
func signed(_ x: Double) -> String { (x >= 0 ? "+" : "") + String(format: "%.3f", x) }
func table(_ header: [String], _ rows: [[String]], width: Int = 12) {
    let first = max(header[0].count, rows.map { $0[0].count }.max() ?? 0) + 2
    for row in [header] + rows { print("  " + pad(row[0], first) + row.dropFirst().map { pad($0, width) }.joined()) }
}

do {
    let graph = try Catalog.tumourMicroenvironment()
    let model = try CompiledGradedModel(graph)
    func scenario(_ therapies: [String], holds: [String: Double] = [:]) -> Scenario {
        Scenario(model: "builtin:tme", therapies: therapies.map { Therapy.node($0, schedule: .continuous()) },
            perturbations: holds.keys.sorted().map { .hold($0, level: holds[$0] ?? 0, window: .always) })
    }
    func run(_ s: Scenario) throws -> GradedTrajectory { model.run(try model.inputs(for: s), steps: steps) }
    func level(_ t: GradedTrajectory, _ id: String) -> Double {
        graph.index(of: id).map { t.level($0, at: t.lastStep) } ?? .nan
    }

    // 1. NK cells: IL-21 with IL-15 absent (held at 0) or plentiful (held at 1).
    print("1. IL-21 on NK cells with and without IL-15 (step \(steps))\n")
    var rows: [[String]] = []
    var nk: [String: Double] = [:]
    for (label, il15) in [("no IL-15", 0.0), ("IL-15 high", 1.0)] {
        for il21 in [false, true] {
            let t = try run(scenario(il21 ? ["IL21_THERAPY"] : [], holds: ["IL15": il15]))
            let name = (il21 ? "IL-21, " : "untreated, ") + label
            nk[name] = level(t, "NK")
            rows.append([name] + ["NK", "NK_CYTOTOXICITY", "NK_APOPTOSIS", "PERFORIN"].map { number(level(t, $0)) })
        }
    }
    table(["arm", "NK", "NK killing", "NK apoptosis", "perforin"], rows, width: 14)
    let withIL15 = nk["IL-21, IL-15 high"] ?? 0, without = nk["IL-21, no IL-15"] ?? 0
    let untreatedNoIL15 = nk["untreated, no IL-15"] ?? 0
    print("  With IL-15 IL-21 leaves \(withIL15 > without + 0.02 ? "more" : "no more") NK cells (\(number(withIL15)) vs \(number(without))); "
        + "without IL-15 IL-21 " + (without > untreatedNoIL15 + 0.02 ? "still expands" : "does not expand") + " them (\(number(untreatedNoIL15)) -> \(number(without))): "
        + "NK expansion by IL-21 needs IL-15 (C053).")
    if withIL15 >= (nk["untreated, IL-15 high"] ?? 0) {
        print("  Not reproduced (C054): one lab saw IL-21 lower IL-15-driven expansion of resting NK cells; the model follows")
        print("  the other (C053, IL-21 + IL-15 synergy), so on IL-15-supported NK cells IL-21 raises NK numbers here.")
    }
    let nkWhy = try model.explain("NK_CYTOTOXICITY", in: scenario(["IL21_THERAPY"]), at: .step(steps))
    if let chain = nkWhy.chains.first { print("  Chain: " + chain.text) }

    // 2. IL-21 with anti-CTLA-4 or anti-PD-1.
    print("\n2. IL-21 with anti-CTLA-4 or anti-PD-1 (step \(steps))\n")
    var burden: [String: Double] = [:]
    rows = []
    for arm in [[], ["IL21_THERAPY"], ["ANTI_CTLA4"], ["ANTI_PD1"], ["IL21_THERAPY", "ANTI_CTLA4"], ["IL21_THERAPY", "ANTI_PD1"]] {
        let t = try run(scenario(arm))
        let name = arm.isEmpty ? "untreated" : arm.joined(separator: " + ")
        burden[name] = level(t, "TUMOR_BURDEN")
        rows.append([name] + ["TUMOR_BURDEN", "CD8_T", "TSCM", "CD28", "PD1"].map { number(level(t, $0)) })
    }
    table(["arm", "burden", "CD8 T", "TSCM", "CD28", "PD-1"], rows)
    let alone = burden["IL21_THERAPY"] ?? 0
    for blocker in ["ANTI_CTLA4", "ANTI_PD1"] {
        let both = burden["IL21_THERAPY + \(blocker)"] ?? 0
        print("  IL-21 + \(blocker) is \(both < alone - 0.02 ? "better" : both < alone ? "slightly better" : "not better") than IL-21 alone "
            + "(\(number(both)) vs \(number(alone)), \(signed(both - alone))).")
    }
    let pd1Why = try model.explain("TUMOR_BURDEN", in: scenario(["IL21_THERAPY", "ANTI_PD1"]), at: .step(steps))
    if let chain = pd1Why.chains.first { print("  Chain: " + chain.text) }
    let ctla4 = (burden["IL21_THERAPY + ANTI_CTLA4"] ?? 0) - alone, pd1 = (burden["IL21_THERAPY + ANTI_PD1"] ?? 0) - alone
    if ctla4 > pd1 {
        print("  Not reproduced (C062, C063): in EMT6 and CT26 tumours IL-21 worked with anti-CTLA-4 and not with")
        print("  anti-PD-1. Which blocker helps depends on the tumour (its Treg load, its PD-L1), not on topology;")
        print("  builtin:tme is a PD-1-limited tumour, so only the MC38 direction (C064: both help) is tested.")
    }

    // 3. IL-21 + anti-PD-1 raises TIM-3 and LAG-3; adding their blockade.
    print("\n3. IL-21 + anti-PD-1 raises TIM-3 and LAG-3 (step \(steps))\n")
    let combo = scenario(["IL21_THERAPY", "ANTI_PD1"])
    let response = try model.response(to: combo, at: .step(steps), readouts: ["T_CELL_ACTIVATION", "CD8_T", "TIM3", "LAG3", "PDL1", "TSCM", "TUMOR_BURDEN"])
    print(response)
    for id in ["TIM3", "LAG3"] {
        let r = response[id]
        print("  \(id) " + (r?.direction == .up ? "rises" : "does not rise") + " (\(signed(r?.delta ?? 0))), from step \(r?.firstStep.map(String.init) ?? "-")")
    }
    let timWhy = try model.explain("TIM3", in: combo, at: .step(steps))
    if let chain = timWhy.chains.first { print("  Chain: " + chain.text) }
    let necessary = timWhy.mediators.filter(\.necessary).map(\.node)
    if !necessary.isEmpty { print("  Necessary mediators: " + necessary.joined(separator: ", ")) }

    print("\n  Adding TIM-3 or LAG-3 blockade to IL-21 + anti-PD-1 (burden at step \(steps)):\n")
    rows = []
    let base = level(try run(combo), "TUMOR_BURDEN")
    var courses: [Series] = []
    for extra in [[], ["ANTI_TIM3"], ["ANTI_LAG3"], ["ANTI_TIM3", "ANTI_LAG3"]] {
        let t = try run(scenario(["IL21_THERAPY", "ANTI_PD1"] + extra))
        let value = level(t, "TUMOR_BURDEN")
        let name = (["IL-21 + anti-PD-1"] + extra).joined(separator: " + ")
        rows.append([name, number(value), signed(value - base), extra.isEmpty ? "reference" : value < base - 0.02 ? "better" : value < base ? "slightly better" : "not better"])
        if let i = graph.index(of: "TUMOR_BURDEN") { courses.append(Series(name: name, values: t.series(i))) }
    }
    table(["arm", "burden", "change", "verdict"], rows, width: 14)

    if let svgPath {
        let plot = TimeCoursePlot(title: "IL-21 + anti-PD-1 with TIM-3/LAG-3 blockade: tumour burden", series: courses, yRange: .automatic)
        let url = URL(fileURLWithPath: svgPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try plot.svg().write(to: url, atomically: true, encoding: .utf8)
        print("wrote \(svgPath)")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
