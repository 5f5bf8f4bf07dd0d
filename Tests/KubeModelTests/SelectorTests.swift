import KubeModel
import Testing

struct SelectorTests {
    private let web: [String: String] = ["app": "web", "tier": "frontend", "canary": "true"]
    private let api: [String: String] = ["app": "api", "tier": "backend"]

    @Test(arguments: [
        ("app=web", true, false),
        ("app==web", true, false),
        ("app!=web", false, true),
        ("tier in (frontend, edge)", true, false),
        ("tier notin (frontend)", false, true),
        ("canary", true, false),
        ("!canary", false, true),
        ("app in (web,api),!missing", true, true),
        ("app=web,tier=backend", false, false),
        ("", true, true),
        ("missing notin (x)", true, true),
        ("missing!=x", true, true),
    ])
    func stringSelectorsMatchLikeKubernetes(selector: String, matchesWeb: Bool, matchesAPI: Bool) throws {
        let parsed = try LabelSelector(parsing: selector)
        #expect(parsed.matches(web) == matchesWeb)
        #expect(parsed.matches(api) == matchesAPI)
    }

    @Test func printsTheCanonicalForm() throws {
        #expect(try LabelSelector(parsing: "a in (x, y) , !b,c==d").description == "a in (x,y),!b,c=d")
    }

    @Test(arguments: ["app=", "tier in frontend", "app in (a", "=x", "a b", "-bad=x", "app=web,"])
    func malformedSelectorsAreRejected(selector: String) {
        if selector == "app=" {
            // An empty value is allowed: it selects objects whose label is the empty string.
            #expect(throws: Never.self) { try LabelSelector(parsing: selector) }
            return
        }
        #expect(throws: SelectorError.self) { try LabelSelector(parsing: selector) }
    }

    @Test func objectFormCombinesMatchLabelsAndExpressions() throws {
        let selector = try LabelSelector(
            json: [
                "matchLabels": ["app": "web"],
                "matchExpressions": [["key": "tier", "operator": "In", "values": ["frontend"]], ["key": "legacy", "operator": "DoesNotExist"]],
            ])
        #expect(selector.matches(web))
        #expect(!selector.matches(api))
        #expect(throws: SelectorError.self) {
            try LabelSelector(json: ["matchExpressions": [["key": "tier", "operator": "Among", "values": ["a"]]]])
        }
    }

    @Test func fieldSelectorsReadDottedPaths() throws {
        let pod: JSONValue = ["metadata": ["name": "p1", "namespace": "default"], "status": ["phase": "Running"]]
        #expect(try FieldSelector(parsing: "metadata.name=p1,status.phase!=Pending").matches(pod))
        #expect(try !FieldSelector(parsing: "metadata.namespace==kube-system").matches(pod))
        #expect(try FieldSelector(parsing: "spec.nodeName=").matches(pod))
        #expect(try FieldSelector(parsing: "metadata.name=a,status.phase=b").fields == ["metadata.name", "status.phase"])
        #expect(throws: SelectorError.self) { try FieldSelector(parsing: "metadata.name") }
    }
}
