import ImmunoGraph
import ImmunoSim
import Testing

/// The claims of `seeds/claims.md` that a mechanism model can test (``ClaimCatalog``), run on
/// `builtin:tme` with the graded engine under every semantics of ``ClaimSemantics``. Claims the
/// model does not reproduce are listed in `seeds/README.md` ("Claims the model does not
/// reproduce") with the reason; the robustness of each claim over jittered variants is
/// `ClaimRobustnessTests`.
@Suite("Claims of the seed papers on builtin:tme")
struct ClaimTests {
    static let models: [ClaimSemantics: ClaimModel] = {
        var models: [ClaimSemantics: ClaimModel] = [:]
        for semantics in ClaimSemantics.allCases { models[semantics] = try? ClaimModel(semantics) }
        return models
    }()

    @Test(arguments: ClaimSemantics.allCases, ClaimCatalog.all)
    func claimHolds(_ semantics: ClaimSemantics, _ claim: Claim) throws {
        guard claim.semantics.contains(semantics) else { return }
        let model = try #require(Self.models[semantics])
        let check = try claim.check(model)
        #expect(check.holds, "\(claim.id) under \(semantics.rawValue): \(check.failures)")
    }
}
