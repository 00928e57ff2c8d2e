import Foundation
import ImmunoGraph
import ImmunoSim
import Testing

/// Robustness of the claims (issue 14, item 5): each claim of ``ClaimCatalog`` must hold in at
/// least 90 % of variants of `builtin:tme` with every weight, rate, basal level and threshold
/// jittered by ±30 % (``ClaimVariant``), under every semantics of ``ClaimSemantics``.
///
/// Opt-in (it runs thousands of simulations): set `IMMUNOSIM_CLAIM_VARIANTS=N`, or run
/// `Scripts/claim-robustness.sh` (200 variants, release build), which prints one `robustness:`
/// line per claim and semantics with the fraction and the nominal effect size. The fractions
/// measured are in `seeds/README.md`.
@Suite("Claim robustness over jittered variants",
       .enabled(if: ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_VARIANTS"] != nil))
struct ClaimRobustnessTests {
    /// Variants per semantics: `IMMUNOSIM_CLAIM_VARIANTS` (5 if it is not a number).
    static let count: Int = {
        let text = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_VARIANTS"] ?? ""
        return max(1, Int(text) ?? 5)
    }()
    /// Variants under the stochastic semantics (each runs thousands of trajectories per arm):
    /// `IMMUNOSIM_CLAIM_STOCHASTIC_VARIANTS`, else at most 20.
    static let stochasticCount: Int = {
        let text = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_STOCHASTIC_VARIANTS"] ?? ""
        return max(1, Int(text) ?? min(count, 20))
    }()
    static let amount = 0.3

    static let variants: [ClaimSemantics: [ClaimModel]] = {
        var result: [ClaimSemantics: [ClaimModel]] = [:]
        for semantics in ClaimSemantics.allCases where Self.semantics.contains(semantics) {
            result[semantics] = (0..<(semantics == .stochastic ? stochasticCount : count)).compactMap {
                try? ClaimModel(semantics, variant: ClaimVariant(amount: amount, seed: UInt64($0)))
            }
        }
        return result
    }()

    /// The comma-separated items of environment variable `name` (empty when it is not set).
    static func environmentList(_ name: String) -> [String] {
        (ProcessInfo.processInfo.environment[name] ?? "").split(separator: ",").map { String($0) }
    }

    /// The semantics swept: `IMMUNOSIM_CLAIM_SEMANTICS` (comma-separated raw values), else all.
    static let semantics: Set<ClaimSemantics> = {
        let chosen = Set(environmentList("IMMUNOSIM_CLAIM_SEMANTICS").compactMap(ClaimSemantics.init(rawValue:)))
        return chosen.isEmpty ? Set(ClaimSemantics.allCases) : chosen
    }()

    /// Whether to print, for each graded claim that fails in some variant, the parameters its
    /// effect correlates with most (``ClaimSensitivity``): `IMMUNOSIM_CLAIM_SENSITIVITY` set.
    static let sensitivity = ProcessInfo.processInfo.environment["IMMUNOSIM_CLAIM_SENSITIVITY"] != nil

    /// The claims swept: `IMMUNOSIM_CLAIM_IDS` (comma-separated ids, e.g. `C043b,C049`), else all.
    static let claimIDs = Set(environmentList("IMMUNOSIM_CLAIM_IDS"))

    /// The sweep's settings name things that exist: a misspelt semantics, claim or logic would
    /// otherwise sweep something else without a word.
    @Test func settingsNameWhatExists() {
        for name in Self.environmentList("IMMUNOSIM_CLAIM_SEMANTICS") {
            #expect(ClaimSemantics(rawValue: name) != nil, "IMMUNOSIM_CLAIM_SEMANTICS: unknown semantics '\(name)'")
        }
        let known = Set(ClaimCatalog.all.map(\.id))
        for id in Self.claimIDs { #expect(known.contains(id), "IMMUNOSIM_CLAIM_IDS: unknown claim '\(id)'") }
        let logic = ClaimSemantics.hill2LogicName
        #expect(logic.isEmpty || GradedLogic(rawValue: logic) != nil, "IMMUNOSIM_CLAIM_HILL2_LOGIC: unknown logic '\(logic)'")
        let reading = ClaimModel.readingName
        #expect(["", "final", "average"].contains(reading), "IMMUNOSIM_CLAIM_READING: unknown reading '\(reading)' (final or average)")
    }

    @Test(arguments: ClaimSemantics.allCases, ClaimCatalog.all)
    func claimHoldsInJitteredVariants(_ semantics: ClaimSemantics, _ claim: Claim) throws {
        guard Self.semantics.contains(semantics), Self.claimIDs.isEmpty || Self.claimIDs.contains(claim.id) else { return }
        guard claim.semantics.contains(semantics) else {
            // An exclusion must stay true: a claim not run under a semantics (its reason is in
            // seeds/README.md) must not meet the bar there on the nominal model — it fails, or it
            // holds by less than twice the tolerance (a stochastic difference of 0.002 "holds" in
            // half the seeds: noise, not a reproduction) — else it belongs in the sweep.
            let nominal = try claim.check(try #require(ClaimTests.models[semantics]))
            let effect = nominal.effect.map { String(format: " (effect %.3f)", $0) } ?? ""
            print("excluded: \(claim.id) \(semantics.rawValue) nominal \(nominal.verdict)\(nominal.holds ? effect : "")")
            let meetsBar = nominal.holds && (nominal.effect ?? .infinity) >= 2 * ClaimModel.tolerance
            #expect(!meetsBar, "\(claim.id) holds nominally under \(semantics.rawValue)\(effect), where ClaimCatalog does not run it: run it there")
            return
        }
        let models = try #require(Self.variants[semantics])
        #expect(models.count == (semantics == .stochastic ? Self.stochasticCount : Self.count), "some variants did not compile")
        var holding = 0
        var failures: [String] = []
        var effects: [Double] = []
        for (seed, model) in models.enumerated() {
            let check = try claim.check(model)
            effects.append(check.effect ?? .nan)
            if check.holdsRobustly { holding += 1 } else if failures.count < 3 { failures.append("seed \(seed): \(check.failures)") }
        }
        let nominal = try claim.check(try #require(ClaimTests.models[semantics]))
        let effect = nominal.effect.map { String(format: "%.3f", $0) } ?? "-"
        print("parts: \(claim.id) \(semantics.rawValue) \(nominal.parts.map(\.label).joined(separator: "; "))")
        print("robustness: \(claim.id) \(semantics.rawValue) \(holding)/\(models.count) effect \(effect) nominal \(nominal.verdict)")
        if Self.sensitivity, semantics != .stochastic, holding < models.count, !effects.contains(where: \.isNaN),
           let base = ClaimTests.models[semantics]?.graph {
            let strongest = ClaimSensitivity.strongest(base: base, variants: models.map(\.graph), effects: effects)
            print("sensitivity: \(claim.id) \(semantics.rawValue) " + strongest.map { "\($0.name) \(String(format: "%+.2f", $0.rho))" }.joined(separator: "; "))
        }
        // The 90 % rule; under the issue's 200 variants, a binomial test against it (ClaimBar).
        let allowed = ClaimBar.allowed(of: models.count)
        let pair = "\(claim.id) \(semantics.rawValue)"
        Self.expect(known: Self.belowNinetyPercent[pair], exact: models.count == Self.ciCount && Self.isReferenceSweep) {
            #expect(holding >= allowed, "\(pair): \(holding)/\(models.count); \(failures.joined(separator: " | "))")
        }
        // The issue's second bar: an effect at least twice the tolerance (parts without a size,
        // such as an order in time, have none).
        if let size = nominal.effect {
            Self.expect(known: Self.smallEffects[pair], exact: Self.isReferenceSweep) {
                #expect(size >= 2 * ClaimModel.tolerance, "\(pair): effect \(String(format: "%.3f", size))")
            }
        }
    }

    /// The graded variants of the CI sweep (`.ci/run`), for which ``belowNinetyPercent`` is exact.
    /// The issue's bar is stated for 200 variants; 1000 measure the same fraction with a standard
    /// error of about 1 percentage point instead of 2, so a claim near 90 % is not passed or failed
    /// by the luck of the draw.
    static let ciCount = 1000

    /// Whether the sweep is the reference one the lists below describe: `builtin:tme` itself (not
    /// a candidate file, `IMMUNOSIM_CLAIM_MODEL`) under the standard semantics (not the HillCube
    /// stress reading of `hill2`, `IMMUNOSIM_CLAIM_HILL2_LOGIC`) and the standard reading (the
    /// level at step 200, not `IMMUNOSIM_CLAIM_READING=average`).
    static let isReferenceSweep = ClaimModel.candidatePath == nil && ClaimSemantics.hill2Logic == .multilinear
        && !ClaimModel.averagedReading

    /// Runs `body`; when the pair is listed (`reason` not nil) its failure is a known issue, and
    /// with `exact` a listed pair that now meets the bar fails the test too, so the lists below
    /// shrink as the model improves and cannot hide a new failure.
    static func expect(known reason: String?, exact: Bool, _ body: () -> Void) {
        guard let reason else { return body() }
        withKnownIssue(Comment(rawValue: reason), isIntermittent: !exact, body)
    }

    /// The (claim, semantics) pairs that hold in fewer than 90 % of the ``ciCount`` variants, each
    /// with its reason (seeds/README.md, "What is still below the bar").
    /// Empty since the eleventh session: C034 multilinear, the last pair, holds in 92.0 % of the
    /// 1000 variants (91.9 % of 5000) with the draws keyed by parameter name (``ClaimVariant``) and
    /// CTLA-4's brake on CD4 T cells in the model. Kept so a pair that falls below the bar again
    /// is listed with its reason, not silenced.
    static let belowNinetyPercent: [String: String] = [:]

    /// The (claim, semantics) pairs whose nominal effect is under twice the tolerance (0.04),
    /// each with its reason (seeds/README.md, "What is still below the bar"). C007 and C068 meet
    /// the bar under the other graded semantics (item 5 of issue 14: "holds only under one
    /// semantics", seeds/README.md); C052 and C089, the project's additions to `claims.tsv`,
    /// under neither. They stay in the sweep so their direction is still checked in every
    /// variant, and so a pair that reaches the bar fails until it is taken off the list.
    static let smallEffects: [String: String] = [
        "C007 multilinear": "the DNA damage of 125 kBq/kg already unmasks most antigen under the multilinear transfer (0.43 of the full effect); the TCR signal saturates, so 250 kBq/kg adds 0.017",
        "C052 multilinear": "a speculative co-blockade: the PD-L1/CD80 arm is small",
        "C052 hill2": "a speculative co-blockade: the PD-L1/CD80 arm is small",
        "C068 hill2": "LAG-3 (0.28 under IL-21 + anti-PD-1) is a weak brake under Hill 2: anti-LAG-3 lowers the burden by 0.020; every stronger reading takes anti-CTLA-4's margin (C034, C064)",
        "C089 multilinear": "more antigen raises activation by 0.04; CD8 numbers follow it scaled by the suppressor populations",
        "C089 hill2": "more antigen raises activation by 0.04; CD8 numbers follow it scaled by the suppressor populations",
    ]
}
