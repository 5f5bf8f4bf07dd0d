/// A semantic version as Masterminds/semver v3 parses it (`NewVersion`: optional `v`, missing minor
/// and patch default to 0), exposed to templates as `*semver.Version` with its methods.
public struct SemanticVersion: GoObject, GoJSONEncodable, Comparable {
    /// The major version.
    public let major: UInt64
    /// The minor version.
    public let minor: UInt64
    /// The patch version.
    public let patch: UInt64
    /// The pre-release identifiers after `-`, or empty.
    public let prerelease: String
    /// The build metadata after `+`, or empty.
    public let metadata: String
    /// The text the version was parsed from.
    public let original: String

    /// semver's error for text that is not a version.
    public struct InvalidVersion: Error, CustomStringConvertible, Sendable {
        public var description: String { "invalid semantic version" }
    }

    /// Parses a version leniently, as `semver.NewVersion`.
    public init(_ text: String) throws(InvalidVersion) {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        var metadata = ""
        if let plus = rest.firstIndex(of: "+") {
            metadata = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
            guard SemanticVersion.validIdentifiers(metadata, numericLeadingZeroAllowed: true) else { throw InvalidVersion() }
        }
        var prerelease = ""
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
            guard SemanticVersion.validIdentifiers(prerelease, numericLeadingZeroAllowed: false) else { throw InvalidVersion() }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { throw InvalidVersion() }
        let numbers = parts.map { UInt64($0) }
        guard numbers.allSatisfy({ $0 != nil }) else { throw InvalidVersion() }
        major = numbers[0]!
        minor = numbers.count > 1 ? numbers[1]! : 0
        patch = numbers.count > 2 ? numbers[2]! : 0
        self.prerelease = prerelease
        self.metadata = metadata
        original = text
    }

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String = "") {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        metadata = ""
        original = "\(major).\(minor).\(patch)" + (prerelease.isEmpty ? "" : "-" + prerelease)
    }

    private static func validIdentifiers(_ text: String, numericLeadingZeroAllowed: Bool) -> Bool {
        let identifiers = text.split(separator: ".", omittingEmptySubsequences: false)
        return identifiers.allSatisfy { identifier in
            guard !identifier.isEmpty, identifier.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return false }
            if !numericLeadingZeroAllowed && identifier.count > 1 && identifier.first == "0" && identifier.allSatisfy { $0.isASCII && $0.isNumber } { return false }
            return true
        }
    }

    /// The normalised text: `1.2.3-pre+meta`.
    public var string: String {
        var text = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { text += "-" + prerelease }
        if !metadata.isEmpty { text += "+" + metadata }
        return text
    }

    /// semver's `Compare`: -1, 0 or 1, ignoring metadata.
    public func compare(_ other: SemanticVersion) -> Int {
        for (a, b) in [(major, other.major), (minor, other.minor), (patch, other.patch)] where a != b {
            return a < b ? -1 : 1
        }
        if prerelease == other.prerelease { return 0 }
        if prerelease.isEmpty { return 1 }
        if other.prerelease.isEmpty { return -1 }
        let mine = prerelease.split(separator: "."), theirs = other.prerelease.split(separator: ".")
        for (a, b) in zip(mine, theirs) where a != b {
            let aNumber: UInt64? = a.allSatisfy { $0.isASCII && $0.isNumber } ? UInt64(a) : nil
            let bNumber: UInt64? = b.allSatisfy { $0.isASCII && $0.isNumber } ? UInt64(b) : nil
            switch (aNumber, bNumber) {
            case (let x?, let y?): return x < y ? -1 : 1
            case (.some, nil): return -1
            case (nil, .some): return 1
            case (nil, nil): return a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1
            }
        }
        return mine.count == theirs.count ? 0 : (mine.count < theirs.count ? -1 : 1)
    }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { lhs.compare(rhs) < 0 }

    public static func == (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool { lhs.compare(rhs) == 0 && lhs.metadata == rhs.metadata }

    public var goType: GoType { GoType(name: "*semver.Version", kind: .pointer) }

    public var stringValue: String? { string }

    public var jsonValue: GoValue { .string(string) }

    public func isEqual(to other: any GoObject) -> Bool? {
        guard let other = other as? SemanticVersion else { return false }
        return self == other && original == other.original
    }

    public func member(named name: String) -> GoMember? {
        func method(_ parameters: [GoParameterType] = [], _ body: @escaping @Sendable ([GoValue]) throws -> GoValue) -> GoMember {
            .method(GoFunction(name, parameters) { arguments, _ in try body(arguments) })
        }
        let version = self
        @Sendable func other(_ value: GoValue) -> SemanticVersion { (value.objectValue as? SemanticVersion) ?? version }
        let pointer = GoParameterType.object(goType)
        switch name {
        case "Major": return method { _ in .int64(Int64(truncatingIfNeeded: version.major)) }
        case "Minor": return method { _ in .int64(Int64(truncatingIfNeeded: version.minor)) }
        case "Patch": return method { _ in .int64(Int64(truncatingIfNeeded: version.patch)) }
        case "Prerelease": return method { _ in .string(version.prerelease) }
        case "Metadata": return method { _ in .string(version.metadata) }
        case "Original": return method { _ in .string(version.original) }
        case "String": return method { _ in .string(version.string) }
        case "Compare": return method([pointer]) { a in .int(version.compare(other(a[0]))) }
        case "LessThan": return method([pointer]) { a in .bool(version.compare(other(a[0])) < 0) }
        case "GreaterThan": return method([pointer]) { a in .bool(version.compare(other(a[0])) > 0) }
        case "Equal": return method([pointer]) { a in .bool(version.compare(other(a[0])) == 0) }
        case "IncMajor": return method { _ in .object(SemanticVersion(major: version.major + 1, minor: 0, patch: 0)) }
        case "IncMinor": return method { _ in .object(SemanticVersion(major: version.major, minor: version.minor + 1, patch: 0)) }
        case "IncPatch":
            return method { _ in
                .object(version.prerelease.isEmpty ? SemanticVersion(major: version.major, minor: version.minor, patch: version.patch + 1) : SemanticVersion(major: version.major, minor: version.minor, patch: version.patch))
            }
        default: return nil
        }
    }
}

extension GoValue {
    /// The object when the value is one.
    var objectValue: (any GoObject)? {
        if case .object(let object) = self { return object }
        return nil
    }
}
