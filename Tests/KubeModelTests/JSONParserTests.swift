import KubeModel
import Testing

struct JSONParserTests {
    @Test func keepsKeyOrderAndNumberLiterals() throws {
        let text = #"{"zeta":1,"alpha":1.0,"mid":-0.5e10,"big":123456789012345678901234567890,"max":9223372036854775807}"#
        let value = try JSONParser.parse(text)
        #expect(Array(value.objectValue!.keys) == ["zeta", "alpha", "mid", "big", "max"])
        #expect(JSONWriter.string(value) == text)
        #expect(value["zeta"]?.int64Value == 1)
        #expect(value["alpha"]?.numberValue?.isInteger == false)
        #expect(value["max"]?.int64Value == Int64.max)
        #expect(value["big"]?.int64Value == nil)
    }

    @Test func numbersCompareByValueButKeepTheirText() throws {
        let one = try JSONParser.parse("1")
        let onePointZero = try JSONParser.parse("1.0")
        #expect(one == onePointZero)
        #expect(!one.isIdentical(to: onePointZero))
        let bigA = try JSONParser.parse("12345678901234567890123")
        let bigB = try JSONParser.parse("12345678901234567890124")
        #expect(bigA != bigB)
    }

    @Test func decodesEscapesAndUnicode() throws {
        let value = try JSONParser.parse(#"["a\"b\\c\/d\n\t", "\u00e9\ud83d\ude80", "plain ü"]"#)
        #expect(value == ["a\"b\\c/d\n\t", "é🚀", "plain ü"])
        let written = JSONWriter.string(value)
        #expect(try JSONParser.parse(written) == value)
    }

    @Test func objectsCompareWithoutOrder() throws {
        #expect(try JSONParser.parse(#"{"a":1,"b":[1,2]}"#) == JSONParser.parse(#"{"b":[1,2],"a":1}"#))
        #expect(try JSONParser.parse("[1,2]") != JSONParser.parse("[2,1]"))
    }

    @Test(arguments: [
        (#"{"a":1,}"#, 1, 8, "expected a quoted object key"),
        ("{\n  \"a\": tru\n}", 2, 8, "expected a JSON value"),
        (#"{"a":1}x"#, 1, 8, "after the end"),
        (#"{"a":1,"a":2}"#, 1, 8, "duplicate key \"a\""),
        ("[01]", 1, 3, "leading zeros"),
        (#""abc"#, 1, 5, "unterminated string"),
    ])
    func malformedInputNamesLineAndColumn(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? DocumentError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    @Test func prettyOutputMatchesKubectlLayout() throws {
        let value = try JSONParser.parse(#"{"a":{"b":[1,{"c":"d"}],"e":{}},"f":[]}"#)
        let expected = """
            {
                "a": {
                    "b": [
                        1,
                        {
                            "c": "d"
                        }
                    ],
                    "e": {}
                },
                "f": []
            }
            """
        #expect(JSONWriter.string(value, style: .pretty(indent: 4)) == expected)
    }
}
