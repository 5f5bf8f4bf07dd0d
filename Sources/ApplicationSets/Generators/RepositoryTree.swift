import Foundation

/// The directories and files of a checkout, by repository-relative path, leaving out anything under
/// a name starting with `.` (`.git`, `.github`), as upstream's directory generator does, and
/// symbolic links.
enum RepositoryTree {
    /// Every directory, at any depth, sorted.
    static func directories(in root: URL) -> [String] {
        walk(root).directories
    }

    /// Every regular file, at any depth, sorted.
    static func files(in root: URL) -> [String] {
        walk(root).files
    }

    private static func walk(_ root: URL) -> (directories: [String], files: [String]) {
        var directories: [String] = [], files: [String] = []
        var pending = [""]
        let manager = FileManager.default
        while let relative = pending.popLast() {
            let url = relative.isEmpty ? root : root.appendingPathComponent(relative)
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : "\(relative)/\(name)"
                // Symbolic links are not followed: one pointing at a parent would never end the walk,
                // and one pointing outside the checkout must not be read.
                guard let type = try? manager.attributesOfItem(atPath: root.appendingPathComponent(path).path)[.type] as? FileAttributeType,
                    type != .typeSymbolicLink
                else { continue }
                if type == .typeDirectory {
                    directories.append(path)
                    pending.append(path)
                } else {
                    files.append(path)
                }
            }
        }
        return (directories.sorted(), files.sorted())
    }
}
