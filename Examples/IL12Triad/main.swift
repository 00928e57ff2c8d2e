import Foundation
import ImmunoGraph
import ImmunoSim

// The IL-12 triad (seed 001) on builtin:tme with the graded engine: benefit (IFN-γ, MHC-I,
// CXCL9/10, M1 over M2), resistance (PD-L1 and IDO1 rising after IFN-γ), toxicity (circulating
// IFN-γ, only at high doses) and the combination with PD-1 or PD-L1 blockade.
// `--svg PATH` writes the IL-12 time courses (e.g. ./out/IL12Triad.svg).

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
func verb(_ r: NodeResponse?) -> String {
    switch r?.direction { case .up: "rises"; case .down: "falls"; default: "is unchanged" }
}

do {
    let graph = try Catalog.tumourMicroenvironment()
    let model = try CompiledGradedModel(graph)
    func scenario(_ therapies: [String: Double]) -> Scenario {
        Scenario(model: "builtin:tme", therapies: therapies.keys.sorted().map {
            Therapy.node($0, schedule: .continuous(dose: therapies[$0] ?? 1))
        })
    }
    let il12 = scenario(["IL12_THERAPY": 1])

    // 1. Benefit and 2. resistance in one response.
    print("1. IL-12 (continuous, level 1) against untreated, read at step \(steps)\n")
    let readouts = ["IL12", "STAT4", "TH1", "IFNG", "MHC_I", "CXCL9", "CXCL10", "M1_MACROPHAGE", "M2_MACROPHAGE",
                    "PDL1", "IDO1", "SYSTEMIC_TOXICITY", "TUMOR_BURDEN"]
    let response = try model.response(to: il12, at: .step(steps), readouts: readouts)
    print(response)
    print("\nBenefit:")
    for id in ["IFNG", "MHC_I", "CXCL9", "CXCL10", "M1_MACROPHAGE", "M2_MACROPHAGE", "TUMOR_BURDEN"] {
        print("  \(pad(id, 15)) \(verb(response[id])) (\(signed(response[id]?.delta ?? 0)))")
    }
    let why = try model.explain("MHC_I", in: il12, at: .step(steps))
    if let chain = why.chains.first { print("  Chain: " + chain.text) }

    print("\nResistance (first step at which the arms differ by more than 0.02):")
    let ifngStep = response["IFNG"]?.firstStep ?? 0
    print("  \(pad("IFNG", 15)) first change at step \(ifngStep)")
    for id in ["PDL1", "IDO1"] {
        guard let r = response[id], let step = r.firstStep else { print("  \(id) does not change"); continue }
        print("  \(pad(id, 15)) \(verb(r)) from step \(step), " + (step > ifngStep ? "later than" : "not later than") + " IFN-γ")
    }
    let late = try model.explain("PDL1", in: il12, at: .step(steps))
    if let chain = late.chains.first { print("  Chain: " + chain.text) }
    let necessary = late.mediators.filter(\.necessary).map(\.node)
    if !necessary.isEmpty { print("  Necessary mediators: " + necessary.joined(separator: ", ")) }

    // 3. Toxicity by dose.
    print("\n3. Dose and systemic toxicity (step \(steps))\n")
    let doses = [0.1, 0.3, 0.6, 1.0]
    let tox = try model.doseResponse(il12, therapy: "IL12_THERAPY", doses: doses, readout: "SYSTEMIC_TOXICITY", at: .step(steps))
    let ifng = try model.doseResponse(il12, therapy: "IL12_THERAPY", doses: doses, readout: "IFNG", at: .step(steps))
    let blood = try model.doseResponse(il12, therapy: "IL12_THERAPY", doses: doses, readout: "IFNG_BLOOD", at: .step(steps))
    let burden = try model.doseResponse(il12, therapy: "IL12_THERAPY", doses: doses, readout: "TUMOR_BURDEN", at: .step(steps))
    table(["IL-12 level", "IFN-γ", "blood IFN-γ", "toxicity", "Δ toxicity", "burden"], doses.indices.map { i in
        [number(doses[i]), number(ifng.values[i]), number(blood.values[i]), number(tox.values[i]),
         signed(tox.points[i].value - tox.points[i].baseline), number(burden.values[i])]
    })
    let lowTox = tox.points[1].value - tox.points[1].baseline, highTox = tox.points[3].value - tox.points[3].baseline
    // A change counts only beyond the response tolerance (0.02); a flat curve is not "rising".
    let tolerance = Response.defaultTolerance
    print("  Low dose (0.3): toxicity " + (abs(lowTox) <= tolerance ? "unchanged" : "changes") + " (\(signed(lowTox)))"
        + "; full dose: toxicity " + (highTox > tolerance ? "rises" : "unchanged") + " (\(signed(highTox))).")
    if highTox > tolerance && tox.isNonDecreasing() {
        print("  Toxicity rises with dose: the therapeutic window narrows. Circulating IFN-γ (IFNG_BLOOD), made by")
        print("  blood NK and T cells that IL-12 switches on, crosses the toxicity threshold only near full exposure (C025).")
    } else {
        print("  Not reproduced (C025): toxicity stays within the tolerance at every dose.")
    }

    // 4. Combinations with PD-1 / PD-L1 blockade.
    print("\n4. IL-12 with PD-1 or PD-L1 blockade: tumour burden at step \(steps)\n")
    var rows: [[String]] = []
    var burdens: [String: Double] = [:]
    guard let b = graph.index(of: "TUMOR_BURDEN") else { exit(1) }
    let arms: [(String, [String: Double])] = [
        ("untreated", [:]), ("IL-12", ["IL12_THERAPY": 1]), ("anti-PD-1", ["ANTI_PD1": 1]), ("anti-PD-L1", ["ANTI_PDL1": 1]),
        ("IL-12 + anti-PD-1", ["IL12_THERAPY": 1, "ANTI_PD1": 1]), ("IL-12 + anti-PD-L1", ["IL12_THERAPY": 1, "ANTI_PDL1": 1]),
    ]
    var courses: [Series] = []
    for (name, therapies) in arms {
        let t = model.run(try model.inputs(for: scenario(therapies)), steps: steps)
        burdens[name] = t.level(b, at: t.lastStep)
        rows.append([name, number(t.level(b, at: t.lastStep))])
        courses.append(Series(name: name, values: t.series(b)))
    }
    table(["arm", "burden"], rows)
    for blocker in ["anti-PD-1", "anti-PD-L1"] {
        let both = burdens["IL-12 + \(blocker)"] ?? 1
        let better = both < (burdens["IL-12"] ?? 0) && both < (burdens[blocker] ?? 0)
        print("  IL-12 + \(blocker) is \(better ? "better" : "not better") than either alone (\(number(both)))")
    }

    if let svgPath {
        let plot = TimeCoursePlot(title: "IL-12 with PD-1/PD-L1 blockade: tumour burden", series: courses, yRange: .automatic)
        let url = URL(fileURLWithPath: svgPath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try plot.svg().write(to: url, atomically: true, encoding: .utf8)
        print("wrote \(svgPath)")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
