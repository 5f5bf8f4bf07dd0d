/// Whether live state matches Git (upstream's `SyncStatusCode`).
public enum SyncStatusCode: String, Sendable, Codable {
    case synced = "Synced"
    case outOfSync = "OutOfSync"
    case unknown = "Unknown"
}
