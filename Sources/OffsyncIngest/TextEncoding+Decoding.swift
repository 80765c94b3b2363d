import OffsyncModel
import OffsyncSpec

extension TextEncoding {
    /// Decodes bytes to text; nil when UTF-8 bytes are not valid UTF-8 (single-byte encodings
    /// always decode).
    func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        switch self {
        case .utf8:
            return String(validating: bytes, as: UTF8.self)
        case .iso88591:
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case .windows1252:
            // Pure ASCII is the common case and needs no table.
            if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                if byte >= 0x80 && byte < 0xA0 {
                    scalars.append(Unicode.Scalar(windows1252High[Int(byte - 0x80)]) ?? Unicode.Scalar(byte))
                } else {
                    scalars.append(Unicode.Scalar(byte))
                }
            }
            return String(scalars)
        }
    }
}

extension TextEncoding {
    /// Appends single-byte text (Windows-1252, ISO-8859-1) to `text` as UTF-8.
    func transcode(_ bytes: UnsafeBufferPointer<UInt8>, to text: inout Growable<UInt8>) {
        text.reserve(bytes.count * 3)
        for byte in bytes {
            if byte < 0x80 {
                text.append(byte)
                continue
            }
            let scalar = self == .windows1252 && byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(scalar)!) { text.append($0) }
        }
    }
}

/// Windows-1252 0x80...0x9F; the five unassigned bytes keep their C1 code points (as WHATWG does).
private let windows1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
]
