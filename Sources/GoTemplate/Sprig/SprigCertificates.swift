/// Sprig's key, certificate, password-hash and AES functions. They are declared so that charts using
/// them parse, as with Helm; calling one fails with a clear message until they are implemented.
enum SprigCertificates {
    static let functions: [GoFunction] = [
        ("bcrypt", [.string]), ("htpasswd", [.string, .string]), ("genPrivateKey", [.string]),
        ("derivePassword", [.int, .string, .string, .string, .string]),
        ("buildCustomCert", [.string, .string]), ("genCA", [.string, .int]), ("genCAWithKey", [.string, .int, .string]),
        ("genSelfSignedCert", [.string, .list, .list, .int]), ("genSelfSignedCertWithKey", [.string, .list, .list, .int, .string]),
        ("genSignedCert", [.string, .list, .list, .int, .any]), ("genSignedCertWithKey", [.string, .list, .list, .int, .any, .string]),
        ("encryptAES", [.string, .string]), ("decryptAES", [.string, .string]),
    ].map { (name: String, parameters: [GoParameterType]) in
        GoFunction(name, parameters) { _, _ in
            throw GoFunctionError("\(name) is not supported by Wharf's template engine yet")
        }
    }
}
