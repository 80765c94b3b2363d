import Foundation

extension StringProtocol {
    /// Without surrounding spaces, tabs and line ends.
    var trimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }

    var trimmingTrailingSpaces: String {
        var text = String(self)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        return text
    }

    func trimmingCharacters(_ characters: String) -> String {
        trimmingCharacters(in: CharacterSet(charactersIn: characters))
    }

    /// True for an RST rule line: three or more of one character and nothing else.
    func isRule(_ character: Character) -> Bool {
        let text = trimmingTrailingSpaces
        return text.count >= 3 && text.allSatisfy { $0 == character }
    }

    /// Lines without their `\n` or `\r\n` ends.
    func splitLines() -> [Substring] {
        String(self).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? line.dropLast() : line
        }
    }
}
