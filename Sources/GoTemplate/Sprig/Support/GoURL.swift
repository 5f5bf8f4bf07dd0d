/// The parts of Go's `net/url.URL` that Sprig's `urlParse` and `urlJoin` expose.
struct GoURL {
    var scheme = ""
    var opaque = ""
    var userinfo = ""
    var host = ""
    var path = ""
    var rawQuery = ""
    var fragment = ""

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// `url.Parse`.
    static func parse(_ raw: String) throws(ParseError) -> GoURL {
        var url = GoURL()
        var rest = Substring(raw)
        if let hash = rest.firstIndex(of: "#") {
            url.fragment = unescape(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
        }
        if let colon = rest.firstIndex(of: ":"), colon != rest.startIndex {
            let candidate = rest[..<colon]
            if candidate.first!.isLetter && candidate.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) {
                url.scheme = candidate.lowercased()
                rest = rest[rest.index(after: colon)...]
            }
        } else if rest.first == ":" {
            throw ParseError(description: "parse \(GoQuote.quote(raw)): missing protocol scheme")
        }
        if let question = rest.firstIndex(of: "?") {
            url.rawQuery = String(rest[rest.index(after: question)...])
            rest = rest[..<question]
        }
        if !url.scheme.isEmpty && !rest.hasPrefix("/") {
            url.opaque = String(rest)
            return url
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            var authority = rest[..<end]
            if let at = authority.lastIndex(of: "@") {
                url.userinfo = String(authority[..<at])
                authority = authority[authority.index(after: at)...]
            }
            url.host = String(authority)
            rest = rest[end...]
        }
        url.path = unescape(rest)
        return url
    }

    /// `URL.Hostname()`: the host without port or IPv6 brackets.
    var hostname: String {
        if host.hasPrefix("["), let close = host.firstIndex(of: "]") {
            return String(host[host.index(after: host.startIndex)..<close])
        }
        if let colon = host.lastIndex(of: ":") { return String(host[..<colon]) }
        return host
    }

    /// `URL.String()`.
    var string: String {
        var result = ""
        if !scheme.isEmpty { result += scheme + ":" }
        if !opaque.isEmpty {
            result += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || !userinfo.isEmpty {
                if !host.isEmpty || !path.isEmpty || !userinfo.isEmpty { result += "//" }
                if !userinfo.isEmpty { result += userinfo + "@" }
                result += host
            }
            if !path.isEmpty && !path.hasPrefix("/") && !host.isEmpty { result += "/" }
            result += Escaping.escape(path, spaceAsPlus: false) { byte in
                Escaping.isUnreserved(byte) || "$&+,/:;=@".utf8.contains(byte)
            }
        }
        if !rawQuery.isEmpty { result += "?" + rawQuery }
        if !fragment.isEmpty {
            result += "#" + Escaping.escape(fragment, spaceAsPlus: false) { byte in
                Escaping.isUnreserved(byte) || "$&+,/:;=@!()*?".utf8.contains(byte)
            }
        }
        return result
    }

    private static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count, let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
