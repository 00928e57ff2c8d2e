/// One attribute of an ``SVGElement``: a name and its (unescaped) value.
public struct SVGAttribute: Sendable, Equatable {
    /// The attribute name, e.g. `"stroke-width"`.
    public var name: String
    /// The attribute value, unescaped; escaping happens when the document is rendered.
    public var value: String

    /// Creates an attribute.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// A node of an SVG document tree: an element with ordered attributes, child elements and
/// optional text content.
///
/// Attributes keep their insertion order, so rendering is deterministic. Numbers are added with
/// ``setting(_:_:digits:)``, which prints them compactly with ``SVGNumber/format(_:digits:)``.
///
/// ```swift
/// let dot = SVGElement("circle").setting("cx", 10).setting("cy", 5.25).setting("r", 3)
/// // <circle cx="10" cy="5.25" r="3"/>
/// ```
public struct SVGElement: Sendable, Equatable {
    /// The element name, e.g. `"rect"`.
    public var name: String
    /// The attributes, in the order they are written.
    public var attributes: [SVGAttribute]
    /// The child elements, in document order.
    public var children: [SVGElement]
    /// Text content (escaped when rendered); written before the children.
    public var text: String?

    /// Creates an element with attributes given as string pairs, in order.
    public init(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String? = nil,
        children: [SVGElement] = [])
    {
        self.name = name
        self.attributes = attributes.map { SVGAttribute($0.key, $0.value) }
        self.text = text
        self.children = children
    }

    /// A copy with the attribute set (replacing an attribute of the same name, keeping its position).
    public func setting(_ name: String, _ value: String) -> SVGElement {
        var copy = self
        copy.set(name, value)
        return copy
    }

    /// A copy with a numeric attribute set, printed with at most `digits` decimals.
    public func setting(_ name: String, _ value: Double, digits: Int = 2) -> SVGElement {
        setting(name, SVGNumber.format(value, digits: digits))
    }

    /// Sets an attribute in place (replacing an attribute of the same name).
    public mutating func set(_ name: String, _ value: String) {
        if let position = attributes.firstIndex(where: { $0.name == name }) {
            attributes[position].value = value
        } else {
            attributes.append(SVGAttribute(name, value))
        }
    }

    /// Sets a numeric attribute in place, printed with at most `digits` decimals.
    public mutating func set(_ name: String, _ value: Double, digits: Int = 2) {
        set(name, SVGNumber.format(value, digits: digits))
    }

    /// Appends a child element.
    public mutating func append(_ child: SVGElement) { children.append(child) }

    /// Appends child elements.
    public mutating func append(contentsOf newChildren: [SVGElement]) { children.append(contentsOf: newChildren) }

    /// The element as XML text, indented by two spaces per level.
    ///
    /// Rendering is iterative (an explicit stack), so arbitrarily deep trees cannot overflow the
    /// call stack.
    /// - Complexity: O(total size of the tree).
    public func render(indent: Int = 0) -> String {
        var out = ""
        // Each frame: an element, its depth, and whether its start tag has been written.
        var stack: [(element: SVGElement, depth: Int, opened: Bool)] = [(self, indent, false)]
        while let frame = stack.popLast() {
            let pad = String(repeating: "  ", count: frame.depth)
            let element = frame.element
            if frame.opened {
                out += pad + "</" + element.name + ">\n"
                continue
            }
            out += pad + "<" + element.name
            for attribute in element.attributes {
                out += " " + attribute.name + "=\"" + SVGEscaping.attribute(attribute.value) + "\""
            }
            if element.children.isEmpty {
                if let text = element.text {
                    out += ">" + SVGEscaping.text(text) + "</" + element.name + ">\n"
                } else {
                    out += "/>\n"
                }
                continue
            }
            out += ">"
            if let text = element.text { out += SVGEscaping.text(text) }
            out += "\n"
            stack.append((element, frame.depth, true))
            for child in element.children.reversed() {
                stack.append((child, frame.depth + 1, false))
            }
        }
        return out
    }
}
