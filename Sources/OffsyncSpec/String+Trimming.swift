extension String {
    /// The text without leading and trailing white space (Unicode's White_Space property:
    /// spaces, tabs, line ends), in the standard library: Foundation's `trimmingCharacters`
    /// bridges through NSString, once per value linked or compared and per line of a document.
    public var trimmedWhitespace: String {
        // Most values start and end with a visible ASCII character: nothing to look up.
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) {
            return self
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}

extension Substring {
    /// The text without leading and trailing white space, as `String.trimmedWhitespace`.
    public var trimmedWhitespace: String { String(self).trimmedWhitespace }
}
