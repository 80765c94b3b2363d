import Foundation
import OffsyncModel
import OffsyncSpec

extension Comparison {
    /// The value as this comparison sees it: equal results link. Latin text, most of any
    /// export, stays in the standard library; other scripts go through Foundation's Unicode
    /// normalization and case folding, which is slow enough to be kept to the text that needs it.
    public func normalize(_ text: String) -> String {
        switch self {
        case .digitsOnly:
            return String(text.unicodeScalars.compactMap { scalar -> Character? in
                guard let digit = Character(scalar).wholeNumberValue, (0...9).contains(digit) else { return nil }
                return Character(String(digit))
            })
        case .exact:
            return Self.isNFCLatin(text) ? text : text.precomposedStringWithCanonicalMapping
        case .caseInsensitive, .email:
            let trimmed = text.trimmedWhitespace
            if Self.isNFCLatin(trimmed) { return trimmed.lowercased() }
            let composed = trimmed.precomposedStringWithCanonicalMapping
            return self == .email ? composed.lowercased() : composed.folding(options: [.caseInsensitive], locale: nil)
        }
    }

    /// Text below U+0300 is already in NFC, and there full case folding is lowercasing, except
    /// for the few letters that fold to something else (ß → ss, µ → μ, ſ → s, İ, ŉ, ǰ).
    static func isNFCLatin(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.value < 0x300 && ![0xB5, 0xDF, 0x130, 0x149, 0x17F, 0x1F0].contains(scalar.value)
        }
    }
}
