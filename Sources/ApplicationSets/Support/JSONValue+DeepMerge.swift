import KubeModel

extension JSONValue {
    /// `overlay` laid over this value: objects merge member by member (recursively), anything else in
    /// `overlay` replaces what is here. Used for per-generator templates over the main template and for
    /// combining goTemplate parameter sets, where upstream merges with override.
    func merging(_ overlay: JSONValue) -> JSONValue {
        guard case .object(var members) = self, case .object(let overlayMembers) = overlay else { return overlay }
        for (key, value) in overlayMembers {
            members[key] = members[key].map { $0.merging(value) } ?? value
        }
        return .object(members)
    }

    /// The text a parameter stands for in fasttemplate mode: strings as they are, anything else as JSON.
    var parameterText: String {
        if case .string(let text) = self { return text }
        return JSONWriter.string(self)
    }
}
