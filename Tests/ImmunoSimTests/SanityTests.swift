import ImmunoGraph
import ImmunoSim
import Testing

/// Structural sanity of `builtin:tme` (issue 14, item 6): requirements that follow from the
/// mechanisms, independent of any one claim. Each compares a therapy's benefit (the fall in
/// tumour burden) with and without a required component.
@Suite("Structural sanity of builtin:tme")
struct SanityTests {
    static let models: [ClaimSemantics: ClaimModel] = ClaimTests.models

    /// The fall in tumour burden that `therapies` bring, in the given background and holds.
    func benefit(_ m: ClaimModel, _ therapies: [String: Double], background: String? = nil, holds: [String: Double] = [:]) throws -> Double {
        let b = try m.run(background: background, holds: holds)
        let t = try m.run(therapies, background: background, holds: holds)
        return b["TUMOR_BURDEN"] - t["TUMOR_BURDEN"]
    }

    @Test("TCR or antigen-presentation knockout abolishes the anti-PD-1 benefit", arguments: ClaimSemantics.allCases, ["TCR", "ANTIGEN_PRESENTATION"])
    func antigenRecognitionIsRequired(_ semantics: ClaimSemantics, _ knockout: String) throws {
        let m = try #require(Self.models[semantics])
        let wt = try benefit(m, ["ANTI_PD1": 1])
        let ko = try benefit(m, ["ANTI_PD1": 1], holds: [knockout: 0])
        #expect(wt > 2 * ClaimModel.tolerance, "WT benefit \(wt)")
        #expect(abs(ko) <= ClaimModel.tolerance, "\(knockout) KO benefit \(ko) (WT \(wt))")
    }

    @Test("CD8 depletion abolishes CD8 killing and most of TAT's benefit", arguments: ClaimSemantics.allCases)
    func cd8Depletion(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let depleted = try m.run(holds: ["CD8_T": 0])
        #expect(depleted["CTL_CYTOTOXICITY"] <= 0.01, "CD8 killing without CD8 T cells: \(depleted["CTL_CYTOTOXICITY"])")
        let treated = try m.run(["TAT": 0.4], holds: ["CD8_T": 0])
        #expect(treated["CTL_CYTOTOXICITY"] <= 0.01)
        // In the Boolean reading (stochastic) an average tumour is already presented (antigen
        // presentation on), so TAT at 250 kBq/kg adds nothing to priming and has no benefit to
        // lose (seeds/README.md); its immune benefit shows in the cold tumour (C020).
        guard semantics != .stochastic else { return }
        let wt = try benefit(m, ["TAT": 0.4])
        let ko = try benefit(m, ["TAT": 0.4], holds: ["CD8_T": 0])
        #expect(wt > 2 * ClaimModel.tolerance, "WT benefit \(wt)")
        // Most of it: 20 % kept under multilinear, 43 % under Hill 2 (the CD8-independent routes,
        // NK cells and M1 macrophages, weigh more there; seeds/README.md, tenth session).
        #expect(ko < 0.5 * wt, "TAT benefit without CD8 T cells \(ko), WT \(wt)")
    }

    @Test("B2M loss removes most of the anti-PD-1 benefit", arguments: ClaimSemantics.allCases)
    func b2mLoss(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let wt = try benefit(m, ["ANTI_PD1": 1])
        let lost = try benefit(m, ["ANTI_PD1": 1], background: "B2M_LOSS")
        #expect(wt > 2 * ClaimModel.tolerance, "WT benefit \(wt)")
        #expect(lost < 0.5 * wt, "B2M loss benefit \(lost), WT \(wt)")
    }

    @Test("anti-PD-L1 is comparable to anti-PD-1", arguments: ClaimSemantics.allCases)
    func pdl1ComparableToPD1(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let pd1 = try benefit(m, ["ANTI_PD1": 1])
        let pdl1 = try benefit(m, ["ANTI_PDL1": 1])
        #expect(pdl1 >= 0.5 * pd1 && pdl1 <= 2 * pd1, "anti-PD-L1 \(pdl1), anti-PD-1 \(pd1)")
    }

    @Test("anti-CTLA-4 lowers intratumoural Tregs", arguments: ClaimSemantics.allCases)
    func ctla4LowersTregs(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let b = try m.run(), t = try m.run(["ANTI_CTLA4": 1])
        #expect(delta("TREG", b, t) < -2 * ClaimModel.tolerance, "TREG \(delta("TREG", b, t))")
    }

    /// Anti-CTLA-4 has two arms (S003-04/07: CD80/CD86 freed for CD28; S003-52: fewer Tregs,
    /// which restrain CD8 numbers and killing): with either arm held at its untreated level the
    /// other still lowers the burden, by less than both together (tenth session: costimulation
    /// alone about three quarters of the benefit, the Tregs about a fifth, under both graded
    /// semantics). Graded only: the Boolean reading does not reproduce C034 (seeds/README.md).
    @Test("anti-CTLA-4 acts through freed costimulation and through fewer Tregs", arguments: ClaimSemantics.graded)
    func ctla4HasTwoArms(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let untreated = try m.run()
        let both = try benefit(m, ["ANTI_CTLA4": 1])
        let costimulation = try benefit(m, ["ANTI_CTLA4": 1], holds: ["TREG": untreated["TREG"]])
        let tregs = try benefit(m, ["ANTI_CTLA4": 1], holds: ["CD28": untreated["CD28"]])
        for (arm, value) in [("costimulation", costimulation), ("Tregs", tregs)] {
            #expect(value > 0.1 * both && value < 0.9 * both, "\(arm) alone \(value), both \(both)")
        }
    }

