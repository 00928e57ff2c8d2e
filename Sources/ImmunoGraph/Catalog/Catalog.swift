/// The models that ship with the package, loadable as `builtin:NAME`.
public enum Catalog {
    /// Built-in models by name.
    public static let models: [String: @Sendable () throws -> MechanismGraph] = [
        "flagship": { try flagship() },
        "tme": { try tumourMicroenvironment() },
    ]
}
