import Foundation
import OffsyncSpec

extension Comparison {
    /// The value as this comparison sees it: equal results link. ASCII text, most of any export,
    /// takes a byte path; other text goes through Foundation's Unicode normalization and folding.
    public func normalize(_ text: String) -> String {
        switch self {
        case .digitsOnly:
            return String(text.unicodeScalars.compactMap { scalar -> Character? in
                guard let digit = Character(scalar).wholeNumberValue, (0...9).contains(digit) else { return nil }
                return Character(String(digit))
            })
        case .exact:
            return text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
        case .caseInsensitive, .email:
            if let ascii = Self.trimmedLowercaseASCII(text) { return ascii }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
            return self == .email ? trimmed.lowercased() : trimmed.folding(options: [.caseInsensitive], locale: nil)
        }
    }

    /// Trimmed and lowercased when the text is ASCII (where NFC changes nothing and case
    /// folding is lowercasing); nil otherwise.
    static func trimmedLowercaseASCII(_ text: String) -> String? {
        var utf8 = text.utf8[...]
        guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        while let first = utf8.first, isSpace(first) { utf8 = utf8.dropFirst() }
        while let last = utf8.last, isSpace(last) { utf8 = utf8.dropLast() }
        if !utf8.contains(where: { (0x41...0x5A).contains($0) }) && utf8.count == text.utf8.count { return text }
        return String(decoding: utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
