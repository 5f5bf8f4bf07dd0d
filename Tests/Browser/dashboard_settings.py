"""The dashboard's other pages in headless Chromium: SSO login, the list's filters, keyboard use,
dark mode, a narrow screen, Settings (repositories with credentials, clusters, projects' roles and
sync windows, accounts), creating an application as YAML, and logging out.

Run by DashboardSettingsBrowserTests with WHARF_URL, WHARF_SSO_USER (the e-mail the identity
provider signs in), WHARF_REPO (a password-protected Git URL), WHARF_REPO_USERNAME,
WHARF_REPO_PASSWORD and WHARF_SCREENSHOTS in the environment. The cluster holds six applications:
web-prod, web-dev, api-prod, api-dev, jobs-prod (project default) and billing (project team-a);
labels env=prod on the three -prod ones; web-dev and api-dev OutOfSync, api-prod Degraded.
"""
import json
import os
import time
from urllib.parse import parse_qs, urlparse

from headless import Flow, chromium, run_check
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select

URL = os.environ["WHARF_URL"].rstrip("/")
REPO = os.environ["WHARF_REPO"]
REPO_PASSWORD = os.environ["WHARF_REPO_PASSWORD"]
SCREENSHOTS = os.environ["WHARF_SCREENSHOTS"]


def main():
    driver = chromium()
    flow = Flow(driver, SCREENSHOTS)
    try:
        for step in [sso_login, list_filters, keyboard, dark_mode, narrow_screen, repositories, clusters_and_accounts, projects, create_as_yaml, logout]:
            started = time.monotonic()
            step(flow)
            print(f"timing: {step.__name__} {time.monotonic() - started:.1f}s")
        errors = flow.console_errors()
        if errors:
            raise AssertionError(f"console errors: {errors}")
    except AssertionError as failure:
        raise flow.explained(failure, "settings-failure")
    finally:
        driver.quit()


def count(flow):
    digits = "".join(ch for ch in flow.text_of("app-count") if ch.isdigit())
    return int(digits) if digits else -1


def shown_names(flow):
    return sorted(flow.driver.execute_script("return [...document.querySelectorAll('[data-testid=\"app-tile\"], [role=row][data-name]')].map(e => e.dataset.name)"))


def query(flow):
    return parse_qs(urlparse(flow.driver.current_url).query)


def sso_login(flow):
    flow.step = "SSO login"
    flow.driver.get(URL + "/applications/web-prod")
    button = flow.find("sso-button")
    if "TestIdP" not in button.text:
        raise AssertionError(f"the SSO button reads {button.text!r}, not the provider's name")
    flow.shot("login-sso")
    flow.click("sso-button")
    # The provider signs the user in at once and sends the browser back to the page it came from.
    flow.wait("the application page after the SSO round trip", lambda: urlparse(flow.driver.current_url).path == "/applications/web-prod")
    flow.click("user-menu")
    flow.wait("the SSO user's name in the user menu", lambda: os.environ["WHARF_SSO_USER"] in flow.text_of("user-name"))
    flow.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)


def list_filters(flow):
    flow.step = "list filters"
    driver = flow.driver
    driver.get(URL + "/applications")
    flow.wait("all six applications", lambda: count(flow) == 6)
    if flow.text_of("count-sync-OutOfSync") != "2" or flow.text_of("count-health-Degraded") != "1":
        raise AssertionError(f"status counts: OutOfSync {flow.text_of('count-sync-OutOfSync')!r}, Degraded {flow.text_of('count-health-Degraded')!r}")

    Select(flow.find("filter-project")).select_by_value("team-a")
    flow.wait("only team-a's application", lambda: shown_names(flow) == ["billing"])
    if query(flow).get("proj") != ["team-a"]:
        raise AssertionError(f"the project filter is not in the URL: {driver.current_url}")
    flow.click("clear-filters")
    flow.wait("the whole list again", lambda: count(flow) == 6)

    flow.find("filter-labels").send_keys("env=prod")
    flow.wait("the env=prod applications", lambda: shown_names(flow) == ["api-prod", "jobs-prod", "web-prod"])
    flow.click("filter-sync-Synced")
    flow.click("filter-health-Healthy")
    flow.wait("prod, synced and healthy", lambda: shown_names(flow) == ["jobs-prod", "web-prod"])
    # Every filter is in the URL: a reload (or a shared link) shows the same list.
    driver.refresh()
    flow.wait("the same filtered list after a reload", lambda: shown_names(flow) == ["jobs-prod", "web-prod"])
    flow.click("clear-filters")
    flow.click("filter-sync-OutOfSync")
    flow.wait("the out-of-sync applications", lambda: shown_names(flow) == ["api-dev", "web-dev"])
    flow.click("clear-filters")

    flow.click("view-list")
    flow.wait("the table view", lambda: len(driver.find_elements(By.CSS_SELECTOR, '[role="row"][data-name]')) == 6)
    if query(flow).get("view") != ["list"]:
        raise AssertionError(f"the view is not in the URL: {driver.current_url}")
    flow.shot("applications-table")
    flow.click("view-tiles")


