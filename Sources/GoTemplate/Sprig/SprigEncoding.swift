/// Sprig's base64 and base32 encodings; decoding failures return Go's error text as the result.
enum SprigEncoding {
    static let functions: [GoFunction] = [
        GoFunction("b64enc", [.string]) { a, _ in .string(Base64.encode(Array(a.string(0).utf8))) },
        GoFunction("b64dec", [.string]) { a, _ in
            switch Base64.decode(a.string(0)) {
            case .success(let bytes): .string(String(decoding: bytes, as: UTF8.self))
            case .failure(let error): .string("illegal base64 data at input byte \(error.offset)")
            }
        },
        GoFunction("b32enc", [.string]) { a, _ in .string(Base32.encode(Array(a.string(0).utf8))) },
        GoFunction("b32dec", [.string]) { a, _ in
            switch Base32.decode(a.string(0)) {
            case .success(let bytes): .string(String(decoding: bytes, as: UTF8.self))
            case .failure(let error): .string("illegal base32 data at input byte \(error.offset)")
            }
        },
    ]
}
