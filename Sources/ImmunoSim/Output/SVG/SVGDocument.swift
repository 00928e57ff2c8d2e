/// A complete standalone SVG document: a canvas size, definitions (gradients, markers,
/// patterns, clip paths) and drawing elements.
///
/// ```swift
/// var document = SVGDocument(width: 400, height: 300)
/// document.append(SVGElement("circle").setting("cx", 200).setting("cy", 150).setting("r", 40))
/// let text = document.render()
/// ```
/// Rendering is deterministic: the same document always gives the same string.
public struct SVGDocument: Sendable, Equatable {
    /// The canvas width in pixels.
    public var width: Double
    /// The canvas height in pixels.
    public var height: Double
    /// The font family inherited by all text.
    public var fontFamily: String
    /// The canvas background colour, or `nil` for transparent.
    public var background: RGBColor?
    /// Elements placed inside `<defs>`.
    public var definitions: [SVGElement] = []
    /// The drawing, in painting order.
    public var elements: [SVGElement] = []

    /// Creates an empty document.
    public init(width: Double, height: Double, fontFamily: String = PlotStyle.defaultFontFamily,
        background: RGBColor? = .white)
    {
        self.width = width
        self.height = height
        self.fontFamily = fontFamily
        self.background = background
    }

    /// Appends a drawing element.
    public mutating func append(_ element: SVGElement) { elements.append(element) }
    /// Appends drawing elements.
    public mutating func append(contentsOf newElements: [SVGElement]) { elements.append(contentsOf: newElements) }
    /// Adds a definition (gradient, marker, pattern, clip path).
    public mutating func define(_ element: SVGElement) { definitions.append(element) }

    /// The document as SVG text with an XML declaration.
    /// - Complexity: O(size of the document).
    public func render() -> String {
        var root = SVGElement("svg", [
            "xmlns": "http://www.w3.org/2000/svg",
            "version": "1.1",
        ])
        root.set("width", width)
        root.set("height", height)
        root.set("viewBox", "0 0 \(SVGNumber.format(width)) \(SVGNumber.format(height))")
        root.set("font-family", fontFamily)
        if !definitions.isEmpty { root.append(SVGElement("defs", children: definitions)) }
        if let background {
            root.append(SVGElement("rect", ["x": "0", "y": "0", "width": "100%", "height": "100%",
                "fill": background.hex]))
        }
        root.append(contentsOf: elements)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.render()
    }
}
