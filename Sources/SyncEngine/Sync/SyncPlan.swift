public import KubeModel

/// The tasks of one sync, decided without I/O from the desired objects, the live ones and the
/// options: hooks in their phases, resources in the Sync phase, prunes of what left Git.
public struct SyncPlan: Sendable {
    /// A resource that is not synced, and why (reported as `PruneSkipped` or skipped).
    public struct Skipped: Sendable, Equatable {
        public var key: ResourceKey
        public var reason: String
    }

    /// The tasks in the order they run.
    public var tasks: [SyncTask]
    /// Resources left alone, with the reason.
    public var skipped: [Skipped]

    /// Plans a sync.
    /// - Parameters:
    ///   - desired: The desired objects (resources and hooks).
    ///   - live: The application's live resources by key.
    ///   - options: The application's sync options.
    ///   - prune: Whether resources that left Git are deleted.
    ///   - selection: Only these resources (a selective sync); nil for all.
    ///   - outOfSync: The resources that differ from Git, for `ApplyOutOfSyncOnly`.
    public init(
        desired: [KubeObject], live: [ResourceKey: KubeObject], options: SyncOptions, prune: Bool, selection: Set<ResourceKey>? = nil,
        outOfSync: Set<ResourceKey>? = nil
    ) {
        var tasks: [SyncTask] = []
        var skipped: [Skipped] = []
        var desiredKeys: Set<ResourceKey> = []
        for object in desired {
            let key = object.key
            let effective = options.merged(with: object)
            let hooks = HookType.of(object.content)
            if !hooks.isEmpty {
                for hook in hooks {
                    guard let phase = SyncPhase(rawValue: hook.rawValue) else { continue }
                    tasks.append(SyncTask(key: key, phase: phase, wave: SyncTask.wave(of: object), target: object, live: live[key], isHook: true, options: effective))
                }
                continue
            }
            desiredKeys.insert(key)
            if let selection, !selection.contains(key) { continue }
            if effective.applyOutOfSyncOnly, let outOfSync, !outOfSync.contains(key) { continue }
            tasks.append(SyncTask(key: key, phase: .sync, wave: SyncTask.wave(of: object), target: object, live: live[key], isHook: false, options: effective))
        }
        var pruneLast: [SyncTask] = []
        // Live hooks are never pruned: their delete policies decide when they go (and a resumed sync
        // finds the hooks it started among the live objects).
        for (key, object) in live.sorted(by: { $0.key < $1.key }) where !desiredKeys.contains(key) && HookType.of(object.content).isEmpty {
            if let selection, !selection.contains(key) { continue }
            let effective = options.merged(with: object)
            if !prune || effective.pruneDisabled {
                skipped.append(Skipped(key: key, reason: prune ? "ignored (no prune)" : "ignored (requires pruning)"))
                continue
            }
            let task = SyncTask(key: key, phase: .sync, wave: SyncTask.wave(of: object), target: nil, live: object, isHook: false, options: effective)
            if effective.pruneLast { pruneLast.append(task) } else { tasks.append(task) }
        }
        // Prunes undo creation, so they go in the reverse order of their waves: the waves that prunes
        // occupy are mirrored (the first prune wave takes the last's place and so on), as upstream does.
        let pruneWaves = Set(tasks.filter(\.isPrune).map(\.wave)).sorted()
        let mirrored = Dictionary(uniqueKeysWithValues: zip(pruneWaves, pruneWaves.reversed()))
        for index in tasks.indices where tasks[index].isPrune { tasks[index].wave = mirrored[tasks[index].wave] ?? tasks[index].wave }
        // PruneLast resources go after everything else: one wave past the last.
        let lastWave = (tasks.filter { $0.phase == .sync }.map(\.wave).max() ?? 0) + 1
        tasks += pruneLast.map { task in
            var last = task
            last.wave = lastWave
            return last
        }
        self.tasks = tasks.sorted { $0.runsBefore($1) }
        self.skipped = skipped
    }
}
