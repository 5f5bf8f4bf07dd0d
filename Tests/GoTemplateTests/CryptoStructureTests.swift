import Foundation
import GoTemplate
import Testing

/// Keys and certificates from Sprig's random functions, checked by structure: each PEM block Wharf
/// writes must look to OpenSSL exactly like the one Helm writes for the same template (same ASN.1
/// shape, object identifiers, names and extensions; only serials, keys, signatures and dates differ),
/// certificates must verify against the CA that signed them, bcrypt hashes must verify with Python's
/// `bcrypt`, and Wharf must decrypt what Helm encrypted.
@Suite("Crypto functions match Helm by structure", .enabled(if: HelmReference.isAvailable && OpenSSL.isAvailable, "needs helm-python-sdk in .venv and openssl"))
struct CryptoStructureTests {
    private func outputs(_ id: String) throws -> (helm: String, wharf: String) {
        let testCase = try #require(CryptoCases.cases.first { $0.id == id })
        let helm = try #require(HelmReference.results[id]?.output, "Helm failed: \(HelmReference.results[id]?.error ?? "")")
        return (helm, try Render.helmStyle(testCase.template, values: testCase.values, name: HelmReference.templateName))
    }

    @Test(arguments: ["crypto-genprivatekey", "crypto-ca-and-signed-cert", "crypto-self-signed-cert", "crypto-certs-with-keys"])
    func pemBlocksLookLikeHelms(_ id: String) throws {
        let (helm, wharf) = try outputs(id)
        let helmBlocks = OpenSSL.pemBlocks(helm), wharfBlocks = OpenSSL.pemBlocks(wharf)
        #expect(wharfBlocks.map(\.type) == helmBlocks.map(\.type))
        for (expected, actual) in zip(helmBlocks, wharfBlocks) {
            let structure = try OpenSSL.structure(actual.text), expectedStructure = try OpenSSL.structure(expected.text)
            #expect(structure == expectedStructure, "\(id): \(actual.type) differs: \(structure.difference(from: expectedStructure))")
            if actual.type == "CERTIFICATE" {
                let text = try OpenSSL.certificateText(actual.text), expectedText = try OpenSSL.certificateText(expected.text)
                #expect(text == expectedText, "\(id): certificate differs: \(text.difference(from: expectedText))")
            }
        }
    }

    @Test func signedCertificateVerifiesAgainstItsCA() throws {
        let blocks = OpenSSL.pemBlocks(try outputs("crypto-ca-and-signed-cert").wharf)
        try #require(blocks.count == 4)
        #expect(try OpenSSL.verifies(blocks[2].text, issuedBy: blocks[0].text))
        #expect(try OpenSSL.publicKey(ofCertificate: blocks[0].text) == OpenSSL.publicKey(ofPrivateKey: blocks[1].text))
        #expect(try OpenSSL.publicKey(ofCertificate: blocks[2].text) == OpenSSL.publicKey(ofPrivateKey: blocks[3].text))
    }

    @Test func certificatesSignedWithGivenKeysVerify() throws {
        let blocks = OpenSSL.pemBlocks(try outputs("crypto-certs-with-keys").wharf)
        try #require(blocks.count == 5)
        #expect(try OpenSSL.verifies(blocks[3].text, issuedBy: blocks[0].text))
        #expect(try OpenSSL.publicKey(ofCertificate: blocks[3].text) == OpenSSL.publicKey(ofPrivateKey: blocks[4].text))
        #expect(try OpenSSL.publicKey(ofCertificate: blocks[0].text) == OpenSSL.publicKey(ofPrivateKey: blocks[1].text))
    }

    @Test func bcryptHashesVerifyWithPythonBcrypt() throws {
        let python = try #require(HelmReference.python)
        let hash = try outputs("crypto-bcrypt").wharf
        let htpasswd = try outputs("crypto-htpasswd").wharf
        let entry = try #require(htpasswd.split(separator: ":", maxSplits: 1).last.map(String.init))
        let script = """
            import sys, bcrypt
            checks = [(b"hello", sys.argv[1]), ("pa:ss wörd".encode(), sys.argv[2]), (b"hellO", sys.argv[1])]
            print(" ".join(str(bcrypt.checkpw(password, hashed.encode())) for password, hashed in checks))
            """
        let result = try Command.run(python, ["-c", script, hash, entry])
        #expect(result == "True True False\n", "python bcrypt: \(result)")
    }

    @Test func decryptsWhatHelmEncrypted() throws {
        let ciphertext = try outputs("crypto-encryptaes").helm
        #expect(try Render.helmStyle("{{ decryptAES \"secretkey\" .Values.c }}", values: "{\"c\": \"\(ciphertext)\"}") == "plaintext")
    }
}
