public import KubeModel

/// Compares desired objects (from Git) with live ones (from the cluster).
///
/// The comparison predicts what the live object would become if the desired one were applied with
/// client-side apply — a three-way merge of the last applied configuration, the desired object and the
/// live object — and compares that prediction with the live object. Fields only the server sets
/// (defaults, status, bookkeeping) therefore never count as differences, which is what keeps an object
/// Synced right after it was applied.
public enum Differ {
    /// Compares one object.
    /// - Parameters:
    ///   - desired: The object as declared; nil when it is no longer declared (it would be pruned).
    ///   - live: The object in the cluster; nil when it does not exist yet.
    ///   - options: Normalisation settings.
    public static func diff(desired: JSONValue?, live: JSONValue?, options: DiffOptions = DiffOptions()) throws(PatchError) -> DiffResult {
        switch (desired, live) {
        case (nil, nil):
            return DiffResult(modified: false, normalizedLive: .null, predictedLive: .null)
        case (let desired?, nil):
            return DiffResult(modified: true, normalizedLive: .null, predictedLive: options.normalize(desired))
        case (nil, let live?):
            return DiffResult(modified: true, normalizedLive: options.normalize(live), predictedLive: .null)
        case (let desired?, let live?):
            let predicted = try predictLive(desired: desired, live: live)
            let normalizedLive = options.normalize(live)
            let predictedLive = options.normalize(predicted)
            return DiffResult(modified: normalizedLive != predictedLive, normalizedLive: normalizedLive, predictedLive: predictedLive)
        }
    }

    /// What `live` becomes when `desired` is applied with client-side apply.
    public static func predictLive(desired: JSONValue, live: JSONValue) throws(PatchError) -> JSONValue {
        let original = lastApplied(in: live) ?? desired
        let gvk = GroupVersionKind(
            apiVersion: desired["apiVersion"]?.stringValue ?? "", kind: desired["kind"]?.stringValue ?? "")
        do throws(PatchError) {
            let patch = try StrategicMergePatch.createThreeWayPatch(original: original, modified: desired, current: live, gvk: gvk)
            return try StrategicMergePatch.apply(patch, to: live, gvk: gvk)
        } catch {
            // Custom resources have no strategic schema; kubectl applies them with a JSON merge patch.
            guard error.isUnsupported else { throw error }
            return MergePatch.apply(MergePatch.createThreeWay(original: original, modified: desired, current: live), to: live)
        }
    }

    /// The configuration recorded by the last client-side apply, if the annotation holds valid JSON.
    static func lastApplied(in live: JSONValue) -> JSONValue? {
        guard let text = live[path: ["metadata", "annotations", WellKnownAnnotations.lastAppliedConfiguration]]?.stringValue,
            let value = try? JSONParser.parse(text), value.objectValue != nil
        else { return nil }
        return value
    }
}
