public import KubeModel

/// A page of a list, or a whole list.
public struct ObjectList: Sendable {
    /// The objects, each with `apiVersion` and `kind` set (servers leave them out of list items).
    public var items: [KubeObject]
    /// The list's version: watch from here to see every later change.
    public var resourceVersion: String
    /// The token for the next page; nil on the last page.
    public var continueToken: String?
}
