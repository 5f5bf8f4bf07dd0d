/// The UI files SwiftPM compiles into the module (`resources: [.embedInCode("UI/Assets")]`), by
/// the name they are served under. A file added to the folder is listed here too; WebUITests fails
/// for a file that is not.
enum EmbeddedAssets {
    static let files: [(String, [UInt8])] = [
        ("api.js", PackageResources.api_js),
        ("app-actions.js", PackageResources.app_actions_js),
        ("app-store.js", PackageResources.app_store_js),
        ("app.css", PackageResources.app_css),
        ("application.js", PackageResources.application_js),
        ("applications.js", PackageResources.applications_js),
        ("create.js", PackageResources.create_js),
        ("dialog.js", PackageResources.dialog_js),
        ("diff.js", PackageResources.diff_js),
        ("dom.js", PackageResources.dom_js),
        ("favicon.svg", PackageResources.favicon_svg),
        ("format.js", PackageResources.format_js),
        ("icons.js", PackageResources.icons_js),
        ("index.html", PackageResources.index_html),
        ("login.js", PackageResources.login_js),
        ("main.js", PackageResources.main_js),
        ("nav.js", PackageResources.nav_js),
        ("notify.js", PackageResources.notify_js),
        ("resource-panel.js", PackageResources.resource_panel_js),
        ("session.js", PackageResources.session_js),
        ("settings.js", PackageResources.settings_js),
        ("status.js", PackageResources.status_js),
        ("theme.js", PackageResources.theme_js),
        ("tree.js", PackageResources.tree_js),
        ("virtual.js", PackageResources.virtual_js),
        ("yaml.js", PackageResources.yaml_js),
    ]
}
