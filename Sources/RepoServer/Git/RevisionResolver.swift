import Foundation
import GoTemplate

/// Turns an Application's `targetRevision` into a commit, from the refs a remote advertises, as Argo CD
/// does: empty or `HEAD` is the default branch, then a branch, then a tag, then a full commit SHA;
/// a semver constraint (`1.2.*`, `>=1.0.0 <2.0.0`, `~1.4`) picks the highest matching tag. A short SHA
/// cannot be resolved from refs: the caller fetches and asks git.
enum RevisionResolver {
    /// What a revision resolved to.
    enum Resolution: Equatable {
        /// A commit.
        case commit(String)
        /// A short SHA (or an unadvertised full one) that only the fetched repository can resolve.
        case needsFetch(String)
    }

    static func resolve(_ revision: String, references: [GitReference]) -> Resolution? {
        let wanted = revision.trimmingCharacters(in: .whitespaces)
        var byName: [String: String] = [:]
        // Annotated tags are advertised twice; the peeled `^{}` line names the commit.
        for reference in references where !reference.name.hasSuffix("^{}") { byName[reference.name] = reference.commit }
        for reference in references where reference.name.hasSuffix("^{}") { byName[String(reference.name.dropLast(3))] = reference.commit }
        if wanted.isEmpty || wanted == "HEAD" { return byName["HEAD"].map(Resolution.commit) }
        for candidate in [wanted, "refs/heads/\(wanted)", "refs/tags/\(wanted)"] {
            if let commit = byName[candidate] { return .commit(commit) }
        }
        if isConstraintSyntax(wanted), let constraint = try? SemverConstraint(wanted) {
            var best: (SemanticVersion, String)?
            for (name, commit) in byName where name.hasPrefix("refs/tags/") {
                guard let version = try? SemanticVersion(String(name.dropFirst("refs/tags/".count))), constraint.check(version) else {
                    continue
                }
                if best == nil || version > best!.0 { best = (version, commit) }
            }
            if let best { return .commit(best.1) }
        }
        if wanted.count >= 4, wanted.count <= 40, wanted.allSatisfy(\.isHexDigit) {
            return wanted.count == 40 ? .commit(wanted.lowercased()) : .needsFetch(wanted.lowercased())
        }
        return nil
    }

    /// Whether the text uses constraint operators or wildcards (so `1.2.0` alone, a tag name, is not one).
    private static func isConstraintSyntax(_ text: String) -> Bool {
        text.contains { "<>=~^*xX|, ".contains($0) }
    }
}
