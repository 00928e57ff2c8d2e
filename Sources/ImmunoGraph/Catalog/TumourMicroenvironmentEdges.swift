extension TumourMicroenvironment {
    /// Delay (steps) of induced expression that the seeds describe as coming "over time" or as
    /// compensatory: IFN-γ → PD-L1/IDO1 (001 para 4) and activation → TIM-3/LAG-3 (003 §2.5).
    /// Three steps let the effector rise show first and the brake follow.
    static let inducedExpressionDelay = 3
    /// CTLA-4 peaks two to three days after activation (003 §2.1): two steps.
    static let ctla4Delay = 2
    /// Weight of the constitutive TIM-3 ligands (see the TIM-3 edges).
    static let ligandWeight = 0.5
    /// Weight of the direct PD-1/TIM-3 brakes on cytokines and killing (see the PD-1 edges).
    static let directBrakeWeight = 0.5
    /// Weight of each of the three CXCR3 chemokines on T-cell recruitment (see the chemokine edges).
    static let chemokineWeight = 0.4

    /// The edges, grouped by axis. Weight 1, delay 0 and no threshold are the defaults; every
    /// other value carries its reason. Evidence comes from `seeds/` through ``Catalog/cite(_:)``.
    static let edges: [Edge] = {
        let cite = Catalog.cite
        return [
            // MARK: Therapies act on their targets
            Edge("ANTI_PD1", .inhibits, "PD1", mechanism: .blocks, evidence: cite("S003-20")),
            Edge("ANTI_PDL1", .inhibits, "PDL1", mechanism: .blocks, evidence: cite("S003-23", "S000-24", "S001-25")),
            Edge("ANTI_CTLA4", .inhibits, "CTLA4", mechanism: .blocks, evidence: cite("S003-07")),
            Edge("ANTI_TIM3", .inhibits, "TIM3", mechanism: .blocks, evidence: cite("S003-37", "S002-24")),
            Edge("ANTI_LAG3", .inhibits, "LAG3", mechanism: .blocks, evidence: cite("S002-24")),
            Edge("ANTI_TIGIT", .inhibits, "TIGIT", mechanism: .blocks, evidence: cite("S002-25")),
            Edge("IL12_THERAPY", .activates, "IL12", mechanism: "supplies", evidence: cite("S001-01")),
            Edge("IL21_THERAPY", .activates, "IL21", mechanism: "supplies", evidence: cite("S002-02")),
            Edge("ADOPTIVE_T", .activates, "CD8_T", mechanism: "supplies", evidence: cite("S001-24")),
            Edge("DOXORUBICIN", .activates, "ICD", mechanism: "induces", evidence: cite("S001-20")),
            Edge("DOXORUBICIN", .inhibits, "TREG", mechanism: .depletes, evidence: cite("S001-21")),
            Edge("DOXORUBICIN", .inhibits, "MDSC", mechanism: .depletes, evidence: cite("S001-21")),

            // MARK: Radiation: DNA damage, cytosolic DNA, cGAS, type I IFN and the TREX1 brake
            Edge("TAT", .activates, "DNA_DAMAGE", mechanism: .damages, evidence: cite("S000-07", "S000-08")),
            Edge("EBRT", .activates, "DNA_DAMAGE", mechanism: .damages, evidence: cite("S000-31")),
            Edge("EBRT", .activates, "MTDNA", mechanism: "releases", weight: 0.3, threshold: 0.99, evidence: cite("S000-15")),
            Edge("DNA_DAMAGE", .activates, "MTDNA", mechanism: "releases", weight: 0.5, threshold: 0.99, evidence: cite("S000-14")),
            Edge("MTDNA", .activates, "CGAS", mechanism: .activates, threshold: 0.99, evidence: cite("S000-16")),
            Edge("CGAS", .activates, "TYPE_I_IFN", mechanism: "induces", threshold: 0.99, evidence: cite("S000-17")),
            Edge("TYPE_I_IFN", .activates, "IFNAR1", mechanism: .binds, evidence: cite("S000-12")),
            Edge("IFNAR1", .activates, "ICD", mechanism: "requiredFor", evidence: cite("S000-13")),
            // Incoherent feed-forward: radiation raises cytosolic DNA, and above a dose per fraction
            // also TREX1, which clears that DNA. EBRT level = Gy per fraction / 20, so 0.55 = 11 Gy,
            // inside the 10-12 Gy threshold (S000-18); fractions under 8-10 Gy (0.4-0.5) stay below.
            // Hill 8 makes the threshold a switch (a half-saturation constant alone lets every dose
            // induce some TREX1, and type I IFN would peak at the lowest dose).
            Edge("EBRT", .activates, "TREX1", mechanism: .upregulates, weight: 0.6, threshold: 0.55, hill: 8, evidence: cite("S000-18")),
            // TAT level 1 = the 50 kBq/mL in vitro exposure that induced TREX1; 250 kBq/kg in vivo
            // (0.4) did not (S000-21), so the threshold sits just under the in vitro exposure.
            Edge("TAT", .activates, "TREX1", mechanism: .upregulates, weight: 0.1, threshold: 0.9, hill: 8, evidence: cite("S000-21")),
            Edge("TREX1", .inhibits, "MTDNA", mechanism: .degrades, evidence: cite("S000-20")),
            Edge("TREX1", .inhibits, "TYPE_I_IFN", mechanism: .inhibits, evidence: cite("S000-19")),
            Edge("TAT", .activates, "DAMPS", mechanism: "induces", evidence: cite("S000-10")),
            Edge("EBRT", .activates, "DAMPS", mechanism: "induces", evidence: cite("S000-03")),
            Edge("TAT", .activates, "ICD", mechanism: "induces", evidence: cite("S000-09")),
            Edge("EBRT", .activates, "ICD", mechanism: "induces", evidence: cite("S000-01")),
            Edge("EBRT", .activates, "NEOANTIGENS", mechanism: "unmasks", evidence: cite("S000-02")),
            Edge("DAMPS", .activates, "DC", mechanism: "matures", evidence: cite("S000-06", "S000-11")),
            Edge("ICD", .activates, "ANTIGEN_PRESENTATION", mechanism: "primes", evidence: cite("S000-04")),
            Edge("ICD", .activates, "IMMUNE_MEMORY", mechanism: "induces", evidence: cite("S000-05")),
            // Direct, immune-independent killing needs a high activity: in lymphocyte-deficient
            // mice only 500 kBq/kg (level 0.8) worked (S000-22). Weight 0.08 with a near-linear
            // transfer (threshold 0.99) puts 125/250 kBq/kg under the 0.02 tolerance and 500 above.
            Edge("TAT", .inhibits, "TUMOR_CELL", mechanism: .kills, weight: 0.08, threshold: 0.99, evidence: cite("S000-22")),

            // MARK: Priming and antigen presentation
            Edge("CDC1", .activates, "ANTIGEN_PRESENTATION", mechanism: "crossPresents", weight: 0.1, evidence: cite("S000-28")),
            Edge("DC", .activates, "ANTIGEN_PRESENTATION", mechanism: "primes", weight: 0.1, evidence: cite("S000-30")),
            Edge("MHC_I", .activates, "ANTIGEN_PRESENTATION", mechanism: "presents", weight: 0.3, evidence: cite("S001-09", "S003-38")),
            Edge("NEOANTIGENS", .activates, "ANTIGEN_PRESENTATION", mechanism: "presents", weight: 0.3, evidence: cite("S003-28")),
            Edge("MMR_DEFICIENCY", .activates, "NEOANTIGENS", mechanism: "increases", evidence: cite("S003-27")),
            Edge("ANTIGEN_PRESENTATION", .activates, "TCR", mechanism: .signals, threshold: 0.99, evidence: cite("S003-48")),
            Edge("ANTIGEN_PRESENTATION", .activates, "CTL_CYTOTOXICITY", mechanism: "enables", weight: 0.1, evidence: cite("S001-09")),

            // MARK: Signal 1, signal 2 and CTLA-4
            Edge("TCR", .activates, "T_CELL_ACTIVATION", mechanism: .activates, weight: 0.4, threshold: 0.99, evidence: cite("S003-42")),
            Edge("TCR", .activates, "PI3K_AKT", mechanism: .activates, threshold: 0.99, evidence: cite("S003-15")),
            Edge("PI3K_AKT", .activates, "T_CELL_ACTIVATION", mechanism: .activates, threshold: 0.99, evidence: cite("S003-15")),
            Edge("DC", .activates, "CD80", mechanism: "expresses", evidence: cite("S003-08")),
            Edge("DC", .activates, "CD86", mechanism: "expresses", evidence: cite("S003-08")),
            Edge("CD80", .activates, "CD28", mechanism: .binds, weight: 0.6, evidence: cite("S003-03")),
            Edge("CD86", .activates, "CD28", mechanism: .binds, weight: 0.6, evidence: cite("S003-03")),
            Edge("CD28", .activates, "T_CELL_ACTIVATION", mechanism: "costimulates", evidence: cite("S003-03")),
            Edge("TCR", .activates, "CTLA4", mechanism: .upregulates, weight: 0.4, delay: ctla4Delay, evidence: cite("S003-01")),
            Edge("TREG", .activates, "CTLA4", mechanism: "expresses", weight: 0.4, evidence: cite("S003-02")),
            Edge("CTLA4", .inhibits, "CD80", mechanism: .sequesters, weight: 0.8, evidence: cite("S003-04", "S003-05")),
            Edge("CTLA4", .inhibits, "CD86", mechanism: .sequesters, weight: 0.8, evidence: cite("S003-04", "S003-05")),
            // Synapse exclusion of CD28 adds to ligand capture, the main route (S003-04): half weight.
            Edge("CTLA4", .inhibits, "CD28", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-06")),
            Edge("T_CELL_ACTIVATION", .activates, "CD8_T", mechanism: .activates, threshold: 0.99, evidence: cite("S003-44")),
            Edge("T_CELL_ACTIVATION", .activates, "IL2", mechanism: .secretes, evidence: cite("S003-43")),

            // MARK: PD-1, PD-L1, PD-L2 and the CD80 arm
            Edge("TCR", .activates, "PD1", mechanism: .inducesExpression, weight: 0.4, evidence: cite("S003-09")),
            // Cytokine induction is listed after TCR signalling, the main trigger: half weight.
            Edge("IL2", .activates, "PD1", mechanism: .inducesExpression, weight: 0.15, evidence: cite("S003-10")),
            Edge("IL15", .activates, "PD1", mechanism: .inducesExpression, weight: 0.15, evidence: cite("S003-10")),
            Edge("IL21", .activates, "PD1", mechanism: .inducesExpression, weight: 0.15, evidence: cite("S003-10"),
                note: "acute IL-21 as an activation signal (003); engineered 4/21 receptors lowered PD-1 on CAR T cells (002 §3.1), a context left out"),
            // Expression on infiltrating CD8 T cells overlaps the TCR-induced PD-1 above: half weight.
            Edge("CD8_T", .activates, "PD1", mechanism: "expresses", weight: 0.15, evidence: cite("S003-41")),
            Edge("PDL1", .activates, "PD1", mechanism: .binds, weight: 0.4, evidence: cite("S003-11")),
            // Higher affinity but lower abundance than PD-L1 (S003-12): a secondary ligand.
            Edge("PDL2", .activates, "PD1", mechanism: .binds, weight: 0.15, evidence: cite("S003-12")),
            Edge("DC", .activates, "PDL2", mechanism: "expresses", evidence: cite("S003-12")),
            Edge("TUMOR_CELL", .activates, "PDL1", mechanism: "expresses", weight: 0.15, evidence: cite("S003-13")),
            // Antigen-presenting cells add to tumour PD-L1 but are not the main source here.
            Edge("DC", .activates, "PDL1", mechanism: "expresses", weight: 0.15, evidence: cite("S003-24")),
            // PD-L1 on T cells (000 para 5) is a minor pool next to tumour and IFN-γ-induced PD-L1.
            Edge("CD8_T", .activates, "PDL1", mechanism: "expresses", weight: 0.15, evidence: cite("S000-25")),
            Edge("IFNG", .activates, "PDL1", mechanism: .inducesExpression, weight: 0.8, delay: inducedExpressionDelay,
                evidence: cite("S003-30", "S001-19", "S000-26")),
            Edge("PD1", .inhibits, "PI3K_AKT", mechanism: .inhibits, weight: 0.7, evidence: cite("S003-14")),
            // PD-1 and TIM-3 also brake through T_CELL_ACTIVATION; the direct cytokine and killing
            // edges add the specific part without counting the brake twice: half weight.
            Edge("PD1", .inhibits, "IFNG", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-16")),
            Edge("PD1", .inhibits, "CTL_CYTOTOXICITY", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-16")),
            Edge("PD1", .activates, "T_CELL_EXHAUSTION", mechanism: "induces", weight: 0.5, evidence: cite("S003-17")),
            Edge("PD1", .activates, "TUMOR_APOPTOSIS_RESISTANCE", mechanism: "reverseSignals", weight: 0.6, evidence: cite("S003-19")),
            Edge("TUMOR_APOPTOSIS_RESISTANCE", .inhibits, "CTL_CYTOTOXICITY", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-19")),
            Edge("PDL1", .activates, "TREG", mechanism: "expands", weight: 0.3, evidence: cite("S003-18")),
            // The PD-L1/CD80 arm that anti-PD-1 leaves intact and anti-PD-L1 removes.
            Edge("PDL1", .inhibits, "CD80", mechanism: .binds, weight: 0.5, evidence: cite("S003-21")),
            // Signalling behind PD-L1 → CD80 on T cells is unknown (003 §2.3) and matters most once
            // PD-L1 is raised (§2.5): half weight, so constitutive PD-L1 does not veto activation.
            Edge("PDL1", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits, weight: 0.15, evidence: cite("S003-22")),

            // MARK: TIM-3, LAG-3, TIGIT
            // TIM-3 is on the effector cells (CD8_T) and is brought on by their activity: the
            // cytolytic activity that PD-1 blockade releases drives the compensatory rise (S003-51).
            // Weights 0.6 + 0.5 keep the untreated level near that of the former single weight-1 edge.
            Edge("CD8_T", .activates, "TIM3", mechanism: .upregulates, weight: 0.6, delay: inducedExpressionDelay, threshold: 0.99,
                evidence: cite("S003-31", "S003-50", "S002-23")),
            Edge("CTL_CYTOTOXICITY", .activates, "TIM3", mechanism: .upregulates, weight: 0.5, delay: inducedExpressionDelay,
                threshold: 0.99, evidence: cite("S003-51")),
            Edge("TH1", .activates, "TIM3", mechanism: .upregulates, weight: 0.1, delay: inducedExpressionDelay, evidence: cite("S003-31")),
            // Ligand availability modulates the engagement of TIM-3 that expression (CD8_T, TH1)
            // provides; constant ligands must not switch TIM-3 on by themselves: half weight.
            Edge("GAL9", .activates, "TIM3", mechanism: .binds, weight: 0.05, evidence: cite("S003-32")),
            Edge("CEACAM1", .activates, "TIM3", mechanism: .binds, weight: 0.05, evidence: cite("S003-32")),
            Edge("HMGB1", .activates, "TIM3", mechanism: .binds, weight: 0.05, evidence: cite("S003-32"),
                note: "HMGB-1 as a TIM-3 ligand (003); it is not wired to DAMPS, which no seed does"),
            Edge("TIM3", .inhibits, "BAT3", mechanism: "releases", evidence: cite("S003-33")),
            // BAT3 is permissive (on until TIM-3 releases it); at full weight it would hold T-cell
            // activation up without antigen, so it only adds to the TCR-driven signal: half weight.
            Edge("BAT3", .activates, "T_CELL_ACTIVATION", mechanism: "maintains", weight: 0.1, evidence: cite("S003-34")),
            Edge("TIM3", .inhibits, "IL2", mechanism: .inhibits, weight: directBrakeWeight, evidence: cite("S003-35")),
            Edge("TIM3", .inhibits, "IFNG", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-35")),
            Edge("TIM3", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits, weight: 0.25, evidence: cite("S003-36")),
            Edge("TIM3", .activates, "T_CELL_EXHAUSTION", mechanism: "induces", weight: 0.5, evidence: cite("S003-35")),
            // LAG-3 induction rests on an implied record only (S002-23): half weight.
            Edge("CD8_T", .activates, "LAG3", mechanism: .upregulates, weight: 0.6, delay: inducedExpressionDelay, threshold: 0.99, evidence: cite("S002-23")),
            Edge("LAG3", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-49")),
            // 0.3 as for LAG-3: TIGIT now sits at its basal 0.1, so the weight no longer stands in for the level.
            Edge("TIGIT", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-49")),
            Edge("T_CELL_EXHAUSTION", .inhibits, "CTL_CYTOTOXICITY", mechanism: .inhibits, weight: 0.3, evidence: cite("S003-45")),

            // MARK: Effector CD8 T cells and IFN-γ
            Edge("CD8_T", .activates, "CTL_CYTOTOXICITY", mechanism: .activates, threshold: 0.99, evidence: cite("S000-23")),
            Edge("CTL_CYTOTOXICITY", .inhibits, "TUMOR_CELL", mechanism: .kills, evidence: cite("S003-46", "S000-23")),
            Edge("CD8_T", .activates, "IFNG", mechanism: .secretes, weight: 0.6, threshold: 0.99, evidence: cite("S003-29", "S001-07")),
            Edge("TH1", .activates, "IFNG", mechanism: .secretes, weight: 0.8, evidence: cite("S001-07")),
            Edge("NK", .activates, "IFNG", mechanism: .secretes, weight: 0.4, evidence: cite("S001-07", "S002-22")),
            Edge("IFNG", .activates, "MHC_I", mechanism: .upregulates, weight: 0.8, evidence: cite("S001-08")),
            Edge("IFNG", .activates, "CXCL9", mechanism: .inducesExpression, evidence: cite("S001-10")),
            Edge("IFNG", .activates, "CXCL10", mechanism: .inducesExpression, evidence: cite("S001-10")),
            Edge("IFNG", .activates, "CXCL11", mechanism: .inducesExpression, evidence: cite("S001-10")),
            Edge("IFNG", .activates, "M1_MACROPHAGE", mechanism: .polarizes, weight: 0.6, evidence: cite("S001-12")),
            Edge("IFNG", .inhibits, "M2_MACROPHAGE", mechanism: .polarizes, evidence: cite("S001-12"),
                note: "000 groups M2 influx after TAT with IFN-γ-linked compensation, an association only; 001's mechanism is kept"),
            Edge("IFNG", .activates, "HOMING_RECEPTORS", mechanism: .upregulates, evidence: cite("S001-16")),
            Edge("IFNG", .activates, "IDO1", mechanism: .inducesExpression, weight: 0.6, delay: inducedExpressionDelay,
                evidence: cite("S001-19")),
            // Only high, circulating IFN-γ is toxic; the therapeutic window is narrow (S001-18).
            Edge("IFNG", .activates, "SYSTEMIC_TOXICITY", mechanism: "causes", weight: 0.1, threshold: 0.7, evidence: cite("S001-18")),
            // Tryptophan depletion collapsed into one edge: a permissive nutrient modelled as an
            // always-on activator would hold T-cell activation up without any antigen.
            Edge("IDO1", .inhibits, "T_CELL_ACTIVATION", mechanism: "depletesTryptophan", weight: 0.15, evidence: cite("S003-25", "S003-26")),

            // MARK: Chemokines, vessels and T-cell entry
            // CXCL9, CXCL10 and CXCL11 are redundant ligands of one receptor on T cells: together
            // about one full input, so that IFN-γ does not count three times toward recruitment.
            Edge("CXCL9", .activates, "T_CELL_INFILTRATION", mechanism: .recruits, weight: 0.15,
                evidence: cite("S001-11", "S003-39")),
            Edge("CXCL10", .activates, "T_CELL_INFILTRATION", mechanism: .recruits, weight: 0.15,
                evidence: cite("S001-11", "S003-39")),
            Edge("CXCL11", .activates, "T_CELL_INFILTRATION", mechanism: .recruits, weight: 0.15,
                evidence: cite("S001-11")),
            Edge("CXCL10", .activates, "NK", mechanism: .recruits, weight: 0.2, evidence: cite("S001-11")),
            Edge("CXCL9", .activates, "CXCR3", mechanism: .binds, weight: 0.3, evidence: cite("S001-15")),
            Edge("CXCL10", .activates, "CXCR3", mechanism: .binds, weight: 0.3, evidence: cite("S001-15")),
            Edge("CXCL11", .activates, "CXCR3", mechanism: .binds, weight: 0.3, evidence: cite("S001-15")),
            Edge("CXCR3", .inhibits, "ANGIOGENESIS", mechanism: .inhibits, weight: 0.5, evidence: cite("S001-14")),
            Edge("HOMING_RECEPTORS", .activates, "T_CELL_INFILTRATION", mechanism: "enables", weight: 0.3, evidence: cite("S001-17")),
            Edge("T_CELL_INFILTRATION", .activates, "CD8_T", mechanism: "increases", weight: 0.15, evidence: cite("S003-40")),
            // Vessels support growth but are not required for it: half weight.
            Edge("ANGIOGENESIS", .activates, "TUMOR_CELL", mechanism: "supports", weight: 0.5, evidence: cite("S002-19")),

            // MARK: Myeloid and regulatory cells
            Edge("DC", .activates, "IL12", mechanism: .secretes, weight: 0.15, evidence: cite("S001-02")),
            Edge("M1_MACROPHAGE", .activates, "IL12", mechanism: .secretes, weight: 0.15, evidence: cite("S001-02")),
            // An implied, secondary effector next to CTL and NK killing.
            Edge("M1_MACROPHAGE", .inhibits, "TUMOR_CELL", mechanism: .kills, weight: 0.3, evidence: cite("S001-13")),
            // Three suppressor populations act together; each restrains CD8 T cells without
            // abolishing them on its own (implied records): half weight.
            Edge("TREG", .inhibits, "CD8_T", mechanism: "suppresses", weight: 0.3, evidence: cite("S001-22", "S000-29")),
            // 0.3 as for Tregs and M2 cells: MDSCs now sit at their basal 0.3 (inhibitor-only nodes
            // keep their basal), so the weight no longer has to stand in for the level.
            Edge("MDSC", .inhibits, "CD8_T", mechanism: "suppresses", weight: 0.3, evidence: cite("S001-22")),
            Edge("M2_MACROPHAGE", .inhibits, "CD8_T", mechanism: "suppresses", weight: 0.3, evidence: cite("S000-29")),

            // MARK: IL-12
            Edge("IL12", .activates, "STAT4", mechanism: .signals, threshold: 0.99, evidence: cite("S001-03")),
            Edge("STAT4", .activates, "TH1", mechanism: .differentiates, weight: 0.7, threshold: 0.99, evidence: cite("S001-04")),
            Edge("STAT4", .activates, "CTL_CYTOTOXICITY", mechanism: .activates, weight: 0.2, evidence: cite("S001-05")),
            Edge("IL12", .activates, "NK", mechanism: .activates, weight: 0.5, evidence: cite("S001-06")),
            Edge("IL12", .activates, "NKG2D", mechanism: .upregulates, evidence: cite("S001-23")),

            // MARK: NK cells
            Edge("IL15", .activates, "NK", mechanism: "expands", weight: 0.2, evidence: cite("S002-11")),
            Edge("IL2", .activates, "NK", mechanism: .activates, weight: 0.2, evidence: cite("S002-10")),
            Edge("NK", .activates, "NK_CYTOTOXICITY", mechanism: .activates, weight: 0.5, evidence: cite("S002-21")),
            Edge("NKG2D", .activates, "NK_CYTOTOXICITY", mechanism: .activates, weight: 0.2, evidence: cite("S002-15")),
            Edge("PERFORIN", .activates, "NK_CYTOTOXICITY", mechanism: "mediates", weight: 0.2, evidence: cite("S002-15", "S002-17")),
            Edge("PERFORIN", .activates, "CTL_CYTOTOXICITY", mechanism: "mediates", weight: 0.2, evidence: cite("S002-17")),
            Edge("NK_CYTOTOXICITY", .inhibits, "TUMOR_CELL", mechanism: .kills, weight: 0.25, evidence: cite("S002-20")),
            Edge("NK_APOPTOSIS", .inhibits, "NK", mechanism: .depletes, weight: 0.5, evidence: cite("S002-14")),

            // MARK: IL-21
            Edge("TH17", .activates, "IL21", mechanism: .secretes, weight: 0.3, evidence: cite("S002-01")),
            // CD8 T cells make IL-21 only at a low level (S002-01).
            Edge("CD8_T", .activates, "IL21", mechanism: .secretes, weight: 0.15, evidence: cite("S002-01")),
            Edge("IL21", .activates, "CD8_T", mechanism: "survival", weight: 0.15, evidence: cite("S002-05", "S002-29")),
            // Homeostatic support, not priming: half weight, so basal IL-15 does not make effectors.
            Edge("IL15", .activates, "CD8_T", mechanism: "expands", weight: 0.05, evidence: cite("S002-06")),
            Edge("IL21", .activates, "TSCM", mechanism: .differentiates, weight: 0.5, evidence: cite("S002-04")),
            Edge("TSCM", .activates, "CD8_T", mechanism: .differentiates, weight: 0.15, evidence: cite("S002-27")),
            Edge("TSCM", .activates, "IMMUNE_MEMORY", mechanism: "maintains", weight: 0.3, evidence: cite("S002-28")),
            // IFN-γ induction by IL-21 is not seen in every setting (S002-22): half weight.
            Edge("IL21", .activates, "IFNG", mechanism: .inducesExpression, weight: 0.3, evidence: cite("S002-03", "S002-16")),
            Edge("IL21", .activates, "PERFORIN", mechanism: .inducesExpression, weight: 0.8, evidence: cite("S002-12", "S002-16")),
            Edge("IL21", .activates, "NK", mechanism: .activates, weight: 0.5, evidence: cite("S002-10", "S002-11"),
                note: "with IL-2 or IL-15 present (IL15 has a basal level); alone IL-21 does not keep NK cells alive, which the model carries through NK_APOPTOSIS rather than an opposite-sign edge"),
            Edge("IL21", .activates, "NK_CYTOTOXICITY", mechanism: .activates, weight: 0.2, evidence: cite("S002-12")),
            // Apoptosis shortens NK life after activation, so the activation shows first.
            Edge("IL21", .activates, "NK_APOPTOSIS", mechanism: "induces", weight: 0.6, delay: 2, evidence: cite("S002-13")),
            Edge("IL21", .inhibits, "TREG", mechanism: .inhibits, weight: 0.6, evidence: cite("S002-07")),
            Edge("IL21", .activates, "TH17", mechanism: .differentiates, weight: 0.4, evidence: cite("S002-08"),
                note: "needed for Th17 differentiation; in sporadic intestinal carcinogenesis IL-21 deficiency raised Th17 instead (002 §5), a context left out"),
            // Th17 cells act against B16 melanoma but favour colorectal cancer angiogenesis
            // (S002-09): the anti-tumour context is kept, at a low weight.
            Edge("TH17", .inhibits, "TUMOR_CELL", mechanism: .kills, weight: 0.2, evidence: cite("S002-09"),
                note: "sign depends on the tumour: anti-tumour in B16 melanoma, pro-angiogenic in colorectal cancer"),
            Edge("IL21", .inhibits, "ANGIOGENESIS", mechanism: .inhibits, weight: 0.5, evidence: cite("S002-18")),
            // Haematological toxicity appeared at 10 µg/kg but not 3 µg/kg (S002-26): high doses only.
            Edge("IL21", .activates, "SYSTEMIC_TOXICITY", mechanism: "causes", weight: 0.04, threshold: 0.99, evidence: cite("S002-26")),

            // MARK: Memory and readouts
            // A recall response boosts effectors without replacing priming: half weight.
            Edge("IMMUNE_MEMORY", .activates, "CD8_T", mechanism: "recalls", weight: 0.5, evidence: cite("S000-27")),
            Edge("TUMOR_CELL", .activates, "TUMOR_BURDEN", mechanism: "constitutes", evidence: cite("S003-47")),
        ]
    }()
}
