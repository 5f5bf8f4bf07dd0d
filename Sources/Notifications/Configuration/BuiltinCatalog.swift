/// The triggers and templates of upstream's notifications catalog that Wharf provides without
/// installing it: a ConfigMap key of the same name replaces the built-in one. The conditions and
/// `oncePer` are upstream's; the messages are Wharf's own wording.
enum BuiltinCatalog {
    static let triggers: [String: String] = [
        "on-sync-succeeded": """
            - description: Application syncing has succeeded
              when: app.status.operationState.phase in ['Succeeded']
              send: [app-sync-succeeded]
            """,
        "on-sync-failed": """
            - description: Application syncing has failed
              when: app.status.operationState.phase in ['Error', 'Failed']
              send: [app-sync-failed]
            """,
        "on-sync-running": """
            - description: Application is being synced
              when: app.status.operationState != nil and app.status.operationState.phase in ['Running']
              send: [app-sync-running]
            """,
        "on-health-degraded": """
            - description: Application has degraded
              when: app.status.health.status == 'Degraded'
              send: [app-health-degraded]
            """,
        "on-deployed": """
            - description: Application is synced and healthy. Triggered once per commit.
              when: app.status.operationState != nil and app.status.operationState.phase in ['Succeeded'] and app.status.health.status == 'Healthy'
              oncePer: app.status.operationState?.syncResult?.revision
              send: [app-deployed]
            """,
        "on-sync-status-unknown": """
            - description: Application status is 'Unknown'
              when: app.status.sync.status == 'Unknown'
              send: [app-sync-status-unknown]
            """,
    ]

    static let templates: [String: String] = [
        "app-sync-succeeded": """
            message: |
              {{if eq .serviceType "slack"}}:white_check_mark:{{end}} {{.app.metadata.name}} synced successfully at {{.app.status.operationState.finishedAt}} (revision {{.app.status.operationState.syncResult.revision}}).
            """,
        "app-sync-failed": """
            message: |
              {{if eq .serviceType "slack"}}:exclamation:{{end}} Syncing {{.app.metadata.name}} failed at {{.app.status.operationState.finishedAt}}: {{.app.status.operationState.message}}
            """,
        "app-sync-running": """
            message: |
              Syncing {{.app.metadata.name}} started at {{.app.status.operationState.startedAt}}.
            """,
        "app-health-degraded": """
            message: |
              {{if eq .serviceType "slack"}}:exclamation:{{end}} {{.app.metadata.name}} is degraded{{with .app.status.health.message}}: {{.}}{{end}}.
            """,
        "app-deployed": """
            message: |
              {{if eq .serviceType "slack"}}:white_check_mark:{{end}} {{.app.metadata.name}} is synced and healthy at revision {{.app.status.operationState.syncResult.revision}}.
            """,
        "app-sync-status-unknown": """
            message: |
              {{if eq .serviceType "slack"}}:exclamation:{{end}} The sync status of {{.app.metadata.name}} is Unknown.
            """,
    ]
}