def keyboard(flow):
    """The Sync dialog by keyboard alone: Tab reaches the button with a visible focus ring, Enter
    opens the dialog with focus inside it, Escape closes it and gives focus back."""
    flow.step = "keyboard"
    driver = flow.driver
    driver.get(URL + "/applications/web-dev")
    flow.find("sync-button")
    driver.find_element(By.TAG_NAME, "body").click()
    for _ in range(60):
        driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.switch_to.active_element.get_attribute("data-testid") == "sync-button":
            break
    else:
        raise AssertionError("Tab never reached the Sync button")
    ring = driver.execute_script("const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]")
    if (ring[0] == "none" or ring[1] == "0px") and ring[2] in ("none", ""):
        raise AssertionError(f"the focused Sync button shows no focus ring: {ring}")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    dialog = flow.find("sync-dialog")
    flow.wait("focus inside the dialog", lambda: driver.execute_script("return arguments[0].contains(document.activeElement)", dialog))
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    flow.wait("the dialog closed", lambda: flow.visible('[data-testid="sync-dialog"]') is None)
    flow.wait("focus back on the Sync button", lambda: driver.switch_to.active_element.get_attribute("data-testid") == "sync-button")
    # Icon-only buttons carry a name for screen readers.
    unnamed = driver.execute_script("""
        return [...document.querySelectorAll('button')].filter((b) => !b.textContent.trim() && !b.getAttribute('aria-label') && !b.getAttribute('title')).map((b) => b.outerHTML.slice(0, 120));
    """)
    if unnamed:
        raise AssertionError(f"buttons without an accessible name: {unnamed}")


def background_luminance(flow):
    return flow.driver.execute_script("""
        const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    """)


def dark_mode(flow):
    flow.step = "dark mode"
    driver = flow.driver
    driver.get(URL + "/applications")
    flow.wait("the list", lambda: count(flow) == 6)
    light = background_luminance(flow)
    flow.click("theme-toggle")
    flow.wait("a dark page", lambda: background_luminance(flow) < 0.3)
    flow.shot("applications-dark")
    driver.refresh()
    flow.wait("the list after a reload", lambda: count(flow) == 6)
    if background_luminance(flow) >= 0.3:
        raise AssertionError("the dark mode choice was not kept across a reload")
    driver.get(URL + "/applications/api-prod")
    flow.find("sync-button")
    flow.shot("application-dark")
    flow.click("theme-toggle")
    flow.wait("the light page again", lambda: abs(background_luminance(flow) - light) < 0.05)


def narrow_screen(flow):
    flow.step = "narrow screen"
    driver = flow.driver
    driver.set_window_size(390, 844)
    try:
        for path, ready, name in [("/applications", "app-list", "narrow-applications"), ("/applications/web-prod", "sync-button", "narrow-application"), ("/settings", "settings-repositories", "narrow-settings")]:
            driver.get(URL + path)
            flow.find(ready)
            overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
            if overflow > 1:
                raise AssertionError(f"{path} is {overflow}px wider than a 390px screen (it scrolls sideways)")
            flow.shot(name)
        # The filters fold away on a narrow screen but stay reachable.
        driver.get(URL + "/applications")
        flow.find("app-list")
        driver.find_element(By.CSS_SELECTOR, "details.filters > summary").click()
        Select(flow.find("filter-project")).select_by_value("team-a")
        flow.wait("the project filter on a narrow screen", lambda: shown_names(flow) == ["billing"])
    finally:
        driver.set_window_size(1280, 800)


