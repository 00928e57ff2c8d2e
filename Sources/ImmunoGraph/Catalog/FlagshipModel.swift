extension Catalog {
    /// The seed paper on checkpoint blockade and adaptive resistance (seed 003).
    static let checkpointChapter = SourceDocument(file: "seeds/003-checkpoint-adaptive-resistance.md", doi: "10.5772/66494")

    /// A 12-node signed graph of the flagship story: PD-1 blockade releases T-cell activation,
    /// IFN-γ then induces PD-L1, and activated T cells raise TIM-3 — two negative feedback loops
    /// that a second blockade (anti-TIM-3, anti-PD-L1) can cut.
    ///
    /// Loadable as `builtin:flagship`. The full tumour-microenvironment model is `builtin:tme`.
    public static func flagship() throws -> MechanismGraph {
        func evidence(_ location: String, _ paraphrase: String, _ strength: EvidenceStrength = .stated) -> [Evidence] {
            [Evidence(source: checkpointChapter, location: location, paraphrase: paraphrase, strength: strength)]
        }
        return try MechanismGraph(name: "flagship") {
            Node("ANTI_PD1", name: "anti-PD-1 antibody", kind: .therapy)
            Node("ANTI_PDL1", name: "anti-PD-L1 antibody", kind: .therapy)
            Node("ANTI_TIM3", name: "anti-TIM-3 antibody", kind: .therapy)
            // Graded dynamics: basal 1 keeps the antigen input on (a node without inputs otherwise keeps
            // its initial level, 0); the tumour is antigenic throughout.
            Node("ANTIGEN", name: "tumour antigen signal", kind: .process, basal: 1, note: "an input held on: the tumour is antigenic")
            Node("PD1", name: "PD-1", kind: .checkpointReceptor)
            Node("PDL1", name: "PD-L1", kind: .checkpointLigand, synonyms: ["CD274", "B7-H1"])
            Node("TIM3", name: "TIM-3", kind: .checkpointReceptor, synonyms: ["HAVCR2"])
            Node("T_CELL_ACTIVATION", name: "T-cell activation", kind: .process)
            Node("CD8_T", name: "CD8+ effector T cells", kind: .cell)
            Node("IFNG", name: "IFN-γ", kind: .cytokine)
            Node("TUMOR_CELL", name: "tumour cells", kind: .cell, basal: 1)
            Node("TUMOR_BURDEN", name: "tumour burden", kind: .phenotype)

            Edge("ANTI_PD1", .inhibits, "PD1", mechanism: .blocks,
                evidence: evidence("PD-1 blockade section", "Antibodies against PD-1 stop the receptor from engaging its ligands."))
            Edge("ANTI_PDL1", .inhibits, "PDL1", mechanism: .blocks,
                evidence: evidence("PD-L1 blockade section", "Antibodies against PD-L1 prevent the ligand from engaging PD-1."))
            Edge("ANTI_TIM3", .inhibits, "TIM3", mechanism: .blocks,
                evidence: evidence("TIM-3 section", "Blocking TIM-3 with an antibody restores T-cell function in models where it is up."))
            Edge("ANTIGEN", .activates, "T_CELL_ACTIVATION", mechanism: .activates,
                evidence: evidence("introduction", "T cells are activated through recognition of tumour antigen.", .implied))
            Edge("PDL1", .activates, "PD1", mechanism: .binds,
                evidence: evidence("PD-1/PD-L1 section", "PD-L1 on tumour cells engages PD-1 on T cells and triggers its signalling."))
            Edge("PD1", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits,
                evidence: evidence("PD-1/PD-L1 section", "PD-1 signalling damps T-cell receptor signalling and effector function."))
            Edge("TIM3", .inhibits, "T_CELL_ACTIVATION", mechanism: .inhibits,
                evidence: evidence("TIM-3 section", "TIM-3 engagement restrains effector T cells and marks exhausted cells."))
            Edge("T_CELL_ACTIVATION", .activates, "CD8_T", mechanism: .activates,
                evidence: evidence("introduction", "Activated tumour-specific T cells expand into effector CD8 cells.", .implied))
            Edge("CD8_T", .activates, "IFNG", mechanism: .secretes,
                evidence: evidence("adaptive resistance section", "Effector T cells in the tumour release IFN-γ."))
            Edge("IFNG", .activates, "PDL1", mechanism: .inducesExpression,
                evidence: evidence("adaptive resistance section", "IFN-γ induces PD-L1 on tumour cells, the core of adaptive resistance."))
            Edge("CD8_T", .activates, "TIM3", mechanism: .upregulates,
                evidence: evidence("TIM-3 section", "TIM-3 is up on activated IFN-γ-producing T cells and rises after PD-1 blockade in models."))
            Edge("CD8_T", .inhibits, "TUMOR_CELL", mechanism: .kills,
                evidence: evidence("introduction", "Cytotoxic T cells kill tumour cells.", .implied))
            Edge("TUMOR_CELL", .activates, "TUMOR_BURDEN", mechanism: .activates,
                evidence: evidence("introduction", "More tumour cells means a larger tumour burden.", .implied))
        }
    }
}
