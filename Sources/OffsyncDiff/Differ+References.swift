import OffsyncModel
import OffsyncLink
import OffsyncSpec

extension Differ {
    /// How a mapping under `references` translates ids: through the links of the flow that syncs
    /// the referenced dataset into the target system. Its tables are read by every pair on both
    /// cores; a `Translator` is a plain view of them, so reading one retains nothing.
    struct Translator {
        private let tables: Unmanaged<ReferenceTables>

        init(_ tables: ReferenceTables) { self.tables = .passUnretained(tables) }

        /// The id in the target system that a source value names (`linked`), or, where it
        /// names no record linked there, whether it names one this run creates in the target
        /// (`pending`): that resolves once the create is uploaded and acknowledged, so it waits
        /// rather than fails. One lookup answers both.
        @inline(__always)
        func toTarget(_ value: FieldValue?) -> ReferenceTables.Forward {
            tables._withUnsafeGuaranteedRef { $0.forward(value) }
        }

        /// The id in the source system that a target value names.
        @inline(__always)
        func toSource(_ value: FieldValue?) -> FieldValue? {
            tables._withUnsafeGuaranteedRef { $0.backward(value) }
        }

        /// Asks for what `toTarget` reads, from the source value's bytes, ahead of its turn.
        @inline(__always)
        func prefetch(_ bytes: UnsafeBufferPointer<UInt8>?) {
            tables._withUnsafeGuaranteedRef { $0.prefetchForward(bytes) }
        }
    }

    /// The tables of one reference mapping, built once per flow: ids of the referenced dataset's
    /// linked records to their counterparts' ids and back, and the ids it creates.
    func referenceTables(for mapping: PropertyMapping, in flow: BoundFlow) -> ReferenceTables? {
        guard let referenced = flow.references[mapping.source] else { return nil }
        guard let via = allLinks.first(where: { $0.flow.source == referenced && $0.flow.target.system == flow.target.system }),
            let viaSource = datasets[via.flow.source], let viaTarget = datasets[via.flow.target]
        else {
            return ReferenceTables(created: [], linked: [])
        }
        return ReferenceTables(
            created: via.creates.lazy.map { viaSource.records[$0].idKey },
            linked: via.pairs.lazy.map { (viaSource.records[$0.source], viaTarget.records[$0.target]) })
    }
}

/// Record ids to record ids for references, keyed as state keys ids (`RecordID`): integer ids,
/// most exports' ids, in flat tables of open addressing (no `String` made or hashed per value);
/// other ids in dictionaries. Immutable once built.
final class ReferenceTables: @unchecked Sendable {
    struct Forward {
        var linked: FieldValue?
        var pending: Bool
    }

    /// Ids of the referenced dataset's records: linked ones to their place in `targetValues`,
    /// created ones to `pendingCode`.
    private let forwardIDs: RecordIDCodes
    /// Ids of their counterparts to their place in `sourceValues`.
    private let backwardIDs: RecordIDCodes
    /// The values a translation gives, made once: ids of ASCII digits as JSON numbers.
    private let targetValues: [FieldValue]
    private let sourceValues: [FieldValue]
    private static let pendingCode: Int32 = -2

    /// From the ids of the records created and of the linked pairs (source, target); should a
    /// linked record share a created one's id, the link wins.
    init(created: some Collection<RecordID>, linked pairs: some Collection<(source: Record, target: Record)>) {
        var forwardIDs = RecordIDCodes(capacity: created.count + pairs.count)
        var backwardIDs = RecordIDCodes(capacity: pairs.count)
        var targetValues: [FieldValue] = []
        var sourceValues: [FieldValue] = []
        targetValues.reserveCapacity(pairs.count)
        sourceValues.reserveCapacity(pairs.count)
        for id in created { forwardIDs.set(id, Self.pendingCode) }
        for (source, target) in pairs {
            forwardIDs.set(source.idKey, Int32(targetValues.count))
            targetValues.append(Self.value(target.id))
            backwardIDs.set(target.idKey, Int32(sourceValues.count))
            sourceValues.append(Self.value(source.id))
        }
        (self.forwardIDs, self.backwardIDs, self.targetValues, self.sourceValues) = (forwardIDs, backwardIDs, targetValues, sourceValues)
    }

    deinit {
        forwardIDs.deallocate()
        backwardIDs.deallocate()
    }

    @inline(__always)
    func forward(_ value: FieldValue?) -> Forward {
        guard let key = Self.key(value), let code = forwardIDs.code(of: key) else { return Forward(linked: nil, pending: false) }
        return code == Self.pendingCode ? Forward(linked: nil, pending: true) : Forward(linked: targetValues[Int(code)], pending: false)
    }

    @inline(__always)
    func backward(_ value: FieldValue?) -> FieldValue? {
        guard let key = Self.key(value), let code = backwardIDs.code(of: key) else { return nil }
        return sourceValues[Int(code)]
    }

    /// Asks for the place of a source value's id ahead of `forward`, from the value's bytes.
    @inline(__always)
    func prefetchForward(_ bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes, let key = RecordID.plainInteger(bytes) else { return }
        forwardIDs.prefetch(key)
    }

    private static func value(_ id: String) -> FieldValue {
        id.utf8.allSatisfy { (0x30...0x39).contains($0) } ? .number(id) : .string(id)
    }

    /// The id a value names: its text without surrounding white space, keyed as record ids are.
    @inline(__always)
    static func key(_ value: FieldValue?) -> RecordID? {
        guard var text = value?.text else { return nil }
        // Most values start and end with a visible ASCII character: nothing to trim.
        if let key = text.withUTF8({ bytes -> RecordID? in
            guard let first = bytes.first, let last = bytes.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last)
            else { return nil }
            return RecordID(bytes: bytes)
        }) {
            return key
        }
        let trimmed = text.trimmedWhitespace
        return trimmed.isEmpty ? nil : RecordID(trimmed)
    }
}
