public import KubeModel

/// Marks desired objects with the application that manages them and reads that back from live
/// objects, the upstream way.
///
/// The tracking id is `<app>:<group>/<kind>:<namespace>/<name>`; a live object whose id names another
/// resource (it was copied, or created from another object's manifest) is not claimed.
public struct ResourceTracking: Sendable {
    /// How resources are tracked.
    public var method: TrackingMethod
    /// The label used by `label` tracking.
    public var instanceLabelKey: String

    /// Tracking with upstream's defaults.
    public init(method: TrackingMethod = .annotation, instanceLabelKey: String = WellKnownLabels.instance) {
        self.method = method
        self.instanceLabelKey = instanceLabelKey
    }

    /// The tracking id of `object` for application `app`.
    public static func trackingID(app: String, key: ResourceKey) -> String {
        "\(app):\(key.group)/\(key.kind):\(key.namespace)/\(key.name)"
    }

    /// `object` marked as managed by `app`.
    public func stamp(_ object: KubeObject, app: String) -> KubeObject {
        var stamped = object
        if method != .label { stamped.setAnnotation(WellKnownAnnotations.trackingID, Self.trackingID(app: app, key: object.key)) }
        if method != .annotation { stamped.setLabel(instanceLabelKey, app) }
        return stamped
    }

    /// The application that manages `object`, or nil.
    public func application(of object: KubeObject) -> String? {
        if method != .label, let id = object.annotation(WellKnownAnnotations.trackingID) {
            guard let separator = id.firstIndex(of: ":") else { return nil }
            let app = String(id[..<separator])
            // An id copied onto another object does not make that object the app's.
            return id == Self.trackingID(app: app, key: object.key) ? app : nil
        }
        if method == .annotation { return nil }
        return object.label(instanceLabelKey)
    }
}
