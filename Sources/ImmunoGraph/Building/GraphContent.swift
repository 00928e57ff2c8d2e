/// One piece of a graph written with the result-builder DSL.
public enum GraphComponent: Sendable {
    /// A node.
    case node(Node)
    /// An edge.
    case edge(Edge)
    /// A background.
    case background(Background)
}

/// A result builder that collects nodes, edges and backgrounds.
///
/// ```swift
/// let graph = try MechanismGraph(name: "flagship") {
///     Node("ANTI_PD1", kind: .therapy)
///     Node("PD1", kind: .checkpointReceptor)
///     Node("T_CELL_ACTIVATION", kind: .process)
///     Edge("ANTI_PD1", .inhibits, "PD1", mechanism: .blocks)
///     Edge("PD1", .inhibits, "T_CELL_ACTIVATION")
/// }
/// ```
@resultBuilder
public enum GraphContentBuilder {
    public static func buildExpression(_ node: Node) -> [GraphComponent] { [.node(node)] }
    public static func buildExpression(_ edge: Edge) -> [GraphComponent] { [.edge(edge)] }
    public static func buildExpression(_ background: Background) -> [GraphComponent] { [.background(background)] }
    public static func buildExpression(_ components: [GraphComponent]) -> [GraphComponent] { components }
    public static func buildBlock(_ parts: [GraphComponent]...) -> [GraphComponent] { parts.flatMap { $0 } }
    public static func buildOptional(_ part: [GraphComponent]?) -> [GraphComponent] { part ?? [] }
    public static func buildEither(first part: [GraphComponent]) -> [GraphComponent] { part }
    public static func buildEither(second part: [GraphComponent]) -> [GraphComponent] { part }
    public static func buildArray(_ parts: [[GraphComponent]]) -> [GraphComponent] { parts.flatMap { $0 } }
}

extension MechanismGraph {
    /// Builds and validates a graph written with the DSL; throws every problem at once.
    public init(
        name: String = "model", requireEvidence: Bool = false,
        @GraphContentBuilder content: () -> [GraphComponent]
    ) throws(GraphValidationError) {
        var builder = GraphBuilder(name: name)
        for component in content() {
            switch component {
            case .node(let node): builder.add(node)
            case .edge(let edge): builder.add(edge)
            case .background(let background): builder.add(background)
            }
        }
        self = try builder.build(requireEvidence: requireEvidence)
    }
}
