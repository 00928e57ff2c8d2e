import ImmunoGraph
import ImmunoSim
import Testing

/// The claims of `seeds/claims.md` that a mechanism model can test (``ClaimCatalog``), run on
/// `builtin:tme` with the graded engine under both graded semantics of ``ClaimSemantics``, and
/// the key claims (``ClaimCatalog/stochasticKeys``) under the stochastic semantics too (the rest
/// run under it in the opt-in `ClaimRobustnessTests`). Claims the
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

    @Test(arguments: ClaimSemantics.graded, ClaimCatalog.all)
    func claimHolds(_ semantics: ClaimSemantics, _ claim: Claim) throws {
        guard claim.semantics.contains(semantics) else { return }
        let model = try #require(Self.models[semantics])
        let check = try claim.check(model)
        #expect(check.holds, "\(claim.id) under \(semantics.rawValue): \(check.failures)")
    }

    @Test(arguments: ClaimCatalog.stochasticKeys)
    func keyClaimHoldsUnderStochasticSemantics(_ claim: Claim) throws {
        #expect(claim.semantics.contains(.stochastic), "\(claim.id) is not expected to hold under stochastic semantics")
        let model = try #require(Self.models[.stochastic])
        let check = try claim.check(model)
        #expect(check.holds, "\(claim.id) under stochastic: \(check.failures)")
    }
}
