import ClusterTestSupport
import Foundation
import KubeModel
import NIOHTTP1
import Testing

/// The dashboard is served by the API server from files compiled into the binary: pages for any
/// UI path, every asset with its type and a validator, a strict Content-Security-Policy, and no
/// inline script or style anywhere — while the API keeps answering JSON.
@Suite struct WebUITests {
    /// The asset folder in the source tree: everything in it must be served.
    static let assetFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/APIServer/UI/Assets")

    @Test func pagesAndAssetsAreServedWithAStrictPolicy() async throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.assetFolder.path).sorted()
        #expect(files.contains("index.html") && files.contains("main.js"))
        try await APITestServer.with { server in
            // Any page path gets the page (the browser's router takes it from there), logged in or not.
            for path in ["/", "/applications", "/applications/guestbook?view=tree", "/settings/repositories", "/login"] {
                let page = try await server.call(.GET, path)
                #expect(page.status == 200 && page.headers["Content-Type"].first?.hasPrefix("text/html") == true, "\(path): \(page.status)")
                #expect(page.text.contains("<script type=\"module\" src=\"/assets/main.js\"></script>"), "\(page.text.prefix(400))")
                let policy = page.headers["Content-Security-Policy"].first ?? ""
                #expect(policy.contains("script-src 'self'") && policy.contains("style-src 'self'") && !policy.contains("unsafe-inline"), "\(policy)")
            }
            // The API is not shadowed by the page.
            let missing = try await server.call(.GET, "/api/v1/no-such-thing")
            #expect(missing.status == 404 && missing.json["message"]?.stringValue?.contains("no such endpoint") == true)
            #expect(try await server.call(.GET, "/assets/no-such-file.js").status == 404)

            var served: [String: String] = [:]
            for name in files {
                let expected = try Data(contentsOf: Self.assetFolder.appendingPathComponent(name))
                let answer = try await server.call(.GET, "/assets/\(name)")
                #expect(answer.status == 200 && Data(answer.text.utf8) == expected, "\(name) is not served as it is in the source tree")
                let type = answer.headers["Content-Type"].first ?? ""
                if name.hasSuffix(".js") { #expect(type.hasPrefix("text/javascript"), "\(name): \(type)") }
                if name.hasSuffix(".css") { #expect(type.hasPrefix("text/css"), "\(name): \(type)") }
                // Revalidation answers 304 without the body.
                let etag = try #require(answer.headers["ETag"].first)
                #expect(try await server.call(.GET, "/assets/\(name)", headers: [("If-None-Match", etag)]).status == 304)
                served[name] = answer.text
            }

            // Nothing inline that the policy would block (or that would need it loosened).
            let markup = served.filter { $0.key.hasSuffix(".html") }
            for (name, text) in markup {
                #expect(text.range(of: #"<script(?![^>]*\bsrc=)"#, options: .regularExpression) == nil, "\(name) has an inline script")
                #expect(text.range(of: #"\sstyle\s*="#, options: .regularExpression) == nil, "\(name) has a style attribute")
                #expect(text.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(name) has an inline event handler")
            }
            // Every module a script imports is served (a missing file would break the page in the browser).
            for (name, text) in served where name.hasSuffix(".js") {
                for line in text.split(separator: "\n") where line.hasPrefix("import ") || line.hasPrefix("export ") {
                    guard let quote = line.range(of: #"['"]\.?/?(assets/)?[A-Za-z0-9_-]+\.js['"]"#, options: .regularExpression) else { continue }
                    let target = String(line[quote].dropFirst().dropLast()).split(separator: "/").last.map(String.init) ?? ""
                    #expect(served[target] != nil, "\(name) imports \(target), which is not served")
                }
            }
            // The page asks for every module at once (modulepreload) instead of discovering them an
            // import level at a time: a module left out of the list would load late.
            let page = served["index.html"] ?? ""
            for name in served.keys where name.hasSuffix(".js") && name != "main.js" {
                #expect(page.contains("<link rel=\"modulepreload\" href=\"/assets/\(name)\">"), "index.html does not preload \(name)")
            }
        }
    }
}