    /// LAG-3 brakes the activation of the T cells present (S002-23, S003-49), so blocking it on
    /// top of IL-21 + anti-PD-1 raises activation (not only CD8 numbers). Graded only: the brake
    /// is a weak one, invisible to the Boolean reading.
    @Test("anti-LAG-3 frees T-cell activation under IL-21 + anti-PD-1", arguments: ClaimSemantics.graded)
    func lag3BrakesActivation(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let a = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1]), b = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1, "ANTI_LAG3": 1])
        #expect(delta("T_CELL_ACTIVATION", a, b) > ClaimModel.tolerance, "activation \(delta("T_CELL_ACTIVATION", a, b))")
    }

    @Test("IL-21's NK effect needs IL-15", arguments: ClaimSemantics.allCases)
    func il21NeedsIL15(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let wb = try m.run(), wt = try m.run(["IL21_THERAPY": 1])
        let kb = try m.run(holds: ["IL15": 0]), kt = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 0])
        #expect(delta("NK", wb, wt) > 2 * ClaimModel.tolerance, "WT: IL-21 moves NK by \(delta("NK", wb, wt))")
        #expect(delta("NK", kb, kt) <= ClaimModel.tolerance, "IL-15 KO: IL-21 moves NK by \(delta("NK", kb, kt))")
    }

    /// Radiation acts through the damage it deposits (thirteenth session; S000-31): with
    /// `DNA_DAMAGE` held off, neither TAT nor beam radiation raises the antigen load or the danger
    /// signals, and TAT no longer causes immunogenic death. (Beam radiation keeps a route to it
    /// that bypasses nuclear DNA damage: mitochondrial DNA in the cytosol, S000-15, S000-16.)
    @Test("radiation raises antigen load, DAMPs and ICD only through DNA damage", arguments: ClaimSemantics.allCases)
    func radiationActsThroughDamage(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let b = try m.run(), bko = try m.run(holds: ["DNA_DAMAGE": 0])
        for (therapy, readouts) in [("TAT", ["NEOANTIGENS", "DAMPS", "ICD"]), ("EBRT", ["NEOANTIGENS", "DAMPS"])] {
            let t = try m.run([therapy: 0.4]), tko = try m.run([therapy: 0.4], holds: ["DNA_DAMAGE": 0])
            for id in readouts {
                #expect(delta(id, b, t) > 2 * ClaimModel.tolerance, "\(therapy) raises \(id) by \(delta(id, b, t))")
                #expect(abs(delta(id, bko, tko)) <= ClaimModel.tolerance, "\(therapy) without DNA damage moves \(id) by \(delta(id, bko, tko))")
            }
        }
    }

    /// The graded readings follow the activity: 125, 250 and 500 kBq/kg deposit more damage in
    /// turn, and the antigen load and danger signals follow it (the atom `TAT ≥ 1` that read every
    /// activity alike until the thirteenth session failed this test).
    @Test("antigen load and DAMPs grow with TAT activity", arguments: ClaimSemantics.graded)
    func radiationConsequencesFollowTheActivity(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let runs = try [0.2, 0.4, 0.8].map { try m.run(["TAT": $0]) }
        for id in ["DNA_DAMAGE", "NEOANTIGENS", "DAMPS"] {
            for k in 1..<runs.count {
                #expect(delta(id, runs[k - 1], runs[k]) > ClaimModel.tolerance, "\(id) between activity steps \(k - 1) and \(k): \(delta(id, runs[k - 1], runs[k]))")
            }
        }
    }

    /// Every claim reads the graded model at step 200 as its steady state. Under both graded
    /// semantics of the bar the untreated model, each therapy alone at full dose and each
    /// background with and without anti-PD-1 have settled by then: no node moves by more than
    /// 1e-4 over the last 20 steps. (Under the `hillcube` stress logic the untreated model
    /// oscillates instead, which is why that reading is not the bar; seeds/README.md.) Not
    /// `settlingTime(of:)`: that asks for 1e-6 of the steady level, which these runs reach at
    /// steps 214–216, after the step the claims read.
    @Test("the graded claims read steady states", arguments: ClaimSemantics.graded)
    func claimsReadSteadyStates(_ semantics: ClaimSemantics) throws {
        let m = try #require(Self.models[semantics])
        let therapies = m.graph.nodes.filter { $0.kind == .therapy }.map(\.id)
        var arms: [(label: String, therapies: [String: Double], background: String?)] = [("untreated", [:], nil)]
        arms += therapies.map { ($0, [$0: 1], nil) }
        for background in m.graph.backgrounds.map(\.name) {
            arms += [(background, [:], background), ("\(background) + ANTI_PD1", ["ANTI_PD1": 1], background)]
        }
        #expect(therapies.count >= 10 && arms.count > therapies.count + 5, "\(arms.count) arms")
        for arm in arms {
            let run = try m.run(arm.therapies, background: arm.background)
            for node in m.graph.nodes {
                let series = run.series(node.id)
                guard series.count > 20 else { Issue.record("\(arm.label): \(series.count) steps"); continue }
                let drift = abs(series[series.count - 1] - series[series.count - 21])
                #expect(drift <= 1e-4, "\(arm.label): \(node.id) still moves by \(drift) over the last 20 steps")
            }
        }
    }
}
