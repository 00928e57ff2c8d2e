import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

@Suite struct TherapyTests {
    @Test func bolusHalfLife() {
        let schedule = Schedule(start: 2, halfLife: 2, dose: 1)
        #expect(schedule.exposure(at: 1) == 0)
        #expect(schedule.exposure(at: 2) == 1)
        #expect(abs(schedule.exposure(at: 4) - 0.5) < 1e-12)
        #expect(abs(schedule.exposure(at: 6) - 0.25) < 1e-12)
        #expect(abs(schedule.exposure(at: 3) - 1 / 2.0.squareRoot()) < 1e-12)
    }

    @Test func cyclesAndRepeatedBoluses() {
        let cycles = Schedule(start: 1, stop: 12, cycle: .init(on: 2, off: 3))
        let on = (0..<14).filter { cycles.isOn(at: $0) }
        #expect(on == [1, 2, 6, 7, 11])
        #expect(cycles.profile(steps: 14) == (0..<14).map { on.contains($0) ? 1 : 0 })
        // Weekly boluses add up: dose at 0, 7, 14; by hand at step 14: 1 + 2^(−7/7) + 2^(−14/7).
        let weekly = Schedule(start: 0, cycle: .init(on: 1, off: 6), halfLife: 7, dose: 1)
        #expect(abs(weekly.exposure(at: 14) - 1.75) < 1e-12)
        // The incremental profile agrees with the closed form at every step.
        let profile = weekly.profile(steps: 40)
        for t in 0..<40 { #expect(abs(profile[t] - weekly.exposure(at: t)) < 1e-9) }
        #expect(weekly.profileCSV(steps: 3).hasPrefix("step,exposure\n0,1\n"))
        #expect(weekly.profileText(steps: 8).split(separator: "\n").count == 8)
    }

    @Test func specParsing() throws {
        let g = try Catalog.flagship()
        let a = try TherapySpec.parse("ANTI_PDL1@10", in: g)
        #expect(a.name == "ANTI_PDL1" && a.schedule.start == 10 && a.schedule.stop == nil && a.schedule.dose == 1)
        let b = try TherapySpec.parse("ANTI_PD1@5-20", in: g)
        #expect(b.schedule.start == 5 && b.schedule.stop == 20)
        let c = try TherapySpec.parse("ANTI_TIM3@0:0.5", in: g)
        #expect(c.schedule.dose == 0.5)
        let d = try TherapySpec.parse("ANTI_PD1", in: g)
        #expect(d.schedule == Schedule())
        // An input of the model may be named too (ANTIGEN has no in-edges).
        #expect(try TherapySpec.parse("ANTIGEN@3", in: g).name == "ANTIGEN")

        func error(_ spec: String) -> TherapySpecError? {
            do { _ = try TherapySpec.parse(spec, in: g); return nil } catch { return error }
        }
        #expect(error("ANTI_PD1@x")?.position == 10)
        #expect(error("ANTI_PD1@5-3")?.message.contains("after start") == true)
        #expect(error("ANTI_PD1@5:abc")?.position == 12)
        #expect(error("ANTI-PD1@5")?.message.contains("did you mean ANTI_PD1") == true)
        #expect(error("PD1")?.message.contains("neither a therapy nor an input") == true)
        #expect(error("@5")?.position == 1)

        // A dose without a start means from step 0; cycles and a bolus half-life.
        #expect(try TherapySpec.parse("ANTI_TIM3:0.4", in: g).schedule == Schedule(dose: 0.4))
        let cycled = try TherapySpec.parse("ANTI_PD1@2-40:0.5/5+9~2.5", in: g).schedule
        #expect(cycled == Schedule(start: 2, stop: 40, cycle: .init(on: 5, off: 9), halfLife: 2.5, dose: 0.5))
        #expect(try TherapySpec.parse("ANTI_PD1/3+4", in: g).schedule == Schedule(cycle: .init(on: 3, off: 4)))
        #expect(try TherapySpec.parse("ANTI_PD1@1~4", in: g).schedule == Schedule(start: 1, halfLife: 4))
        #expect(error("ANTI_PD1/5")?.message.contains("+OFF") == true)
        #expect(error("ANTI_PD1/0+3")?.message.contains("on-length") == true)
        #expect(error("ANTI_PD1~0")?.message.contains("half-life") == true)
        #expect(error("ANTI_PD1:1@3")?.message.contains("out of place") == true)
        #expect(error("ANTI_PD1@3@4")?.message.contains("out of place") == true)
        #expect(error("ANTI_PD1~2/3+1")?.message.contains("out of place") == true)
        #expect(error("ANTI_PD1@3x")?.position == 10)
    }

    @Test func logicalPerturbations() throws {
        let g = try Catalog.flagship()
        let spec = try TherapySpec.parse("ANTI_PD1@5-20", in: g)
        // A driven node is off (held at 0) whenever the therapy is not on; the later hold wins.
        let off = Perturbation.hold("ANTI_PD1", level: 0, window: .always)
        #expect(try spec.logicalPerturbations(in: g) == [off, .hold("ANTI_PD1", level: 1, window: StepWindow(start: 5, stop: 20))])
        let open = try TherapySpec.parse("ANTI_PD1@5", in: g)
        #expect(try open.logicalPerturbations(in: g) == [off, .hold("ANTI_PD1", level: 1, window: StepWindow(start: 5))])
        let direct = Therapy(name: "drug", target: .node("PD1"), mode: .block(efficacy: 1), schedule: .continuous(from: 2))
        #expect(try direct.logicalPerturbations(in: g) == [.hold("PD1", level: 0, window: StepWindow(start: 2))])
        let edge = Therapy(name: "drug", target: .edge(source: "PDL1", target: "PD1"))
        #expect(try edge.logicalPerturbations(in: g) == [.removeEdge(source: "PDL1", target: "PD1")])
        let weak = Therapy(name: "drug", target: .node("PD1"), mode: .block(efficacy: 0.3))
        #expect(try weak.logicalPerturbations(in: g).isEmpty)
        let cycled = Therapy.node("ANTI_PD1", schedule: Schedule(start: 0, stop: 10, cycle: .init(on: 2, off: 3)))
        #expect(try cycled.logicalPerturbations(in: g) == [
            off, .hold("ANTI_PD1", level: 1, window: StepWindow(start: 0, stop: 2)),
            .hold("ANTI_PD1", level: 1, window: StepWindow(start: 5, stop: 7)),
        ])
        var scenario = Scenario(model: "builtin:flagship", therapies: [spec], perturbations: [.knockout("TIM3")])
        #expect(try scenario.logicalPerturbations(in: g).count == 3)
        scenario.therapies.append(Therapy(name: "x", target: .node("NOPE")))
        #expect(throws: PerturbationError.self) { try scenario.logicalPerturbations(in: g) }
    }

    @Test func scenarioJSONRoundTrip() throws {
        let scenario = Scenario(
            name: "combo", model: "builtin:flagship", background: "WT",
            therapies: [.node("ANTI_PD1", schedule: Schedule(start: 3, cycle: .init(on: 5, off: 9), halfLife: 2, dose: 0.8)),
                        Therapy(name: "b", target: .edge(source: "PDL1", target: "PD1"), mode: .block(efficacy: 0.7))],
            initialLevels: [.init(node: "PD1", level: 0.4)], perturbations: [.knockout("TIM3")])
        let text = try scenario.jsonText()
        #expect(text.contains("\"model\" : \"builtin:flagship\""))
        #expect(try Scenario.fromJSON(text) == scenario)
        #expect(scenario.description.contains("therapy ANTI_PD1"))
        #expect(scenario.description.contains("knockout TIM3"))
    }

    @Test func partialBlockadeIsMonotoneInEfficacy() throws {
        let g = try Catalog.flagship()
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "builtin:flagship", therapies: [Therapy(name: "PD1_BLOCK", target: .node("PD1"), mode: .block(efficacy: 0))])
        let curve = try model.sweep(scenario, therapy: "PD1_BLOCK", parameter: "efficacy", values: [0, 0.25, 0.5, 0.75, 1],
                                    readout: "T_CELL_ACTIVATION", at: .steady) { $0.mode = .block(efficacy: $1) }
        #expect(curve.isNonDecreasing())
        #expect(curve.values.last! > curve.values.first! + 0.05)
        #expect(abs(curve.values.first! - curve.points[0].baseline) < 1e-9)
        // The same through an edge block of PDL1 -> PD1.
        let edge = Scenario(model: "builtin:flagship", therapies: [Therapy(name: "E", target: .edge(source: "PDL1", target: "PD1"), mode: .block(efficacy: 0))])
        let edgeCurve = try model.sweep(edge, therapy: "E", parameter: "efficacy", values: [0, 0.5, 1], readout: "PD1", at: .steady) {
            $0.mode = .block(efficacy: $1)
        }
        #expect(edgeCurve.isNonIncreasing() && edgeCurve.values.last! < 1e-6)
    }

    @Test func incoherentFeedForwardGivesANonMonotoneDoseResponse() throws {
        // D activates X directly and through Y, which inhibits X: X peaks at an intermediate dose.
        let g = try MechanismGraph(name: "iffl") {
            Node("D", kind: .therapy); Node("Y"); Node("X")
            Edge("D", .activates, "X", threshold: 0.05)
            Edge("D", .activates, "Y", threshold: 0.9)
            Edge("Y", .inhibits, "X")
        }
        let model = try CompiledGradedModel(g)
        let scenario = Scenario(model: "iffl", therapies: [.node("D")])
        let doses = [0, 0.01, 0.03, 0.1, 0.3, 1]
        let curve = try model.doseResponse(scenario, therapy: "D", doses: doses, readout: "X", at: .steady)
        let peak = try #require(curve.peak)
        #expect(peak.parameter > 0 && peak.parameter < 1)
        #expect(peak.value > curve.values.last! + 0.1 && peak.value > curve.values.first! + 0.1)
        #expect(!curve.isNonDecreasing() && !curve.isNonIncreasing())
    }

    @Test func simultaneousBeatsDelayedOnAModelBuiltForIt() throws {
        // TAT (a short bolus) opens a window of antigen release; killing needs that window and a
        // blocked PD-L1; a bistable memory latches when killing happens during the window.
        let g = try MechanismGraph(name: "window") {
            Node("TAT", kind: .therapy); Node("ANTI_PDL1", kind: .therapy)
            Node("RELEASE"); Node("PDL1", basal: 1); Node("KILL"); Node("MEMORY")
            Edge("TAT", .activates, "RELEASE")
            Edge("ANTI_PDL1", .inhibits, "PDL1")
            Edge("RELEASE", .activates, "KILL")
            Edge("PDL1", .inhibits, "KILL")
            Edge("KILL", .activates, "MEMORY")
            Edge("MEMORY", .activates, "MEMORY")
        }
        let model = try CompiledGradedModel(g, parameters: GradedParameters(hillExponent: 3))
        let scenario = Scenario(model: "window", therapies: [
            .node("TAT", schedule: Schedule(start: 0, halfLife: 2)), .node("ANTI_PDL1", schedule: .continuous(from: 0)),
        ])
        let curve = try model.startResponse(scenario, therapy: "ANTI_PDL1", starts: [0, 20], readout: "MEMORY", at: .step(80))
        #expect(curve.values[0] > 0.9)
        #expect(curve.values[1] < 0.1)
    }

    @Test func directModesDepleteSupplyDamage() throws {
        let g = try MechanismGraph(name: "m") {
            Node("IN", basal: 1); Node("CELLS"); Node("DNA_DAMAGE")
            Edge("IN", .activates, "CELLS")
            Edge("IN", .activates, "DNA_DAMAGE", weight: 0.2)
        }
        let model = try CompiledGradedModel(g)
        let cells = g.index(of: "CELLS")!, damage = g.index(of: "DNA_DAMAGE")!
        let deplete = Scenario(model: "m", therapies: [Therapy(name: "aCD8", target: .node("CELLS"), mode: .deplete, schedule: .continuous(from: 0, dose: 0.5))])
        #expect(abs(model.finalLevels(try model.inputs(for: deplete), steps: 60)[cells] - 0.5) < 1e-6)
        let base = model.finalLevels(try model.inputs(for: Scenario(model: "m")), steps: 60)[damage]
        let tat = Scenario(model: "m", therapies: [Therapy(name: "TAT", target: .node("DNA_DAMAGE"), mode: .damage, schedule: .continuous(from: 0, dose: 250), fullEffectDose: 500)])
        let hit = model.finalLevels(try model.inputs(for: tat), steps: 60)[damage]
        #expect(abs(hit - (1 - (1 - base) * 0.5)) < 1e-6)
        let supply = Scenario(model: "m", therapies: [Therapy(name: "IL", target: .node("DNA_DAMAGE"), mode: .supply, schedule: .continuous(from: 0, dose: 0.9))])
        #expect(abs(model.finalLevels(try model.inputs(for: supply), steps: 60)[damage] - 0.9) < 1e-6)
    }
}
