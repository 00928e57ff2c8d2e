import ImmunoGraph
import ImmunoSim
import Testing

/// The flagship of `builtin:tme` (C047, C049, C081, C092–C094) under a fourth semantics: the
/// Boolean reading of the model run by the logical engine with asynchronous updating (one node
/// updated at a time in random order, 200 seeded runs, levels read as time averages). Each rise
/// or fall must exceed both the tolerance and four standard errors of the ensemble, so a test
/// cannot pass on sampling noise.
///
/// Under *synchronous* updating the flagship does not show: the T-cell loop
/// (activation → CD8 T cells → TIM-3 ⊣ IFN-γ and activation) is a negative feedback loop, which
/// synchronous updating turns into a cycle of period 6, TIM-3 on for 3 of the 6 steps, the same in
/// both arms (seeds/README.md, "The flagship under the logical semantics"). The order in time
/// (TIM-3 after activation) is not checked here: asynchronous runs move both within the first step.
@Suite("Flagship of builtin:tme under asynchronous logical updating")
struct LogicalFlagshipTests {
    static let runs = 200

    /// The response to anti-PD-1 (continuous from step 0) on `background`, optionally with `knockout` held at 0.
    func response(background: String? = nil, knockout: String? = nil, seed: UInt64 = 11) throws -> Response {
        let graph = try Catalog.tumourMicroenvironment()
        let engine = try LogicalEngine(graph, update: .asynchronous, runs: Self.runs, seed: seed)
        let perturbations = knockout.map { [Perturbation.hold($0, level: 0, window: .always)] } ?? []
        let scenario = Scenario(
            model: "builtin:tme", background: background,
            therapies: [Therapy.node("ANTI_PD1", schedule: .continuous(from: 0, dose: 1))],
            perturbations: perturbations)
        return try engine.response(to: scenario, at: .window(from: 50, to: 100))
    }

    /// `node`'s change, after checking it is resolved: larger than four standard errors.
    func resolvedDelta(_ response: Response, _ node: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Double {
        let entry = try #require(response[node], sourceLocation: sourceLocation)
        let error = try #require(entry.standardError, "an ensemble reports a standard error", sourceLocation: sourceLocation)
        #expect(abs(entry.delta) > 4 * error, "\(node): \(entry.delta) within 4 standard errors (\(error))", sourceLocation: sourceLocation)
        return entry.delta
    }

    @Test func antiPD1RaisesTIM3AndPDL1() throws {
        let response = try response()
        let tolerance = Response.defaultTolerance
        for node in ["T_CELL_ACTIVATION", "CD8_T", "IFNG", "TIM3", "PDL1"] {
            #expect(try resolvedDelta(response, node) > tolerance, "\(node) does not rise")
        }
        for node in ["TUMOR_BURDEN", "T_CELL_EXHAUSTION"] {
            #expect(try resolvedDelta(response, node) < -tolerance, "\(node) does not fall")
        }
        // The same holds with another seed (not a property of one draw).
        let again = try self.response(seed: 12)
        #expect(try resolvedDelta(again, "TIM3") > tolerance)
        #expect(try resolvedDelta(again, "PDL1") > tolerance)
    }

    @Test func theRisesNeedTheirMechanisms() throws {
        let tolerance = Response.defaultTolerance
        // C094: no compensatory TIM-3 without CD8 T cells.
        let depleted = try response(background: "CD8_DEPLETED")
        #expect(abs(try #require(depleted["TIM3"]).delta) <= tolerance)
        // C093: no PD-L1 rise without IFN-γ.
        let withoutIFNG = try response(knockout: "IFNG")
        #expect(abs(try #require(withoutIFNG["PDL1"]).delta) <= tolerance)
        // An unknown node is an error, not a silent zero.
        #expect(throws: EngineError.self) { try response(knockout: "NOT_A_NODE") }
    }
}
