/// Sprig's password, key, certificate and AES functions. Deterministic ones compare exactly; random
/// ones by pattern here, and by structure (OpenSSL's view of the keys and certificates, bcrypt
/// verification) in ``CryptoStructureTests``, which looks these cases up by id.
enum CryptoCases {
    static let pem = #"-----BEGIN (?<type>[A-Z ]+)-----\n(?:[A-Za-z0-9+/=]{1,64}\n)+-----END \k<type>-----\n"#

    static let cases: [ConformanceCase] = [
        ConformanceCase("crypto-derivepassword", "{{ derivePassword 1 \"long\" \"password\" \"user\" \"example.com\" }} {{ derivePassword 3 \"maximum\" \"pw\" \"me\" \"wharf.dev\" }} {{ derivePassword 1 \"pin\" \"p\" \"u\" \"s\" }}"),
        ConformanceCase("crypto-derivepassword-unknown-type", "{{ derivePassword 1 \"nope\" \"a\" \"b\" \"c\" }}"),
        ConformanceCase("crypto-bcrypt", "{{ bcrypt \"hello\" }}", .pattern(#"\$2a\$10\$[./A-Za-z0-9]{53}"#)),
        ConformanceCase("crypto-bcrypt-empty-and-long", "[{{ bcrypt \"\" | len }}] {{ bcrypt (repeat 72 \"a\") | len }} {{ bcrypt (repeat 73 \"a\") }}"),
        ConformanceCase("crypto-htpasswd", "{{ htpasswd \"user\" \"pa:ss wörd\" }}", .pattern(#"user:\$2a\$10\$[./A-Za-z0-9]{53}"#)),
        ConformanceCase("crypto-htpasswd-bad-user", "{{ htpasswd \"a:b\" \"x\" }}"),
        ConformanceCase("crypto-decryptaes-helm-ciphertext", "{{ decryptAES \"secretkey\" \"5d1tFZ9b6y1UJibe2pnzGDJG4W2VVz1AqXQxX2e2nkQ=\" }}"),
        ConformanceCase("crypto-aes-round-trip", "{{ encryptAES \"k\" \"some text\" | decryptAES \"k\" }}|{{ encryptAES (repeat 40 \"long key \") \"exactly sixteen!\" | decryptAES (repeat 40 \"long key \") }}|{{ encryptAES \"k\" \"\" }}|{{ decryptAES \"k\" \"\" }}"),
        ConformanceCase("crypto-encryptaes", "{{ encryptAES \"secretkey\" \"plaintext\" }}", .pattern("[A-Za-z0-9+/]{43}=")),
        ConformanceCase("crypto-decryptaes-short", "{{ decryptAES \"k\" \"YWJj\" }}"),
        ConformanceCase("crypto-decryptaes-partial-block", "{{ decryptAES \"k\" \"MDEyMzQ1Njc4OWFiY2RlZjAxMg==\" }}"),
        ConformanceCase("crypto-decryptaes-iv-only", "{{ decryptAES \"k\" \"MDEyMzQ1Njc4OWFiY2RlZg==\" }}"),
        ConformanceCase("crypto-decryptaes-bad-base64", "{{ decryptAES \"k\" \"!!\" }}"),
        ConformanceCase("crypto-decryptaes-wrong-key", "{{ decryptAES \"wrongkey\" \"5d1tFZ9b6y1UJibe2pnzGDJG4W2VVz1AqXQxX2e2nkQ=\" }}"),
        ConformanceCase("crypto-genprivatekey", "{{ genPrivateKey \"rsa\" }}{{ genPrivateKey \"ecdsa\" }}{{ genPrivateKey \"ed25519\" }}", .pattern("(?:\(pem)){3}")),
        ConformanceCase("crypto-genprivatekey-unknown", "{{ genPrivateKey \"foo\" }}"),
        ConformanceCase(
            "crypto-ca-and-signed-cert",
            "{{ $ca := genCA \"my-ca\" 365 }}{{ $c := genSignedCert \"svc.example\" (list \"10.0.0.1\" \"::1\" \"::ffff:1.2.3.4\") (list \"a.example\" \"b.example\") 30 $ca }}{{ $ca.Cert }}{{ $ca.Key }}{{ $c.Cert }}{{ $c.Key }}",
            .pattern("(?:\(pem)){4}")),
        ConformanceCase("crypto-self-signed-cert", "{{ $c := genSelfSignedCert \"\" nil (list \"x.example\") 1 }}{{ $c.Cert }}{{ $c.Key }}", .pattern("(?:\(pem)){2}")),
        ConformanceCase(
            "crypto-certs-with-keys",
            "{{ $k := genPrivateKey \"ecdsa\" }}{{ $e := genPrivateKey \"ed25519\" }}{{ $ca := genCAWithKey \"ec-ca\" 10 $k }}{{ $s := genSelfSignedCertWithKey \"ed\" (list \"1.2.3.4\") nil 5 $e }}{{ $c := genSignedCertWithKey \"leaf\" nil (list \"l.example\") 3 $ca $e }}{{ $ca.Cert }}{{ $ca.Key }}{{ $s.Cert }}{{ $c.Cert }}{{ $c.Key }}",
            .pattern("(?:\(pem)){5}")),
        ConformanceCase("crypto-build-custom-cert", "{{ $ca := genCA \"x\" 1 }}{{ $b := buildCustomCert ($ca.Cert | b64enc) ($ca.Key | b64enc) }}{{ eq $b.Cert $ca.Cert }} {{ eq $b.Key $ca.Key }} {{ typeOf $b }} {{ kindOf $b }} {{ keys ($b | toJson | fromJson) | sortAlpha }}"),
        ConformanceCase("crypto-build-custom-cert-bad", "{{ buildCustomCert \"YWJj\" \"YWJj\" }}"),
        ConformanceCase("crypto-build-custom-cert-not-base64", "{{ buildCustomCert \"%%\" \"YWJj\" }}"),
        ConformanceCase("crypto-cert-bad-key", "{{ genCAWithKey \"x\" 1 \"garbage\" }}"),
        ConformanceCase("crypto-cert-wrong-block", "{{ genCAWithKey \"x\" 1 \"-----BEGIN CERTIFICATE-----\\nYWJj\\n-----END CERTIFICATE-----\\n\" }}"),
        ConformanceCase("crypto-cert-ip-not-string", "{{ genSelfSignedCert \"x\" (list 1) nil 1 }}"),
        ConformanceCase("crypto-cert-bad-ip", "{{ genSelfSignedCert \"x\" (list \"1.2.3\") nil 1 }}"),
        ConformanceCase("crypto-cert-dns-not-string", "{{ genSelfSignedCert \"x\" nil (list true) 1 }}"),
        ConformanceCase("crypto-signed-cert-wrong-ca-type", "{{ genSignedCert \"x\" nil nil 1 (dict \"Cert\" \"a\") }}", .bothFail),
        ConformanceCase("crypto-cert-days-from-values", "{{ genCA \"x\" .Values.days }}", values: #"{"days": 3}"#),
    ]
}
