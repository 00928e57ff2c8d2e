extension Catalog {
    /// The built-in tumour-microenvironment model, loadable as `builtin:tme`: 77 nodes (12
    /// therapies) and their signed, evidence-backed influences, assembled from the four seed
    /// papers curated in `seeds/` (targeted alpha therapy, IL-12, IL-21, checkpoint blockade and
    /// adaptive resistance).
    ///
    /// It carries the checkpoint axes (PD-1/PD-L1/PD-L2/CD80, CTLA-4/CD28/CD80/CD86, TIM-3 with
    /// galectin-9, CEACAM-1, HMGB-1 and BAT3, LAG-3, TIGIT); IFN-γ-driven adaptive resistance
    /// (PD-L1, IDO1 and its tryptophan depletion) with a delay of three steps; radiation → DNA damage → cytosolic DNA → cGAS →
    /// type I IFN → IFNAR1 → immunogenic death, with the TREX1 brake switched on only above a dose
    /// threshold; dendritic cells, macrophages, Tregs, MDSCs and NK cells; IL-12 → STAT4 → Th1 and
    /// IFN-γ; IL-21 on CD8 T cells, memory stem cells, NK cells, Tregs and Th17 cells; doxorubicin
    /// and adoptive T cells. Readouts: `TUMOR_BURDEN`, `T_CELL_EXHAUSTION`, `SYSTEMIC_TOXICITY`.
    ///
    /// Only mechanistic edges are in the graph; observed net effects (anti-PD-1 raises TIM-3,
    /// TAT raises PD-L1) must emerge from the mechanisms. Every edge cites at least one record of
    /// `seeds/`, node identifiers are those of the curation table, and the graph is built with
    /// `requireEvidence: true`. The graded parameters (basal levels, rates, weights, delays,
    /// thresholds) and the dose scales of the therapies are explained in `Guides/CatalogModel.md`.
    /// Backgrounds: `WT`, `CD8_DEPLETED`, `RAG2_IL2RG_KO`, `COLD_TUMOR`, `INFLAMED_TUMOR`,
    /// `MMR_DEFICIENT`, `B2M_LOSS`.
    ///
    /// - Throws: ``GraphValidationError`` if the curated tables disagree (a cited record that
    ///   `seeds/` does not contain, or any build error); the shipped tables build cleanly.
    public static func tumourMicroenvironment() throws -> MechanismGraph {
        var builder = GraphBuilder(name: "tme")
        for node in TumourMicroenvironment.nodes { builder.add(node) }
        let edges = TumourMicroenvironment.edges
        for edge in edges { builder.add(edge) }
        for background in TumourMicroenvironment.backgrounds { builder.add(background) }
        var unknown: [Diagnostic] = []
        for edge in edges {
            for evidence in edge.evidence where evidence.paraphrase.isEmpty {
                unknown.append(
                    Diagnostic(.error, code: "unknown-record", subject: edge.arrowDescription,
                        message: "cites record '\(evidence.record ?? "?")', which is not in seeds/"))
            }
        }
        guard unknown.isEmpty else { throw GraphValidationError(problems: unknown) }
        return try builder.build(requireEvidence: true)
    }
}

/// The tables of `builtin:tme`: nodes here, edges and backgrounds in their own files.
enum TumourMicroenvironment {
    /// Cell populations change over several steps (expansion, recruitment, death), more slowly
    /// than the molecules that signal to them.
    static let cellRate = 0.25
    /// Tumour mass is the slowest node, so immune effects accumulate before the burden moves.
    static let tumourRate = 0.1
    /// Memory outlasts its stimulus (cured mice stay protected, 000 para 5): it decays very slowly.
    static let memoryRate = 0.05

    private static func node(
        _ id: String, _ name: String, _ kind: NodeKind, _ synonyms: [String] = [], basal: Double? = nil,
        rate: Double? = nil, note: String? = nil
    ) -> Node {
        Node(id, name: name, kind: kind, synonyms: synonyms, basal: basal, rate: rate, note: note)
    }

