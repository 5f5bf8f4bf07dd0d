public import GoTemplate

/// Combining user-supplied values as Helm does for `-f` files and `--set`: later sources win and maps
/// merge key by key.
public enum HelmValues {
    /// Merges `override` into `base` in place.
    public static func merge(_ base: GoMap, with override: GoMap) {
        ValuesCoalescer.merge(base, with: override)
    }
}
