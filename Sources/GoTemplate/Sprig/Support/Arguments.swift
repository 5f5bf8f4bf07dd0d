/// Typed access to arguments the engine has already checked against a function's signature, so that
/// function bodies read like their Go signatures.
extension Array where Element == GoValue {
    /// The argument at `index` declared `string`.
    func string(_ index: Int) -> String {
        if case .string(let string) = self[index] { return string }
        return ""
    }

    /// The argument at `index` declared `int`.
    func int(_ index: Int) -> Int {
        Int(self[index].integerValue ?? 0)
    }

    /// The argument at `index` declared `bool`.
    func bool(_ index: Int) -> Bool {
        if case .bool(let bool) = self[index] { return bool }
        return false
    }

    /// The argument at `index` declared `map[string]interface{}`; nil for a nil map.
    func map(_ index: Int) -> GoMap? {
        if case .map(let map) = self[index] { return map }
        return nil
    }

    /// The elements of the argument at `index` declared `[]interface{}`; nil for a nil slice.
    func list(_ index: Int) -> [GoValue]? {
        if case .list(let list) = self[index] { return list.elements }
        return nil
    }
}