    /// The nodes, therapies first. Identifiers, names, synonyms and kinds follow the curation
    /// table `knowledge/entities.tsv`; graded parameters are set only where they differ from
    /// the engine default, each with its reason.
    static let nodes: [Node] = [
        // Therapies: inputs set by a perturbation; no incoming edges. Dose scales (level in 0…1)
        // are described in Guides/CatalogModel.md.
        node("ANTI_PD1", "Anti-PD-1 antibody", .therapy, ["nivolumab", "pembrolizumab", "pidilizumab", "PD-1 blocker"]),
        node("ANTI_PDL1", "Anti-PD-L1 antibody", .therapy, ["atezolizumab", "avelumab", "durvalumab", "PD-L1 blocker"]),
        node("ANTI_CTLA4", "Anti-CTLA-4 antibody", .therapy, ["ipilimumab", "CTLA-4 blocker"]),
        node("ANTI_TIM3", "Anti-TIM-3 antibody", .therapy, ["TIM-3 blocker"]),
        node("ANTI_LAG3", "Anti-LAG-3 antibody", .therapy, ["LAG-3 blocker"]),
        node("ANTI_TIGIT", "Anti-TIGIT antibody", .therapy, ["TIGIT blocker"]),
        node("TAT", "Targeted alpha-particle therapy", .therapy,
            ["MSLN-TTC", "227Th-mesothelin conjugate", "alpha-emitter radioimmunotherapy", "223Ra", "TRT (alpha)"],
            note: "level = activity: 0.2, 0.4, 0.8 for 125, 250, 500 kBq/kg in vivo; 1 for the 50 kBq/mL in vitro exposure"),
        node("EBRT", "External beam radiation therapy", .therapy, ["RT", "radiotherapy"],
            note: "level = dose per fraction / 20 Gy: 0.5 is 10 Gy, the TREX1 threshold sits at 0.55 (11 Gy)"),
        node("IL12_THERAPY", "IL-12 therapy", .therapy,
            ["recombinant IL-12", "intratumoural IL-12 plasmid electroporation", "IL-12 mRNA", "IL-12 gene therapy"]),
        node("IL21_THERAPY", "Recombinant IL-21", .therapy, ["rIL-21", "rhIL-21", "IL-21 plasmid"]),
        node("DOXORUBICIN", "Doxorubicin", .therapy, ["pegylated liposomal doxorubicin", "Caelyx"]),
        node("ADOPTIVE_T", "Adoptive T-cell transfer", .therapy, ["ACT", "TIL therapy", "TCR-T cells"]),

        // Cells.
        node("TUMOR_CELL", "Tumour cell", .cell, ["cancer cell", "malignant cell", "neoplastic cell"],
            basal: 0.9, rate: tumourRate,
            note: "basal 0.9: the tumour grows without immune control; angiogenesis supplies the rest"),
        node("CD8_T", "CD8+ effector T cell", .cell, ["CTL", "cytotoxic T lymphocyte", "CD8+ TIL", "TEFF"], rate: cellRate),
        node("TH1", "T helper 1 cell", .cell, ["Th1"], rate: cellRate),
        node("TH17", "T helper 17 cell", .cell, ["Th17", "IL-17-producing CD4+ T cell"], rate: cellRate),
        node("TREG", "Regulatory T cell", .cell, ["Treg", "T regulatory cell", "FOXP3+ CD4+ T cell"],
            basal: 0.3, rate: cellRate, note: "basal 0.3: resident suppressive cells of an untreated tumour"),
        node("TSCM", "CD8+ T memory stem cell", .cell, ["stem cell-like memory T cell", "memory stem T cell"], rate: cellRate),
        node("NK", "Natural killer cell", .cell, ["NK cell", "CD56bright NK", "CD56dim NK"], rate: cellRate),
        node("DC", "Dendritic cell (mature)", .cell, ["mature DC", "conventional DC", "cDC", "APC"],
            basal: 0.2, rate: cellRate,
            note: "stands for antigen-presenting cells in general (CD80, CD86, PD-L1, PD-L2); basal 0.2: few mature DCs without danger signals"),
        node("CDC1", "Cross-presenting type 1 dendritic cell", .cell, ["CD103+ DC", "cDC1", "dendritic cells type 1"],
            basal: 0.3, rate: cellRate, note: "no regulator in the seeds' mechanisms: a constant resident population"),
        node("M1_MACROPHAGE", "M1-like macrophage", .cell, ["classically activated macrophage", "antitumour macrophage"],
            rate: cellRate),
        node("M2_MACROPHAGE", "M2-like macrophage", .cell,
            ["M2 TAM", "alternatively activated macrophage", "immunosuppressive TAM"],
            // basal 0.8 (was 0.4 while the engine ignored it): IFN-γ now scales the basal, so M2 must start
            // high for IFN-γ to repolarise a visible share; untreated M2 stays at ≈ 0.24.
            basal: 0.8, rate: cellRate, note: "basal 0.8: tumour-associated macrophages lean M2 until IFN-γ repolarises them"),
        node("MDSC", "Myeloid-derived suppressor cell", .cell, basal: 0.3, rate: cellRate,
            note: "basal 0.3: resident suppressive cells of an untreated tumour"),

        // Soluble mediators.
        node("IFNG", "Interferon gamma", .cytokine, ["IFN-gamma", "IFN-γ", "IFNγ", "type II IFN"]),
        node("TYPE_I_IFN", "Type I interferon", .cytokine, ["IFN-alpha", "IFN-beta", "IFN-α/β"]),
        node("IL12", "Interleukin-12", .cytokine, ["IL-12"]),
        node("IL21", "Interleukin-21", .cytokine, ["IL-21"]),
        node("IL2", "Interleukin-2", .cytokine, ["IL-2"]),
        node("IL15", "Interleukin-15", .cytokine, ["IL-15"], basal: 0.3,
            note: "basal 0.3: homeostatic IL-15 is always present; no regulator in the seeds"),
        node("CXCL9", "C-X-C motif chemokine ligand 9", .chemokine, ["MIG"]),
        node("CXCL10", "C-X-C motif chemokine ligand 10", .chemokine, ["IP-10"]),
        node("CXCL11", "C-X-C motif chemokine ligand 11", .chemokine, ["I-TAC"]),

        // Receptors, checkpoints and their ligands.
        node("PD1", "Programmed cell death protein 1", .checkpointReceptor, ["PD-1", "PDCD1", "CD279"],
            note: "the level is engaged PD-1 signalling: expression (TCR, cytokines) and ligation (PD-L1, PD-L2)"),
        node("PDL1", "Programmed death-ligand 1", .checkpointLigand, ["PD-L1", "CD274", "B7-H1"]),
        node("PDL2", "Programmed death-ligand 2", .checkpointLigand, ["PD-L2", "PDCD1LG2", "B7-DC"]),
        node("CTLA4", "Cytotoxic T-lymphocyte antigen 4", .checkpointReceptor, ["CTLA-4", "CD152"]),
        node("CD80", "CD80", .receptor, ["B7-1"], note: "free CD80 on antigen-presenting cells, available to CD28"),
        node("CD86", "CD86", .receptor, ["B7-2"], note: "free CD86 on antigen-presenting cells, available to CD28"),
        node("CD28", "CD28", .receptor, ["costimulatory receptor"]),
        node("TIM3", "T-cell immunoglobulin and mucin domain 3", .checkpointReceptor, ["TIM-3", "HAVCR2", "Tim-3"]),
        node("GAL9", "Galectin-9", .checkpointLigand, ["LGALS9", "galectin 9"], basal: 0.2,
            note: "basal 0.2: a constitutive TIM-3 ligand; no regulator in the seeds"),
        node("CEACAM1", "Carcinoembryonic antigen-related cell adhesion molecule 1", .checkpointLigand, ["CEACAM-1"],
            basal: 0.2, note: "basal 0.2: a constitutive TIM-3 ligand; no regulator in the seeds"),
        node("HMGB1", "High-mobility group box 1", .damp, ["HMGB-1"], basal: 0.2,
            note: "basal 0.2: a constitutive TIM-3 ligand; deliberately not linked to DAMPS (no seed says so)"),
        node("LAG3", "Lymphocyte-activation gene 3", .checkpointReceptor, ["LAG-3", "Lag-3"]),
        node("TIGIT", "T cell immunoreceptor with Ig and ITIM domains", .checkpointReceptor, basal: 0.1,
            note: "basal 0.1: a constitutive coinhibitory receptor; no regulator in the seeds"),
        node("MHC_I", "MHC class I antigen-presentation complex", .receptor, ["MHC-I", "HLA class I", "B2M"],
            basal: 0.3, note: "basal 0.3: tumour cells show some MHC class I before IFN-γ raises it; B2M loss is the B2M_LOSS background (clamped to 0)"),
        node("IFNAR1", "Interferon alpha and beta receptor subunit 1", .receptor),
        node("CXCR3", "C-X-C chemokine receptor 3", .receptor, note: "endothelial CXCR3 signalling (antiangiogenic)"),
        node("NKG2D", "NKG2D activating receptor", .receptor, ["KLRK1", "CD314"]),

        // Intracellular signalling and enzymes.
        node("TCR", "T-cell receptor signalling", .pathway, ["TCR signaling", "signal 1"]),
        node("PI3K_AKT", "PI3K-AKT signalling", .pathway, ["phosphatidylinositol-3-kinase/AKT"]),
        node("STAT4", "Signal transducer and activator of transcription 4", .transcriptionFactor, ["STAT-4"]),
        node("BAT3", "HLA-B-associated transcript 3", .pathway, ["BAG6", "BAT3 adaptor"], basal: 1,
            note: "basal 1: BAT3 sits on the TIM-3 tail until TIM-3 signalling releases it (a permissive signal)"),
        node("CGAS", "Cyclic GMP-AMP synthase signalling", .enzyme, ["cGAS", "cGAS-STING"]),
        node("TREX1", "Three-prime repair exonuclease 1", .enzyme),
        node("IDO1", "Indoleamine 2,3-dioxygenase 1", .enzyme, ["IDO", "IDO-1"]),
        node("MTDNA", "Cytosolic mitochondrial DNA", .damp, ["mtDNA", "cytosolic DNA"],
            note: "all cytosolic DNA that cGAS senses, whether mitochondrial or from damaged nuclei"),
        node("PERFORIN", "Perforin", .marker, ["PRF1", "granzymes"]),

        // Processes and phenotypes.
        node("DNA_DAMAGE", "DNA damage", .process, ["macromolecular damage", "DNA lesions"]),
        node("DAMPS", "Damage-associated molecular patterns", .damp, ["ICD-relevant DAMPs", "adjuvant-like signals"]),
        node("ICD", "Immunogenic cell death", .process),
        node("NEOANTIGENS", "Tumour neoantigen load / antigenicity", .phenotype, ["antigenicity", "neoepitopes"],
            basal: 0.5, note: "basal 0.5: an average tumour is moderately antigenic; MMR deficiency raises it"),
        node("MMR_DEFICIENCY", "Mismatch-repair deficiency", .phenotype, ["dMMR", "MSI-high"],
            note: "an input: off unless the MMR_DEFICIENT background holds it on"),
        node("ANTIGEN_PRESENTATION", "Antigen presentation / cross-priming", .process, ["cross-presentation", "priming"],
            note: "both priming by dendritic cells and display on tumour cells (MHC-I), collapsed to one node"),
        node("T_CELL_ACTIVATION", "T-cell activation and effector function", .process,
            ["TCR downstream signalling output", "T cell activity"]),
        node("CTL_CYTOTOXICITY", "CD8+ T cell cytolytic activity", .process, ["CTL killing", "cytolytic function"]),
        node("NK_CYTOTOXICITY", "NK cell cytotoxicity", .process, ["NK killing", "degranulation"]),
        node("NK_APOPTOSIS", "NK cell apoptosis", .process, ["reduced NK life span"]),
        node("T_CELL_INFILTRATION", "T-cell trafficking and tumour infiltration", .process,
            ["homing", "extravasation", "T-cell recruitment"]),
        node("HOMING_RECEPTORS", "Endothelial T-cell homing receptors", .marker, ["adhesion molecules for T-cell recruitment"]),
        node("ANGIOGENESIS", "Tumour angiogenesis", .process, ["neovascularisation"], basal: 0.6,
            note: "basal 0.6: an established tumour is vascularised"),
        node("TUMOR_APOPTOSIS_RESISTANCE", "Tumour resistance to CTL lysis", .process, ["PD-L1 reverse antiapoptotic signal"]),
        node("T_CELL_EXHAUSTION", "T-cell exhaustion / anergy", .phenotype, ["dysfunction", "anergy"]),
        node("IMMUNE_MEMORY", "Tumour-specific immunological memory", .phenotype, ["protection from rechallenge"],
            rate: memoryRate),
        node("TUMOR_BURDEN", "Tumour burden", .phenotype, ["tumour growth", "tumour volume", "metastases"],
            rate: tumourRate),
        node("SYSTEMIC_TOXICITY", "Systemic cytokine toxicity", .phenotype,
            ["cytokine toxicity", "IFN-γ toxicity", "dose-limiting toxicity"]),
    ]
}
