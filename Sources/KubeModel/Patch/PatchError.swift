/// A patch that could not be applied or created. The message names the patch type, the path in the
/// document and what to do.
public struct PatchError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Code: Sendable, Equatable {
        case malformed
        case pathNotFound
        case testFailed
        case invalidTarget
        case unsupported
    }

    private let code: Code
    /// The patch type: `json`, `merge` or `strategic`.
    public let patchType: String
    /// The place in the document (a JSON pointer or dotted path); empty for the whole document.
    public let path: String
    /// What is wrong, in words a user can act on.
    public let message: String

    private init(_ code: Code, patchType: String, path: String, message: String) {
        self.code = code
        self.patchType = patchType
        self.path = path
        self.message = message
    }

    /// The patch document itself is not valid for its type (wrong shape, unknown op, bad directive).
    public static func malformed(_ patchType: String, path: String = "", _ message: String) -> PatchError {
        PatchError(.malformed, patchType: patchType, path: path, message: message)
    }

    /// A path the patch refers to does not exist in the document.
    public static func pathNotFound(_ patchType: String, path: String, _ message: String) -> PatchError {
        PatchError(.pathNotFound, patchType: patchType, path: path, message: message)
    }

    /// A JSON patch `test` operation found a different value.
    public static func testFailed(path: String, _ message: String) -> PatchError {
        PatchError(.testFailed, patchType: "json", path: path, message: message)
    }

    /// The document has a type at `path` that the patch cannot operate on.
    public static func invalidTarget(_ patchType: String, path: String, _ message: String) -> PatchError {
        PatchError(.invalidTarget, patchType: patchType, path: path, message: message)
    }

    /// The operation is not supported for this document (for example strategic merge on a custom resource).
    public static func unsupported(_ patchType: String, path: String = "", _ message: String) -> PatchError {
        PatchError(.unsupported, patchType: patchType, path: path, message: message)
    }

    /// Whether this is a failed JSON patch `test` operation.
    public var isTestFailure: Bool { code == .testFailed }

    /// Whether the patch could not be applied because the operation is unsupported for the document.
    public var isUnsupported: Bool { code == .unsupported }

    /// One line: `<type> patch: at <path>: <message>`.
    public var description: String {
        path.isEmpty ? "\(patchType) patch: \(message)" : "\(patchType) patch: at \(path): \(message)"
    }
}
