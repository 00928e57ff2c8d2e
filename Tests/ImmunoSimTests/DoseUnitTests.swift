import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Doses in the papers' units (issue 14, item 3): a therapy node states its full-effect dose per
/// unit (``DoseScale``), and `ID:DOSE UNIT` doses it at `dose / full effect`, saturating above.
@Suite("Doses in the papers' units")
struct DoseUnitTests {
    static let graph: MechanismGraph? = try? Catalog.tumourMicroenvironment()

    func level(_ spec: String) throws -> Double {
        let graph = try #require(Self.graph)
        let therapy = try TherapySpec.parse(spec, in: graph)
        return try #require(therapy.strengthProfile(steps: 1).first)
    }

    @Test func theBuiltinTherapiesStateTheirScales() throws {
        let graph = try #require(Self.graph)
        #expect(graph.node("TAT")?.doseScales == [DoseScale(unit: "kBq/kg", fullEffect: 625), DoseScale(unit: "kBq/mL", fullEffect: 50)])
        #expect(graph.node("EBRT")?.doseScales == [DoseScale(unit: "Gy", fullEffect: 20)])
        #expect(graph.node("IL21_THERAPY")?.doseScales == [DoseScale(unit: "ug/kg", fullEffect: 10)])
        #expect(graph.node("ANTI_PD1")?.doseScales == [])
    }

    @Test func theJSONKeyTheOlderNoteTagAndBadDoses() throws {
        func graph(_ node: String) throws -> MechanismGraph {
            let text = #"{"format": "immunograph", "version": 1, "name": "d", "nodes": ["# + node
                + #", {"id": "X"}], "edges": [{"source": "T", "sign": "activates", "target": "X"}]}"#
            return try JSONFormat.read(Data(text.utf8))
        }
        // The key, written back by the JSON writer.
        let keyed = try graph(#"{"id": "T", "kind": "therapy", "fullEffect": [{"value": 20, "unit": "Gy"}, {"value": 2, "unit": "mg/kg"}]}"#)
        #expect(keyed.node("T")?.doseScales == [DoseScale(unit: "Gy", fullEffect: 20), DoseScale(unit: "mg/kg", fullEffect: 2)])
        let back = try JSONFormat.read(try JSONFormat.write(keyed))
        #expect(back.node("T")?.fullEffect == [FullEffectDose(value: 20, unit: "Gy"), FullEffectDose(value: 2, unit: "mg/kg")])
        // Older models: the note tag still reads; the key wins when both are there.
        let noted = try graph(#"{"id": "T", "kind": "therapy", "note": "dose scale; full effect: 625 kBq/kg"}"#)
        #expect(noted.node("T")?.doseScales == [DoseScale(unit: "kBq/kg", fullEffect: 625)])
        let both = try graph(#"{"id": "T", "kind": "therapy", "note": "full effect: 1 Gy", "fullEffect": [{"value": 20, "unit": "Gy"}]}"#)
        #expect(both.node("T")?.doseScales == [DoseScale(unit: "Gy", fullEffect: 20)])
        // A non-positive dose, an empty unit or a misspelt key is bad input, not a silent default.
        for bad in [#"[{"value": 0, "unit": "Gy"}]"#, #"[{"value": 5, "unit": " "}]"#, #"[{"value": 5, "units": "Gy"}]"#] {
            #expect(throws: (any Error).self) { try graph(#"{"id": "T", "kind": "therapy", "fullEffect": "# + bad + "}") }
        }
    }

    @Test(arguments: [
        ("TAT:125kBq/kg", 0.2), ("TAT:250kBq/kg", 0.4), ("TAT:500 kBq/kg", 0.8), ("TAT:50kBq/mL", 1.0),
        ("EBRT:8Gy", 0.4), ("EBRT:12 Gy", 0.6), ("IL21_THERAPY:3ug/kg", 0.3), ("IL21_THERAPY:3µg/kg", 0.3),
        ("TAT:0.4", 0.4),
    ])
    func aDoseInAUnitIsItsFractionOfTheFullEffect(_ spec: String, _ expected: Double) throws {
        #expect(abs(try level(spec) - expected) < 1e-12, "\(spec)")
    }

    @Test func aDoseAboveTheFullEffectSaturates() throws {
        let graph = try #require(Self.graph)
        let therapy = try TherapySpec.parse("TAT:700kBq/kg", in: graph)
        #expect(therapy.schedule.dose > therapy.fullEffectDose)
        #expect(try level("TAT:700kBq/kg") == 1)
    }

    @Test func theRestOfTheGrammarStillFollowsTheUnit() throws {
        let graph = try #require(Self.graph)
        let therapy = try TherapySpec.parse("TAT@3:250kBq/kg/5+9~2", in: graph)
        #expect(therapy.schedule.start == 3)
        #expect(therapy.schedule.dose == 250)
        #expect(therapy.schedule.cycle?.on == 5 && therapy.schedule.cycle?.off == 9)
        #expect(therapy.schedule.halfLife == 2)
        #expect(therapy.fullEffectDose == 625)
    }

    @Test(arguments: ["TAT:250Gy", "ANTI_PD1:5mg/kg", "block PD1:5mg/kg", "EBRT:8 Gy extra"])
    func aUnitTheNodeDoesNotStateIsAnError(_ spec: String) throws {
        let graph = try #require(Self.graph)
        #expect(throws: TherapySpecError.self) { try TherapySpec.parse(spec, in: graph) }
    }

    @Test func theUnitsAreListedWhenOneIsWrong() throws {
        let graph = try #require(Self.graph)
        do {
            _ = try TherapySpec.parse("TAT:250Gy", in: graph)
            Issue.record("no error")
        } catch {
            #expect(error.message.contains("kBq/kg") && error.message.contains("kBq/mL"), "\(error.message)")
        }
    }

    /// The logical and stochastic engines hold a multi-valued therapy node at its dose level.
    @Test func aBooleanReadingHoldsTheDoseLevel() throws {
        let graph = try #require(Self.graph)
        let therapy = try TherapySpec.parse("TAT:250kBq/kg", in: graph)
        let windows = therapy.levelWindows(maxLevel: 5, horizon: 10)
        #expect(windows.count == 1)
        #expect(windows.first?.level == 2)
        #expect(windows.first?.window.stop == nil)
        let holds = try therapy.logicalPerturbations(in: graph, horizon: 10)
        #expect(holds.contains(.hold("TAT", level: 0.4, window: .always)))
    }
}
