import KubeHealth
import KubeModel

/// Reads a YAML manifest and assesses it, so each test states only the object it is about.
func health(_ yaml: String) throws -> HealthStatus? {
    try HealthAssessor.health(of: YAMLReader.read(yaml))
}
