extension TumourMicroenvironment {
    private typealias Clamp = Background.Clamp

    /// The named backgrounds of `builtin:tme`. Clamps hold for the whole run, as fractions of
    /// each node's maximum; anything a therapy must change is therefore left unclamped.
    static let backgrounds: [Background] = [
        .wildType,
        Background(
            name: "CD8_DEPLETED",
            summary: "CD8 T cells depleted with an antibody: no CD8 effectors and so no CD8 killing, everything else intact (000 para 4).",
            synonyms: ["CD8-depleted", "CD8 depleted", "anti-CD8"],
            // CTL_CYTOTOXICITY is the killing *by CD8 T cells*; its other inputs (antigen
            // presentation, STAT4, perforin) are modulators that noisy-OR would turn into killing
            // without the cells, so the depletion clamps the function with the cell.
            clamps: [Clamp(node: "CD8_T", level: 0), Clamp(node: "CTL_CYTOTOXICITY", level: 0)]),
        Background(
            name: "RAG2_IL2RG_KO",
            summary: "Rag2-/-Il2rg-/- mice: no T, B or NK cells, hence no T-cell memory (000 para 4).",
            synonyms: ["Rag2-/-Il2rg-/-", "Rag2/Il2rg KO", "RAG2_IL2RG"],
            clamps: [
                Clamp(node: "CD8_T", level: 0), Clamp(node: "TH1", level: 0), Clamp(node: "TH17", level: 0),
                Clamp(node: "TREG", level: 0), Clamp(node: "TSCM", level: 0), Clamp(node: "NK", level: 0),
                Clamp(node: "IMMUNE_MEMORY", level: 0),
                // No T or NK cells, so no T- or NK-cell killing (see CD8_DEPLETED).
                Clamp(node: "CTL_CYTOTOXICITY", level: 0), Clamp(node: "NK_CYTOTOXICITY", level: 0),
            ]),
        Background(
            name: "COLD_TUMOR",
            summary: "An immunologically cold tumour: rich in Tregs and M2-like macrophages, poor in mature and cross-presenting DCs (000 figure 1).",
            synonyms: ["cold tumour", "cold tumor", "cold"],
            clamps: [
                Clamp(node: "TREG", level: 0.8), Clamp(node: "M2_MACROPHAGE", level: 0.8),
                Clamp(node: "DC", level: 0.1), Clamp(node: "CDC1", level: 0.1),
            ]),
        Background(
            name: "INFLAMED_TUMOR",
            summary: "A T-cell-inflamed tumour: highly antigenic, well supplied with DCs, few suppressive cells; effector levels are left free to respond.",
            synonyms: ["inflamed tumour", "inflamed tumor", "inflamed", "hot tumour"],
            clamps: [
                Clamp(node: "NEOANTIGENS", level: 0.9), Clamp(node: "DC", level: 0.7), Clamp(node: "CDC1", level: 0.7),
                Clamp(node: "TREG", level: 0.15), Clamp(node: "M2_MACROPHAGE", level: 0.15),
            ]),
        Background(
            name: "MMR_DEFICIENT",
            summary: "Mismatch-repair-deficient tumour: a high mutation load and so many neoantigens (003 §2.4).",
            synonyms: ["MMR-deficient", "dMMR"],
            clamps: [Clamp(node: "MMR_DEFICIENCY", level: 1)]),
        Background(
            name: "B2M_LOSS",
            summary: "Beta-2 microglobulin loss of function: no MHC class I on tumour cells, as in melanomas relapsing on PD-1 blockade (003 §2.5).",
            synonyms: ["B2M loss", "B2M-/-"],
            clamps: [Clamp(node: "MHC_I", level: 0)]),
    ]
}
