import ImmunoGraph
import ImmunoSim
import Testing

/// The claims of `seeds/claims.md` that a mechanism model can test, run on `builtin:tme` with the
/// graded engine. Each test names its claim id; claims the model does not reproduce are listed in
/// `seeds/README.md` ("Claims the model does not reproduce") with the reason.
@Suite("Claims of the seed papers on builtin:tme")
struct ClaimTests {
    let m: ClaimModel
    init() throws { m = try ClaimModel() }

    // MARK: Seed 003 — checkpoints and adaptive resistance

    @Test("C047 anti-PD-1 raises TIM-3 after T-cell activation")
    func c047() throws {
        let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
        #expect(isUp("T_CELL_ACTIVATION", b, t))
        #expect(isUp("TIM3", b, t))
        let activation = try #require(ClaimModel.firstChange("T_CELL_ACTIVATION", b, t))
        let tim3 = try #require(ClaimModel.firstChange("TIM3", b, t))
        #expect(tim3 > activation)
    }

    @Test("C048 anti-PD-1 + anti-TIM-3 beats anti-PD-1")
    func c048() throws {
        let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "ANTI_TIM3": 1])
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"] - ClaimModel.tolerance)
    }

    @Test("C049 anti-PD-1 raises PD-L1 after IFN-γ")
    func c049() throws {
        let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
        #expect(isUp("PDL1", b, t))
        let ifng = try #require(ClaimModel.firstChange("IFNG", b, t))
        let pdl1 = try #require(ClaimModel.firstChange("PDL1", b, t))
        #expect(pdl1 > ifng)
    }

    @Test("C052 adding anti-PD-L1 to anti-PD-1 removes the PD-L1/CD80 arm")
    func c052() throws {
        let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "ANTI_PDL1": 1])
        #expect(b["T_CELL_ACTIVATION"] > a["T_CELL_ACTIVATION"] + ClaimModel.tolerance)
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
        #expect(b["CD80"] > a["CD80"] + ClaimModel.tolerance)
    }

    @Test("C081 anti-PD-1 raises IFN-γ and CTL killing")
    func c081() throws {
        let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
        #expect(isUp("IFNG", b, t))
        #expect(isUp("CTL_CYTOTOXICITY", b, t))
        #expect(isDown("TUMOR_BURDEN", b, t))
    }

    @Test("C082 anti-CTLA-4 frees CD80, CD86 and CD28")
    func c082() throws {
        let b = try m.run(), t = try m.run(["ANTI_CTLA4": 1])
        for id in ["CD80", "CD86", "CD28"] { #expect(isUp(id, b, t), "\(id)") }
    }

    @Test("C083 anti-PD-L1 raises T-cell activation and free CD80")
    func c083() throws {
        let b = try m.run(), t = try m.run(["ANTI_PDL1": 1])
        #expect(isUp("T_CELL_ACTIVATION", b, t))
        #expect(isUp("CD80", b, t))
    }

    @Test("C043 anti-PD-1 works better in inflamed than in cold tumours")
    func c043() throws {
        let ib = try m.run(background: "INFLAMED_TUMOR"), it = try m.run(["ANTI_PD1": 1], background: "INFLAMED_TUMOR")
        let cb = try m.run(background: "COLD_TUMOR"), ct = try m.run(["ANTI_PD1": 1], background: "COLD_TUMOR")
        #expect(-delta("TUMOR_BURDEN", ib, it) > -delta("TUMOR_BURDEN", cb, ct))
        // "CD8_T up" names no background: checked in WT. In the clamped backgrounds the CD8 rise
        // stays within the tolerance (about +0.02 cold, +0.01 inflamed; seeds/README.md).
        let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
        #expect(isUp("CD8_T", wb, wt))
    }

    @Test("C050 B2M loss weakens anti-PD-1")
    func c050() throws {
        let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
        let bb = try m.run(background: "B2M_LOSS"), bt = try m.run(["ANTI_PD1": 1], background: "B2M_LOSS")
        #expect(-delta("TUMOR_BURDEN", bb, bt) < -delta("TUMOR_BURDEN", wb, wt))
    }

    @Test("C089 MMR-deficient tumours carry more neoantigens and CD8 T cells")
    func c089() throws {
        let w = try m.run(), d = try m.run(background: "MMR_DEFICIENT")
        #expect(d["NEOANTIGENS"] > w["NEOANTIGENS"] + ClaimModel.tolerance)
        #expect(d["CD8_T"] > w["CD8_T"])
        #expect(d["ANTIGEN_PRESENTATION"] > w["ANTIGEN_PRESENTATION"] + ClaimModel.tolerance)
    }

    @Test("C092 anti-PD-1 lowers exhaustion")
    func c092() throws {
        let b = try m.run(), t = try m.run(["ANTI_PD1": 1])
        #expect(isDown("T_CELL_EXHAUSTION", b, t))
    }

    @Test("C093 the PD-L1 rise under anti-PD-1 needs IFN-γ")
    func c093() throws {
        let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1], holds: ["IFNG": 0])
        #expect(b["PDL1"] < a["PDL1"] - ClaimModel.tolerance)
    }

    @Test("C094 compensatory TIM-3 needs CD8 T cells")
    func c094() throws {
        let wb = try m.run(), wt = try m.run(["ANTI_PD1": 1])
        let db = try m.run(background: "CD8_DEPLETED"), dt = try m.run(["ANTI_PD1": 1], background: "CD8_DEPLETED")
        #expect(delta("TIM3", db, dt) < delta("TIM3", wb, wt))
        #expect(isUnchanged("TIM3", db, dt))
    }

    // MARK: Seed 000 — targeted alpha therapy and radiation

    @Test("C002 C003 C004 C005 TAT matures DCs, raises cGAS, DAMPs and IFNAR1", arguments: ["DC", "CGAS", "DAMPS", "IFNAR1"])
    func c002to005(_ id: String) throws {
        let b = try m.run(), t = try m.run(["TAT": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C006 TAT raises PD-L1 (through IFN-γ and T cells)")
    func c006() throws {
        let b = try m.run(), t = try m.run(["TAT": 1])
        #expect(isUp("PDL1", b, t))
    }

    @Test("C007 TAT lowers tumour burden, more at higher activity")
    func c007() throws {
        let b = try m.run()
        let burden = try [0.2, 0.4, 0.8].map { try m.run(["TAT": $0])["TUMOR_BURDEN"] }
        #expect(burden[0] < b["TUMOR_BURDEN"] - ClaimModel.tolerance)
        #expect(burden[2] < burden[1] && burden[1] < burden[0])
    }

    @Test("C008 without lymphocytes TAT slows tumours only at 500 kBq/kg")
    func c008() throws {
        let b = try m.run(background: "RAG2_IL2RG_KO")
        let arms = try [0.2, 0.4, 0.8].map { try m.run(["TAT": $0], background: "RAG2_IL2RG_KO") }
        #expect(isUnchanged("TUMOR_BURDEN", b, arms[0]))
        #expect(isUnchanged("TUMOR_BURDEN", b, arms[1]))
        #expect(isDown("TUMOR_BURDEN", b, arms[2]))
    }

    @Test("C009 CD8 depletion lowers TAT's benefit")
    func c009() throws {
        let wb = try m.run(), wt = try m.run(["TAT": 0.4])
        let db = try m.run(background: "CD8_DEPLETED"), dt = try m.run(["TAT": 0.4], background: "CD8_DEPLETED")
        #expect(isDown("TUMOR_BURDEN", wb, wt))
        #expect(-delta("TUMOR_BURDEN", db, dt) < -delta("TUMOR_BURDEN", wb, wt))
    }

    @Test("C010 anti-PD-L1 helps TAT more when started together than later")
    func c010() throws {
        // Read at step 40, while the immune wave that TAT starts is building: the schedule effect
        // is transient in the model (see seeds/README.md).
        let a = try m.run(["TAT": 0.4], steps: 40)
        let b = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], steps: 40)
        let c = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], starts: ["ANTI_PDL1": 15], steps: 40)
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
        #expect(b["TUMOR_BURDEN"] < c["TUMOR_BURDEN"])
    }

    @Test("C011 C012 TAT raises DNA damage and CD8 T cells", arguments: ["DNA_DAMAGE", "CD8_T"])
    func c011c012(_ id: String) throws {
        let b = try m.run(), t = try m.run(["TAT": 0.4])
        #expect(isUp(id, b, t))
    }

    @Test("C016 type I IFN is lower at 12 Gy than at 8 Gy per fraction")
    func c016() throws {
        let low = try m.run(["EBRT": 0.4]), high = try m.run(["EBRT": 0.6])
        #expect(low["TYPE_I_IFN"] > high["TYPE_I_IFN"])
    }

    @Test("C017 TREX1 is higher at 12 Gy than at 8 Gy per fraction")
    func c017() throws {
        let b = try m.run()
        let high = try m.run(["EBRT": 0.6])
        #expect(isUp("TREX1", b, high))
        let low = try m.run(["EBRT": 0.4])
        #expect(high["TREX1"] > low["TREX1"])
    }

    @Test("C018 TAT induces TREX1 at the in vitro exposure, not at 250 kBq/kg")
    func c018() throws {
        let b = try m.run(), high = try m.run(["TAT": 1]), low = try m.run(["TAT": 0.4])
        #expect(isUp("TREX1", b, high))
        // The switch (Hill 8 on TAT -> TREX1): the in vivo activity stays below it.
        #expect(abs(delta("TREX1", b, low)) <= 0.02)
        #expect(high["TREX1"] > low["TREX1"])
    }

    @Test("C020 TAT makes a cold tumour respond to anti-PD-L1")
    func c020() throws {
        let a = try m.run(["ANTI_PDL1": 1], background: "COLD_TUMOR")
        let b = try m.run(["TAT": 0.4, "ANTI_PDL1": 1], background: "COLD_TUMOR")
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
    }

    @Test("C088 type I IFN rises with dose per fraction, then falls; highest below 11 Gy")
    func c088() throws {
        let doses = [0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1]
        let ifn = try doses.map { try m.run(["EBRT": $0])["TYPE_I_IFN"] }
        let peak = try #require(ifn.indices.max { ifn[$0] < ifn[$1] })
        #expect(doses[peak] > 0 && doses[peak] < 0.55)
        #expect(ifn.last ?? 1 < ifn[peak] - ClaimModel.tolerance)
    }

    @Test("C090 EBRT raises immunogenic death, DAMPs and memory", arguments: ["ICD", "DAMPS", "IMMUNE_MEMORY"])
    func c090(_ id: String) throws {
        let b = try m.run(), t = try m.run(["EBRT": 0.4])
        #expect(isUp(id, b, t))
    }

    // MARK: Seed 001 — IL-12

    @Test("C021 IL-12 with doxorubicin raises CD8 T cells and NKG2D", arguments: ["CD8_T", "NKG2D"])
    func c021(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 1, "DOXORUBICIN": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C022 IL-12 and doxorubicin raise infiltration of transferred T cells")
    func c022() throws {
        let a = try m.run(["ADOPTIVE_T": 1]), b = try m.run(["ADOPTIVE_T": 1, "IL12_THERAPY": 1, "DOXORUBICIN": 1])
        #expect(b["T_CELL_INFILTRATION"] > a["T_CELL_INFILTRATION"])
    }

    @Test("C023 C024 doxorubicin lowers Tregs and MDSCs", arguments: ["TREG", "MDSC"])
    func c023c024(_ id: String) throws {
        let b = try m.run(), t = try m.run(["DOXORUBICIN": 1])
        #expect(isDown(id, b, t))
    }

    @Test("C025 low-dose IL-12 is not toxic")
    func c025() throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 0.3])
        #expect(isUnchanged("SYSTEMIC_TOXICITY", b, t))
    }

    @Test("C026 C027 IL-12 raises PD-L1 and IDO1 after IFN-γ", arguments: ["PDL1", "IDO1"])
    func c026c027(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
        #expect(isUp(id, b, t))
        let ifng = try #require(ClaimModel.firstChange("IFNG", b, t))
        let late = try #require(ClaimModel.firstChange(id, b, t))
        #expect(late > ifng)
    }

    @Test("C028 IL-12 with PD-1 or PD-L1 blockade beats either alone", arguments: ["ANTI_PD1", "ANTI_PDL1"])
    func c028(_ blocker: String) throws {
        let il12 = try m.run(["IL12_THERAPY": 1]), block = try m.run([blocker: 1])
        let both = try m.run(["IL12_THERAPY": 1, blocker: 1])
        #expect(both["TUMOR_BURDEN"] < il12["TUMOR_BURDEN"])
        #expect(both["TUMOR_BURDEN"] < block["TUMOR_BURDEN"])
    }

    @Test("C030 C031 IL-12 raises IFN-γ, MHC-I and the CXCR3 chemokines",
          arguments: ["IFNG", "MHC_I", "CXCL9", "CXCL10", "CXCL11"])
    func c030c031(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C032 IL-12 repolarises macrophages: M1 up, M2 down")
    func c032() throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
        #expect(isUp("M1_MACROPHAGE", b, t))
        #expect(isDown("M2_MACROPHAGE", b, t))
    }

    @Test("C084 IL-12 raises STAT4 and Th1 cells", arguments: ["STAT4", "TH1"])
    func c084(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL12_THERAPY": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C091 IL-12 and doxorubicin improve adoptive T cells")
    func c091() throws {
        let a = try m.run(["ADOPTIVE_T": 1]), b = try m.run(["ADOPTIVE_T": 1, "IL12_THERAPY": 1, "DOXORUBICIN": 1])
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
    }

    // MARK: Seed 002 — IL-21

    @Test("C053 IL-21 supports NK cells better with IL-15; NK killing up either way")
    func c053() throws {
        let b = try m.run()
        let without = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 0])
        let with = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 1])
        #expect(with["NK"] > without["NK"] + ClaimModel.tolerance)
        #expect(isUp("NK_CYTOTOXICITY", b, without))
        #expect(isUp("NK_CYTOTOXICITY", b, with))
    }

    @Test("C054 on IL-15-supported NK cells IL-21 lowers NK numbers")
    func c054() throws {
        let a = try m.run(holds: ["IL15": 1]), b = try m.run(["IL21_THERAPY": 1], holds: ["IL15": 1])
        #expect(b["NK"] < a["NK"])
    }

    @Test("C055 IL-21 NK apoptosis follows NK activation")
    func c055() throws {
        let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
        #expect(isUp("NK_APOPTOSIS", b, t))
        #expect(isUp("NK_CYTOTOXICITY", b, t))
        let kill = try #require(ClaimModel.firstChange("NK_CYTOTOXICITY", b, t))
        let death = try #require(ClaimModel.firstChange("NK_APOPTOSIS", b, t))
        #expect(death > kill)
    }

    @Test("C057 IL-21 raises IFN-γ")
    func c057() throws {
        let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
        #expect(isUp("IFNG", b, t))
    }

    @Test("C060 IL-21 works without CD8 T cells through NK killing")
    func c060() throws {
        let b = try m.run(background: "CD8_DEPLETED"), t = try m.run(["IL21_THERAPY": 1], background: "CD8_DEPLETED")
        #expect(isDown("TUMOR_BURDEN", b, t))
        #expect(isUp("NK_CYTOTOXICITY", b, t))
    }

    @Test("C064 IL-21 with anti-CTLA-4 or anti-PD-1 beats IL-21 alone", arguments: ["ANTI_CTLA4", "ANTI_PD1"])
    func c064(_ blocker: String) throws {
        let a = try m.run(["IL21_THERAPY": 1]), b = try m.run(["IL21_THERAPY": 1, blocker: 1])
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
    }

    @Test("C067 IL-21 adds to anti-PD-1 and raises memory stem cells")
    func c067() throws {
        let a = try m.run(["ANTI_PD1": 1]), b = try m.run(["ANTI_PD1": 1, "IL21_THERAPY": 1])
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"] - ClaimModel.tolerance)
        #expect(b["TSCM"] > a["TSCM"] + ClaimModel.tolerance)
    }

    @Test("C068 adding anti-TIM-3 or anti-LAG-3 to IL-21 + anti-PD-1 helps", arguments: ["ANTI_TIM3", "ANTI_LAG3"])
    func c068(_ blocker: String) throws {
        let a = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1])
        let b = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1, blocker: 1])
        #expect(b["TUMOR_BURDEN"] < a["TUMOR_BURDEN"])
    }

    @Test("C069 IL-21 + anti-PD-1 raises TIM-3, LAG-3 and M1 macrophages", arguments: ["TIM3", "LAG3", "M1_MACROPHAGE"])
    func c069(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C070 IL-21 + anti-PD-1 raises PD-L1 and memory stem cells", arguments: ["PDL1", "TSCM"])
    func c070(_ id: String) throws {
        let b = try m.run(), t = try m.run(["IL21_THERAPY": 1, "ANTI_PD1": 1])
        #expect(isUp(id, b, t))
    }

    @Test("C077 perforin and IFN-γ rise with the IL-21 dose", arguments: ["PERFORIN", "IFNG"])
    func c077(_ id: String) throws {
        let levels = try [0.3, 0.6, 1].map { try m.run(["IL21_THERAPY": $0])[id] }
        #expect(levels[0] < levels[1] && levels[1] < levels[2])
    }

    @Test("C085 C086 C087 IL-21 lowers Tregs and angiogenesis, raises TSCM and CD8 T cells")
    func c085to087() throws {
        let b = try m.run(), t = try m.run(["IL21_THERAPY": 1])
        #expect(isDown("TREG", b, t))
        #expect(isDown("ANGIOGENESIS", b, t))
        #expect(isUp("TSCM", b, t))
        #expect(isUp("CD8_T", b, t))
    }

    // MARK: The calibrated baseline leaves room both ways

    @Test("untreated WT baseline is intermediate")
    func baseline() throws {
        let b = try m.run()
        #expect((0.4...0.8).contains(b["TUMOR_BURDEN"]))
        for id in ["CD8_T", "IFNG", "PDL1", "TIM3", "T_CELL_EXHAUSTION"] {
            #expect((0.1...0.85).contains(b[id]), "\(id) = \(b[id])")
        }
    }
}
