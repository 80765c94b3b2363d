import Foundation

extension StringProtocol {
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

    /// Lines without their `\n` or `\r\n` ends (`"\r\n"` is one `Character` in Swift).
    func splitLines() -> [Substring] {
        String(self).split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}