def repositories(flow):
    flow.step = "repositories"
    driver = flow.driver
    driver.get(URL + "/settings")
    flow.click("settings-repositories")
    flow.click("repo-add-button")
    flow.find("repo-url").send_keys(REPO)
    flow.find("repo-username").send_keys(os.environ["WHARF_REPO_USERNAME"])
    flow.find("repo-password").send_keys("not-the-password")
    flow.click("repo-submit")
    flow.wait("the refused credentials explained in the dialog", lambda: "connect this repository" in flow.alert_text().lower() or "authentication" in flow.alert_text().lower())
    if flow.visible('[data-testid="repo-dialog"]') is None:
        raise AssertionError("the dialog closed although the repository was refused")
    password = flow.find("repo-password")
    password.clear()
    password.send_keys(REPO_PASSWORD)
    flow.click("repo-submit")
    flow.wait("the dialog closed after connecting", lambda: flow.visible('[data-testid="repo-dialog"]') is None)
    flow.wait("the repository listed as connected", lambda: REPO in flow.text_of("repo-table") and "Successful" in flow.text_of("repo-table"))
    flow.shot("settings-repositories")
    if REPO_PASSWORD in driver.page_source:
        raise AssertionError("the repository password is in the page")
    flow.click("repo-delete-button")
    flow.click("repo-delete-submit")
    flow.wait("the repository gone", lambda: REPO not in flow.text_of("repo-table"))


def clusters_and_accounts(flow):
    flow.step = "clusters and accounts"
    flow.driver.get(URL + "/settings")
    flow.click("settings-clusters")
    flow.wait("the in-cluster entry", lambda: "https://kubernetes.default.svc" in flow.text_of("cluster-table") and "in-cluster" in flow.text_of("cluster-table"))
    flow.driver.get(URL + "/settings")
    flow.click("settings-accounts")
    flow.wait("the admin account", lambda: "admin" in flow.text_of("account-table"))


def projects(flow):
    flow.step = "projects"
    driver = flow.driver
    driver.get(URL + "/settings")
    flow.click("settings-projects")
    flow.wait("both projects", lambda: "default" in flow.text_of("project-table") and "team-a" in flow.text_of("project-table"))
    flow.click_selector('[data-testid="project-table"] a[href="/settings/projects/team-a"]')
    flow.click("project-edit-button")
    editor = flow.find("project-editor")
    editor.clear()
    editor.send_keys('{"roles": "not a list"}')
    flow.click("project-save")
    flow.wait("the malformed edit explained", lambda: "lists" in flow.alert_text())
    editor.clear()
    editor.send_keys(json.dumps({
        "roles": [{"name": "deployers", "description": "CI", "policies": ["p, proj:team-a:deployers, applications, sync, team-a/*, allow"]}],
        "syncWindows": [{"kind": "deny", "schedule": "0 22 * * *", "duration": "1h", "applications": ["*"], "manualSync": True}],
    }))
    flow.click("project-save")
    flow.wait("the saved sync window", lambda: "0 22 * * *" in flow.text_of("project-windows"))
    flow.wait("the saved role", lambda: "deployers" in flow.text_of("project-roles"))
    driver.refresh()
    flow.wait("the window kept by the server", lambda: "0 22 * * *" in flow.text_of("project-windows") and "Allowed" in flow.text_of("project-windows"))
    flow.shot("settings-project")


def create_as_yaml(flow):
    flow.step = "create as YAML"
    driver = flow.driver
    driver.get(URL + "/applications/new")
    flow.click("create-submit")
    flow.wait("the empty form's messages", lambda: "Name is required." in driver.page_source and "Repository URL is required." in driver.page_source)
    flow.click("create-yaml-toggle")
    editor = flow.find("create-yaml")
    editor.clear()
    editor.send_keys("metadata: [unclosed")
    flow.click("create-submit")
    flow.wait("the YAML error", lambda: flow.alert_text() != "")
    editor.clear()
    # The textarea keeps indentation as typed; each line is sent as is.
    editor.send_keys("\n".join([
        "apiVersion: argoproj.io/v1alpha1",
        "kind: Application",
        "metadata:",
        "  name: from-yaml",
        "spec:",
        "  project: default",
        "  source:",
        f"    repoURL: {REPO}",
        "    path: config",
        "    targetRevision: HEAD",
        "  destination:",
        "    server: https://kubernetes.default.svc",
        "    namespace: from-yaml",
    ]))
    flow.shot("create-yaml")
    flow.click("create-submit")
    flow.wait("the new application's page", lambda: urlparse(driver.current_url).path == "/applications/from-yaml")
    driver.get(URL + "/applications")
    flow.wait("the new application in the list", lambda: count(flow) == 7)


def logout(flow):
    flow.step = "logout"
    flow.click("user-menu")
    flow.click("logout-button")
    flow.find("login-username")
    flow.driver.get(URL + "/applications")
    flow.find("sso-button")


if __name__ == "__main__":
    run_check(main, "dashboard settings check")
