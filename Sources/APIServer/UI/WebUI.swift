import Crypto
import Foundation
import HTTPTypes

/// The dashboard: hand-written HTML, CSS and JavaScript modules compiled into the binary (SwiftPM
/// `embedInCode` resources), so the server needs no files beside it and the UI has no build step.
/// `/assets/NAME` serves a file; every other page path serves `index.html`, whose script routes
/// in the browser (`/applications/guestbook` can be bookmarked and reloaded).
enum WebUI {
    /// One embedded file.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
        /// A strong validator from the content, so that browsers revalidate cheaply.
        var etag: String

        init(_ bytes: [UInt8], contentType: String) {
            self.bytes = bytes
            self.contentType = contentType
            etag = "\"" + SHA256.hash(data: bytes).prefix(12).map { String(format: "%02x", $0) }.joined() + "\""
        }
    }

    /// Scripts and styles only from this server, never inline: an injected string cannot run.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

    /// The files, by name under `/assets/`.
    static let assets: [String: Asset] = {
        var table: [String: Asset] = [:]
        for (name, bytes) in EmbeddedAssets.files {
            table[name] = Asset(bytes, contentType: contentType(of: name))
        }
        return table
    }()

    static func contentType(of name: String) -> String {
        switch name.split(separator: ".").last {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "json": "application/json"
        default: "application/octet-stream"
        }
    }

    /// Whether `path` belongs to the UI rather than the API (which answers JSON errors for unknown paths).
    static func serves(_ path: String) -> Bool {
        !(path.hasPrefix("/api/") || path == "/api" || path.hasPrefix("/auth/") || path == "/swagger.json" || path == "/healthz" || path == "/metrics")
    }

    /// For working on the UI: `WHARF_UI_DIR=Sources/APIServer/UI/Assets` serves the files from
    /// there, read on each request, so a change shows on reload without rebuilding.
    static let developmentDirectory = ProcessInfo.processInfo.environment["WHARF_UI_DIR"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

    static func asset(named name: String) -> Asset? {
        guard let developmentDirectory else { return assets[name] }
        guard !name.contains("/"), !name.hasPrefix("."), let bytes = FileManager.default.contents(atPath: developmentDirectory.appendingPathComponent(name).path) else {
            return nil
        }
        return Asset(Array(bytes), contentType: contentType(of: name))
    }

    /// The answer for a UI path: an asset, or the page for any other path; nil for a missing asset.
    static func response(for path: String, ifNoneMatch: String?) -> APIResponse? {
        let name = path.hasPrefix("/assets/") ? String(path.dropFirst("/assets/".count)) : "index.html"
        guard let asset = asset(named: name) else { return nil }
        var headers: HTTPFields = [.contentType: asset.contentType, .eTag: asset.etag, .cacheControl: "no-cache", .contentSecurityPolicy: contentSecurityPolicy]
        headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        if ifNoneMatch == asset.etag { return APIResponse(status: .notModified, headers: headers, body: []) }
        return APIResponse(status: .ok, headers: headers, body: asset.bytes)
    }
}
