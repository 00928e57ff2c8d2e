import ImmunoGraph
import ImmunoSim

/// The claims of `seeds/claims.md` that a mechanism model can test, as checks on `builtin:tme`.
/// Claims the model does not reproduce are listed in `seeds/README.md` with the reason.
enum ClaimCatalog {
    static let all: [Claim] = checkpoints + radiation + interleukin12 + interleukin21 + [baseline]

    /// The graded semantics only: claims the Boolean reading (stochastic) does not reproduce,
    /// each with its reason in `seeds/README.md`.
    static let graded = Set(ClaimSemantics.graded)

    /// The claims `ClaimTests` also runs under the stochastic semantics (the flagship and a
    /// handful of key claims; every claim runs under it in `ClaimRobustnessTests`).
    static let stochasticKeys: [Claim] = {
        let keys: Set<String> = ["C047", "C049", "C081", "C093"]
        return all.filter { keys.contains($0.id) }
    }()

    // MARK: Seed 003 — checkpoints and adaptive resistance

    static let checkpoints: [Claim] = [
        Claim(id: "C047", expectation: "anti-PD-1 raises TIM-3 after T-cell activation") { m in
            let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
            var c = ClaimCheck()
            c.up("T_CELL_ACTIVATION", b, t)
            c.up("TIM3", b, t)
            c.after("TIM3", "T_CELL_ACTIVATION", b, t)
            return c
        },
        Claim(id: "C048", expectation: "anti-PD-1 + anti-TIM-3 beats anti-PD-1") { m in
            let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "ANTI_TIM3": 1])
            var c = ClaimCheck()
            c.less("burden with anti-TIM-3 added", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"], margin: ClaimModel.tolerance)
            return c
        },
        Claim(id: "C049", expectation: "anti-PD-1 raises PD-L1 after IFN-γ") { m in
            let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
            var c = ClaimCheck()
            c.up("PDL1", b, t)
            c.after("PDL1", "IFNG", b, t)
            return c
        },
        Claim(id: "C052", expectation: "adding anti-PD-L1 to anti-PD-1 removes the PD-L1/CD80 arm", semantics: graded) { m in
            let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "ANTI_PDL1": 1])
            var c = ClaimCheck()
            // The PD-L1 -> CD80 signal into T cells restrains effector numbers (PDL1 -| CD8_T), so
            // the arm shows in CD8 T cells; activation itself does not rise (seeds/README.md).
            c.up("CD8_T", a, b)
            c.up("CD80", a, b)
            c.less("burden with anti-PD-L1 added", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            return c
        },
        Claim(id: "C081", expectation: "anti-PD-1 raises IFN-γ and CTL killing, lowers the burden") { m in
            let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
            var c = ClaimCheck()
            c.up("IFNG", b, t)
            c.up("CTL_CYTOTOXICITY", b, t)
            c.down("TUMOR_BURDEN", b, t)
            return c
        },
        Claim(id: "C082", expectation: "anti-CTLA-4 frees CD80, CD86 and CD28") { m in
            let b = try m.run(), t = try m.run(["ANTI_CTLA4": 1])
            var c = ClaimCheck()
            for id in ["CD80", "CD86", "CD28"] { c.up(id, b, t) }
            return c
        },
        Claim(id: "C083", expectation: "anti-PD-L1 raises T-cell activation and free CD80", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["ANTI_PDL1": 1])
            var c = ClaimCheck()
            c.up("T_CELL_ACTIVATION", b, t)
            c.up("CD80", b, t)
            return c
        },
        Claim(id: "C043", expectation: "anti-PD-1 works better in inflamed than in cold tumours; CD8 T cells up") { m in
            let ib = try m.run(background: "INFLAMED_TUMOR"), it = try m.run(["ANTI_PD1": 1], background: "INFLAMED_TUMOR")
            let cb = try m.run(background: "COLD_TUMOR"), ct = try m.run(["ANTI_PD1": 1], background: "COLD_TUMOR")
            var c = ClaimCheck()
            c.less("cold benefit < inflamed benefit", -delta("TUMOR_BURDEN", cb, ct), -delta("TUMOR_BURDEN", ib, it))
            let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
            c.up("CD8_T", wb, wt)
            return c
        },
        // C043 read for its mechanism (003 §2.4 para 3): intratumoural CD8+PD-1+ cells proliferate
        // on pembrolizumab, and pretreatment CD8 infiltration is the prerequisite of a response —
        // so the CD8 rise is expected where CD8 T cells pre-exist (inflamed), and less of it in a
        // cold tumour. (Until the sixth session this check asked for a rise in the cold tumour
        // too, which the paper does not state; seeds/README.md, "C043b".)
        Claim(id: "C043b", expectation: "anti-PD-1 expands CD8 T cells where they pre-exist: more in inflamed than in cold tumours") { m in
            let ib = try m.run(background: "INFLAMED_TUMOR"), it = try m.run(["ANTI_PD1": 1], background: "INFLAMED_TUMOR")
            let cb = try m.run(background: "COLD_TUMOR"), ct = try m.run(["ANTI_PD1": 1], background: "COLD_TUMOR")
            var c = ClaimCheck()
            c.up("CD8_T", ib, it)
            c.less("CD8 rise cold < inflamed", delta("CD8_T", cb, ct), delta("CD8_T", ib, it))
            return c
        },
        Claim(id: "C034", expectation: "anti-CTLA-4 alone lowers the burden", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["ANTI_CTLA4": 1])
            var c = ClaimCheck()
            c.down("TUMOR_BURDEN", b, t)
            return c
        },
        Claim(id: "C046", expectation: "anti-PD-1 works better in MMR-deficient tumours", semantics: graded) { m in
            let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
            let db = try m.run(background: "MMR_DEFICIENT"), dt = try m.run(["ANTI_PD1": 1], background: "MMR_DEFICIENT")
            var c = ClaimCheck()
            c.less("WT benefit < MMR-deficient benefit", -delta("TUMOR_BURDEN", wb, wt), -delta("TUMOR_BURDEN", db, dt))
            return c
        },
        Claim(id: "C050", expectation: "B2M loss weakens anti-PD-1") { m in
            let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
            let bb = try m.run(background: "B2M_LOSS"), bt = try m.run(["ANTI_PD1": 1], background: "B2M_LOSS")
            var c = ClaimCheck()
            c.less("benefit with B2M loss < WT benefit", -delta("TUMOR_BURDEN", bb, bt), -delta("TUMOR_BURDEN", wb, wt))
            return c
        },
        Claim(id: "C089", expectation: "MMR-deficient tumours carry more neoantigens, presentation and CD8 T cells", semantics: graded) { m in
            let w = try m.run(), d = try m.run(background: "MMR_DEFICIENT")
            var c = ClaimCheck()
            c.up("NEOANTIGENS", w, d)
            c.up("ANTIGEN_PRESENTATION", w, d)
            c.less("CD8 T cells WT < MMR-deficient", w["CD8_T"], d["CD8_T"])
            return c
        },
        Claim(id: "C092", expectation: "anti-PD-1 lowers exhaustion") { m in
            let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
            var c = ClaimCheck()
            c.down("T_CELL_EXHAUSTION", b, t)
            return c
        },
        Claim(id: "C093", expectation: "the PD-L1 rise under anti-PD-1 needs IFN-γ") { m in
            let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1], holds: ["IFNG": 0])
            var c = ClaimCheck()
            c.less("PD-L1 without IFN-γ", b["PDL1"], a["PDL1"], margin: ClaimModel.tolerance)
            return c
        },
        Claim(id: "C094", expectation: "compensatory TIM-3 needs CD8 T cells") { m in
            let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
            let db = try m.run(background: "CD8_DEPLETED"), dt = try m.run(["ANTI_PD1": 1], background: "CD8_DEPLETED")
            var c = ClaimCheck()
            c.less("TIM-3 rise without CD8 < WT", delta("TIM3", db, dt), delta("TIM3", wb, wt))
            c.unchanged("TIM3", db, dt)
            return c
        },
    ]

    // MARK: Seed 000 — targeted alpha therapy and radiation

    static let radiation: [Claim] = [
        Claim(id: "C002-C005", expectation: "TAT matures DCs, raises cGAS, DAMPs and IFNAR1", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["TAT": 1])
            var c = ClaimCheck()
            for id in ["DC", "CGAS", "DAMPS", "IFNAR1"] { c.up(id, b, t) }
            return c
        },
        Claim(id: "C013", expectation: "TAT sends cDC1 from the tumour to the draining lymph node", semantics: [.multilinear, .hill2]) { m in
            let b = try m.run(), t = try m.run(["TAT": 0.4])
            var c = ClaimCheck()
            c.down("CDC1", b, t)
            c.up("CDC1_LN", b, t)
            return c
        },
        Claim(id: "C006", expectation: "TAT raises PD-L1", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["TAT": 1])
            var c = ClaimCheck()
            c.up("PDL1", b, t)
            return c
        },
        Claim(id: "C007", expectation: "TAT lowers tumour burden, more at higher activity", semantics: graded) { m in
            let b = try m.run()
            let burden = try [0.2, 0.4, 0.8].map { try m.run(["TAT": $0])["TUMOR_BURDEN"] }
            var c = ClaimCheck()
            c.less("125 kBq/kg lowers the burden", burden[0], b["TUMOR_BURDEN"], margin: ClaimModel.tolerance)
            c.less("500 < 250 kBq/kg", burden[2], burden[1])
            c.less("250 < 125 kBq/kg", burden[1], burden[0])
            return c
        },
        Claim(id: "C008", expectation: "without lymphocytes TAT slows tumours only at 500 kBq/kg") { m in
            let b = try m.run(background: "RAG2_IL2RG_KO")
            let arms = try [0.2, 0.4, 0.8].map { try m.run(["TAT": $0], background: "RAG2_IL2RG_KO") }
            var c = ClaimCheck()
            c.unchanged("TUMOR_BURDEN", b, arms[0])
            c.unchanged("TUMOR_BURDEN", b, arms[1])
            c.down("TUMOR_BURDEN", b, arms[2])
            return c
        },
        Claim(id: "C009", expectation: "CD8 depletion lowers TAT's benefit", semantics: graded) { m in
            let wb = try m.run(), wt = try m.run(["TAT": 0.4])
            let db = try m.run(background: "CD8_DEPLETED"), dt = try m.run(["TAT": 0.4], background: "CD8_DEPLETED")
            var c = ClaimCheck()
            c.down("TUMOR_BURDEN", wb, wt)
            c.less("benefit without CD8 < WT", -delta("TUMOR_BURDEN", db, dt), -delta("TUMOR_BURDEN", wb, wt))
            return c
        },
        Claim(id: "C010", expectation: "anti-PD-L1 helps TAT more when started together than later (step 40)", semantics: graded) { m in
            let a = try m.run(["TAT": 0.4], steps: 40)
            let b = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], steps: 40)
            let late = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], starts: ["ANTI_PDL1": 15], steps: 40)
            var c = ClaimCheck()
            c.less("together < TAT alone", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            c.less("together < later", b["TUMOR_BURDEN"], late["TUMOR_BURDEN"])
            return c
        },
        Claim(id: "C011-C012", expectation: "TAT raises DNA damage and CD8 T cells", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["TAT": 0.4])
            var c = ClaimCheck()
            c.up("DNA_DAMAGE", b, t)
            c.up("CD8_T", b, t)
            return c
        },
        Claim(id: "C016", expectation: "type I IFN is lower at 12 Gy than at 8 Gy per fraction") { m in
            let low = try m.run(["EBRT": 0.4]), high = try m.run(["EBRT": 0.6])
            var c = ClaimCheck()
            c.less("12 Gy < 8 Gy", high["TYPE_I_IFN"], low["TYPE_I_IFN"])
            return c
        },
        Claim(id: "C017", expectation: "TREX1 is higher at 12 Gy than at 8 Gy per fraction") { m in
            let b = try m.run(), high = try m.run(["EBRT": 0.6]), low = try m.run(["EBRT": 0.4])
            var c = ClaimCheck()
            c.up("TREX1", b, high)
            c.less("8 Gy < 12 Gy", low["TREX1"], high["TREX1"])
            return c
        },
        Claim(id: "C018", expectation: "TAT induces TREX1 at the in vitro exposure, not at 250 kBq/kg") { m in
            let b = try m.run(), high = try m.run(["TAT": 1]), low = try m.run(["TAT": 0.4])
            var c = ClaimCheck()
            c.up("TREX1", b, high)
            c.unchanged("TREX1", b, low)
            c.less("250 kBq/kg < in vitro", low["TREX1"], high["TREX1"])
            return c
        },
        Claim(id: "C020", expectation: "TAT makes a cold tumour respond to anti-PD-L1") { m in
            let a = try m.run(["ANTI_PDL1": 1], background: "COLD_TUMOR")
            let b = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], background: "COLD_TUMOR")
            var c = ClaimCheck()
            c.less("TAT + anti-PD-L1 < anti-PD-L1", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            return c
        },
        Claim(id: "C088", expectation: "type I IFN rises with dose per fraction, then falls; highest below 11 Gy") { m in
            let doses = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1]
            let ifn = try doses.map { try m.run(["EBRT": $0])["TYPE_I_IFN"] }
            let peak = ifn.indices.max { ifn[$0] < ifn[$1] } ?? 0
            var c = ClaimCheck()
            c.require("peak at \(doses[peak] * 20) Gy, inside (0, 11) Gy", doses[peak] > 0 && doses[peak] < 0.55)
            c.less("20 Gy below the peak", ifn.last ?? 1, ifn[peak], margin: ClaimModel.tolerance)
            return c
        },
        Claim(id: "C090", expectation: "EBRT raises immunogenic death, DAMPs and memory") { m in
            let b = try m.run(), t = try m.run(["EBRT": 0.4])
            var c = ClaimCheck()
            for id in ["ICD", "DAMPS", "IMMUNE_MEMORY"] { c.up(id, b, t) }
            return c
        },
    ]

    // MARK: Seed 001 — IL-12

    static let interleukin12: [Claim] = [
        Claim(id: "C021", expectation: "IL-12 with doxorubicin raises CD8 T cells and NKG2D", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["IL12_THERAPY": 1, "DOXORUBICIN": 1])
            var c = ClaimCheck()
            c.up("CD8_T", b, t)
            c.up("NKG2D", b, t)
            return c
        },
        Claim(id: "C022", expectation: "IL-12 and doxorubicin raise infiltration of transferred T cells", semantics: graded) { m in
            let a = try m.run(["ADOPTIVE_T": 1]), b = try m.run(["ADOPTIVE_T": 1, "IL12_THERAPY": 1, "DOXORUBICIN": 1])
            var c = ClaimCheck()
            c.less("infiltration ACT < ACT + IL-12 + doxorubicin", a["T_CELL_INFILTRATION"], b["T_CELL_INFILTRATION"])
            return c
        },
        Claim(id: "C023-C024", expectation: "doxorubicin lowers Tregs and MDSCs") { m in
            let b = try m.run(), t = try m.run(["DOXORUBICIN": 1])
            var c = ClaimCheck()
            c.down("TREG", b, t)
            c.down("MDSC", b, t)
            return c
        },
        Claim(id: "C025", expectation: "IL-12 is toxic at full exposure through circulating IFN-γ, not at low dose") { m in
            let b = try m.run(), low = try m.run(["IL12_THERAPY": 0.3]), high = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            // Circulating IFN-γ (IFNG_BLOOD) crosses the toxicity threshold only at full exposure
            // (S001-18). As for C078, the paper gives a narrow window, not a dose: the nominal
            // model puts the low dose below it; jittered variants keep the ordering.
            c.up("IFNG_BLOOD", b, high)
            c.up("SYSTEMIC_TOXICITY", b, high)
            c.less("toxicity at low dose < at full exposure", low["SYSTEMIC_TOXICITY"], high["SYSTEMIC_TOXICITY"], margin: ClaimModel.tolerance)
            c.unchanged("SYSTEMIC_TOXICITY", b, low, nominalOnly: true)
            return c
        },
        Claim(id: "C029", expectation: "IL-12 with transferred T cells lowers the burden but is toxic") { m in
            // Proxy (seeds/claims.md): IL-12 given alongside the transferred cells at full exposure;
            // the leaky expression of the engineered cells is not modelled.
            let b = try m.run(), t = try m.run(["ADOPTIVE_T": 1, "IL12_THERAPY": 1])
            var c = ClaimCheck()
            c.down("TUMOR_BURDEN", b, t)
            c.up("SYSTEMIC_TOXICITY", b, t)
            return c
        },
        Claim(id: "C026-C027", expectation: "IL-12 raises PD-L1 and IDO1 after IFN-γ") { m in
            let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            for id in ["PDL1", "IDO1"] {
                c.up(id, b, t)
                c.after(id, "IFNG", b, t)
            }
            return c
        },
        Claim(id: "C028", expectation: "IL-12 with PD-1 or PD-L1 blockade beats either alone", semantics: graded) { m in
            let il12 = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            for blocker in ["ANTI_PD1", "ANTI_PDL1"] {
                let block = try m.run([blocker: 1]), both = try m.run(["IL12_THERAPY": 1, blocker: 1])
                c.less("IL-12 + \(blocker) < IL-12", both["TUMOR_BURDEN"], il12["TUMOR_BURDEN"])
                c.less("IL-12 + \(blocker) < \(blocker)", both["TUMOR_BURDEN"], block["TUMOR_BURDEN"])
            }
            return c
        },
        Claim(id: "C030-C031", expectation: "IL-12 raises IFN-γ, MHC-I and the CXCR3 chemokines") { m in
            let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            for id in ["IFNG", "MHC_I", "CXCL9", "CXCL10", "CXCL11"] { c.up(id, b, t) }
            return c
        },
        Claim(id: "C032", expectation: "IL-12 repolarises macrophages: M1 up, M2 down") { m in
            let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            c.up("M1_MACROPHAGE", b, t)
            c.down("M2_MACROPHAGE", b, t)
            return c
        },
        Claim(id: "C084", expectation: "IL-12 raises STAT4 and Th1 cells", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
            var c = ClaimCheck()
            c.up("STAT4", b, t)
            c.up("TH1", b, t)
            return c
        },
        Claim(id: "C091", expectation: "IL-12 and doxorubicin improve adoptive T cells") { m in
            let a = try m.run(["ADOPTIVE_T": 1]), b = try m.run(["ADOPTIVE_T": 1, "IL12_THERAPY": 1, "DOXORUBICIN": 1])
            var c = ClaimCheck()
            c.less("ACT + IL-12 + doxorubicin < ACT", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            return c
        },
    ]

    // MARK: Seed 002 — IL-21

    static let interleukin21: [Claim] = [
        Claim(id: "C053", expectation: "IL-21 supports NK cells better with IL-15; NK killing up either way") { m in
            let b = try m.run()
            let without = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 0])
            let with = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 1])
            var c = ClaimCheck()
            c.less("NK without IL-15 < with IL-15", without["NK"], with["NK"], margin: ClaimModel.tolerance)
            c.up("NK_CYTOTOXICITY", b, without)
            c.up("NK_CYTOTOXICITY", b, with)
            return c
        },
        Claim(id: "C055", expectation: "IL-21 NK apoptosis follows NK activation", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            c.up("NK_APOPTOSIS", b, t)
            c.up("NK_CYTOTOXICITY", b, t)
            c.after("NK_APOPTOSIS", "NK_CYTOTOXICITY", b, t)
            return c
        },
        Claim(id: "C057", expectation: "IL-21 raises IFN-γ") { m in
            let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            c.up("IFNG", b, t)
            return c
        },
        Claim(id: "C060", expectation: "IL-21 works without CD8 T cells through NK killing") { m in
            let b = try m.run(background: "CD8_DEPLETED"), t = try m.run(["IL21_THERAPY": 1], background: "CD8_DEPLETED")
            var c = ClaimCheck()
            c.down("TUMOR_BURDEN", b, t)
            c.up("NK_CYTOTOXICITY", b, t)
            return c
        },
        // C058 read for the part the model can say (002 §2 para 2; S002-05: CD8 T cells primed
        // with IL-21 outperform those primed with IL-2 or IL-15): IL-21 controls the tumour better
        // than IL-2 or IL-15, each given as the cytokine held at its maximum. Its second part, the
        // benefit lost without CD8 T cells, is not reproduced: the model follows C060 (IL-21 also
        // acts through NK killing) and keeps most of it (seeds/README.md).
        Claim(id: "C058", expectation: "IL-21 lowers the burden more than IL-2 or IL-15") { m in
            let il21 = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            for cytokine in ["IL2", "IL15"] {
                let other = try m.run(holds: [cytokine: 1])
                c.less("IL-21 < \(cytokine)", il21["TUMOR_BURDEN"], other["TUMOR_BURDEN"])
            }
            return c
        },
        Claim(id: "C064", expectation: "IL-21 with anti-CTLA-4 or anti-PD-1 beats IL-21 alone", semantics: graded) { m in
            let a = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            for blocker in ["ANTI_CTLA4", "ANTI_PD1"] {
                let b = try m.run(["IL21_THERAPY": 1, blocker: 1])
                c.less("IL-21 + \(blocker) < IL-21", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            }
            return c
        },
        Claim(id: "C066", expectation: "IL-21 with anti-CTLA-4 or anti-PD-1 raises effector memory T cells") { m in
            let b = try m.run()
            var c = ClaimCheck()
            // The effector-memory half of C066; central memory falling is not reproduced (IL-21
            // raises TCM, S002-04; seeds/README.md).
            for blocker in ["ANTI_CTLA4", "ANTI_PD1"] { c.up("TEM", b, try m.run(["IL21_THERAPY": 1, blocker: 1])) }
            return c
        },
        Claim(id: "C067", expectation: "IL-21 adds to anti-PD-1 and raises memory stem cells") { m in
            let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "IL21_THERAPY": 1])
            var c = ClaimCheck()
            c.less("anti-PD-1 + IL-21 < anti-PD-1", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"], margin: ClaimModel.tolerance)
            c.up("TSCM", a, b)
            return c
        },
        Claim(id: "C068", expectation: "adding anti-TIM-3 or anti-LAG-3 to IL-21 + anti-PD-1 helps", semantics: graded) { m in
            let a = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1])
            var c = ClaimCheck()
            for blocker in ["ANTI_TIM3", "ANTI_LAG3"] {
                let b = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1, blocker: 1])
                c.less("+ \(blocker)", b["TUMOR_BURDEN"], a["TUMOR_BURDEN"])
            }
            return c
        },
        Claim(id: "C069-C070", expectation: "IL-21 + anti-PD-1 raises TIM-3, LAG-3, M1 macrophages, PD-L1 and TSCM") { m in
            let b = try m.run(), t = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1])
            var c = ClaimCheck()
            for id in ["TIM3", "LAG3", "M1_MACROPHAGE", "PDL1", "TSCM"] { c.up(id, b, t) }
            return c
        },
        // C077 read for what 002 §4 reports: soluble CD25 (not a node) rose with the dose,
        // and the higher doses induced IFN-γ and perforin mRNA. So IFN-γ and perforin must be
        // higher at the high dose than at the low one (sized), and must not fall as the dose
        // rises (unsized); until the seventh session each dose step had to be a sized rise,
        // a monotone series the paper states for soluble CD25 only (seeds/README.md, "C077").
        Claim(id: "C077", expectation: "higher IL-21 doses raise perforin and IFN-γ") { m in
            let runs = try [0.3, 0.6, 1].map { try m.run(["IL21_THERAPY": $0]) }
            var c = ClaimCheck()
            for id in ["PERFORIN", "IFNG"] {
                c.less("\(id) at 0.3 < 1", runs[0][id], runs[2][id], margin: ClaimModel.tolerance)
                c.require("\(id) does not fall from 0.3 to 0.6 to 1",
                          runs[1][id] >= runs[0][id] - ClaimModel.tolerance && runs[2][id] >= runs[1][id] - ClaimModel.tolerance)
            }
            return c
        },
        Claim(id: "C078", expectation: "IL-21 is toxic at 10 µg/kg, not at 3 µg/kg") { m in
            let b = try m.run(), low = try m.run(["IL21_THERAPY": 0.3]), high = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            // Circulating IL-21 (IL21_BLOOD) crosses the dose-limiting threshold only at the high
            // dose. The paper tested two doses, so it pins the threshold only between them: the
            // nominal model must put it there ("3 µg/kg unchanged"), jittered variants must keep
            // the ordering the two doses establish (toxic at 10 µg/kg, less toxic at 3 µg/kg) —
            // jittering the unidentified threshold across 3 µg/kg is not a test of the claim.
            c.up("SYSTEMIC_TOXICITY", b, high)
            c.less("toxicity at 3 µg/kg < at 10 µg/kg", low["SYSTEMIC_TOXICITY"], high["SYSTEMIC_TOXICITY"], margin: ClaimModel.tolerance)
            c.unchanged("SYSTEMIC_TOXICITY", b, low, nominalOnly: true)
            return c
        },
        Claim(id: "C085-C087", expectation: "IL-21 lowers Tregs and angiogenesis, raises TSCM and CD8 T cells", semantics: graded) { m in
            let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
            var c = ClaimCheck()
            c.down("TREG", b, t)
            c.down("ANGIOGENESIS", b, t)
            c.up("TSCM", b, t)
            c.up("CD8_T", b, t)
            return c
        },
    ]

    // MARK: The calibrated baseline leaves room both ways

    static let baseline = Claim(id: "baseline", expectation: "untreated WT is intermediate", semantics: graded) { m in
        let b = try m.run()
        var c = ClaimCheck()
        c.require("burden \(b["TUMOR_BURDEN"]) in 0.3...0.8", (0.3...0.8).contains(b["TUMOR_BURDEN"]))
        for id in ["CD8_T", "IFNG", "PDL1", "TIM3", "T_CELL_EXHAUSTION"] {
            c.require("\(id) = \(b[id]) in 0.1...0.9", (0.1...0.9).contains(b[id]))
        }
        return c
    }
}
