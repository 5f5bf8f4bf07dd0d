"""The dashboard end to end in headless Chromium, as a user would use it.

Run by DashboardBrowserTests with WHARF_URL, WHARF_PASSWORD (admin's), WHARF_REPO (a Git URL),
WHARF_REPO_DIR (its working tree), KUBECONFIG and WHARF_SCREENSHOTS in the environment. Exits
non-zero with a message naming the step that failed; prints `timing:` lines.
"""
import json
import os
import subprocess
import time

from headless import Flow, chromium, run_check
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

URL = os.environ["WHARF_URL"].rstrip("/")
PASSWORD = os.environ["WHARF_PASSWORD"]
REPO = os.environ["WHARF_REPO"]
REPO_DIR = os.environ["WHARF_REPO_DIR"]
SCREENSHOTS = os.environ["WHARF_SCREENSHOTS"]
APP = "guestbook"


def kubectl(*arguments):
    return subprocess.run(["kubectl", *arguments], capture_output=True, text=True, timeout=60)


def git(*arguments):
    result = subprocess.run(["git", "-C", REPO_DIR, "-c", "user.email=t@example.com", "-c", "user.name=T", *arguments], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(arguments)}: {result.stderr}")


def main():
    driver = chromium()
    flow = Flow(driver, SCREENSHOTS)
    try:
        run(flow)
        if os.environ.get("WHARF_VIEWER_PASSWORD"):
            failures(flow)
    except AssertionError as failure:
        raise flow.explained(failure, "failure")
    finally:
        driver.quit()


def run(flow):
    driver = flow.driver

    flow.step = "login page"
    started = time.monotonic()
    driver.get(URL + "/applications")
    username = flow.find("login-username")
    flow.shot("login")
    username.send_keys("admin")
    flow.find("login-password").send_keys("wrong-password" + Keys.ENTER)
    flow.wait("the wrong password message", lambda: "Invalid username or password" in flow.alert_text())

    flow.step = "login"
    password = flow.find("login-password")
    password.clear()
    password.send_keys(PASSWORD + Keys.ENTER)
    flow.find("app-list")
    print(f"timing: login to applications page {time.monotonic() - started:.2f}s")
    flow.shot("applications")

    flow.step = "create form"
    driver.get(URL + "/applications/new")
    flow.find("create-name").send_keys(APP)
    flow.find("create-repo").send_keys(REPO)
    flow.find("create-path").send_keys("guestbook")
    revision = flow.find("create-revision")
    revision.clear()
    revision.send_keys("main")
    namespace = flow.find("create-namespace")
    namespace.clear()
    namespace.send_keys("guestbook")
    create_namespace = flow.find("create-create-namespace")
    if not create_namespace.is_selected():
        create_namespace.click()
    flow.shot("create")
    flow.click("create-submit")

    flow.step = "application page after create"
    flow.wait("the application page", lambda: driver.current_url.rstrip("/").endswith(f"/applications/{APP}"))
    flow.find("app-sync-status")
    flow.wait("OutOfSync before the first sync", lambda: "OutOfSync" in flow.text_of("app-sync-status"))
    flow.mark_page()

    flow.step = "first sync"
    # Every sync and health text the page shows from now on, however often it re-renders them.
    driver.execute_script("""
        window.__wharfSeen = [];
        const record = () => {
            const sync = document.querySelector('[data-testid="app-sync-status"]')?.textContent?.trim();
            const health = document.querySelector('[data-testid="app-health-status"]')?.textContent?.trim();
            const state = `${sync}/${health}`;
            if (sync && health && window.__wharfSeen[window.__wharfSeen.length - 1] !== state) window.__wharfSeen.push(state);
        };
        new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true});
        record();
    """)
    flow.click("sync-button")
    flow.click("sync-submit")
    flow.wait("Synced without reloading", lambda: flow.text_of("app-sync-status").startswith("Synced") and flow.still_same_page(), 120)
    flow.wait("Healthy without reloading", lambda: "Healthy" in flow.text_of("app-health-status") and flow.still_same_page(), 120)
    seen = driver.execute_script("return window.__wharfSeen")
    print("timing: states shown during the first sync: " + " → ".join(seen))
    if not any("Progressing" in state for state in seen):
        raise AssertionError(f"the page never showed Progressing on the way to Healthy: {seen}")
    flow.wait("the Pods in the tree", lambda: flow.visible('[data-testid="tree-node"][data-kind="Pod"]'), 60)
    flow.shot("application")

    flow.step = "diff after a live edit"
    edit = kubectl("-n", "guestbook", "patch", "configmap", "guestbook-settings", "--type", "merge", "-p", '{"data":{"color":"red"}}')
    if edit.returncode != 0:
        raise AssertionError(f"kubectl patch: {edit.stderr}")
    flow.click("refresh-button")
    flow.wait("OutOfSync after the live edit", lambda: "OutOfSync" in flow.text_of("app-sync-status"), 60)
    flow.click_selector('[data-testid="tree-node"][data-kind="ConfigMap"]')
    flow.click("tab-diff")
    flow.wait("the diff to show red and blue", lambda: "red" in flow.text_of("diff-view") and "blue" in flow.text_of("diff-view"), 30)
    flow.shot("diff")
    driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)

    flow.step = "sync with prune"
    git("rm", "-q", "guestbook/service.yaml")
    git("commit", "-qm", "drop the service")
    flow.click("refresh-button")
    flow.click("sync-button")
    prune = flow.find("sync-prune")
    if not prune.is_selected():
        prune.click()
    flow.click("sync-submit")
    flow.wait("the Service pruned", lambda: kubectl("-n", "guestbook", "get", "service", "guestbook-ui").returncode != 0, 120)
    flow.wait("Synced after the prune", lambda: flow.text_of("app-sync-status").startswith("Synced"), 120)

    flow.step = "rollback"
    flow.click("history-button")
    # The first deployment (with the Service); the current one has no rollback button.
    flow.click("rollback-button")
    flow.click("rollback-submit")
    flow.wait("the Service back after the rollback", lambda: kubectl("-n", "guestbook", "get", "service", "guestbook-ui").returncode == 0, 120)

    flow.step = "delete"
    flow.click("delete-button")
    submit = flow.find("delete-submit")
    if submit.is_enabled():
        raise AssertionError("delete: the button is enabled before the name is typed")
    flow.find("delete-confirm-input").send_keys(APP)
    flow.click("delete-submit")
    flow.wait("the list without the app", lambda: driver.current_url.rstrip("/").endswith("/applications") and not flow.visible(f'[data-testid="app-tile"][data-name="{APP}"]'), 120)

    errors = flow.console_errors()
    if errors:
        raise AssertionError("console errors: " + json.dumps(errors))


def failures(flow):
    """What a user sees when something goes wrong: no permission, an expired session, the server gone."""
    driver = flow.driver

    flow.step = "read-only user"
    flow.click("user-menu")
    flow.click("logout-button")
    flow.find("login-username").send_keys("viewer")
    flow.find("login-password").send_keys(os.environ["WHARF_VIEWER_PASSWORD"] + Keys.ENTER)
    flow.find("app-list")
    driver.get(URL + "/applications/viewable")
    flow.click("sync-button")
    flow.click("sync-submit")
    flow.wait("the permission message", lambda: "You do not have permission" in flow.alert_text(), 30)
    flow.shot("no-permission")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    flow.wait("the sync dialog to close", lambda: not flow.visible('[data-testid="sync-dialog"]'))

    flow.step = "expired session"
    driver.delete_cookie("argocd.token")
    flow.click("refresh-button")
    flow.wait("the login page with the reason", lambda: "/login" in driver.current_url and "session has expired" in driver.page_source, 30)
    flow.find("login-username").send_keys("viewer")
    flow.find("login-password").send_keys(os.environ["WHARF_VIEWER_PASSWORD"] + Keys.ENTER)
    # Back where the session expired.
    flow.wait("the application page again", lambda: driver.current_url.endswith("/applications/viewable") and flow.visible('[data-testid="app-sync-status"]'))

    flow.step = "server down"
    ready = os.path.join(SCREENSHOTS, "stop-the-server")
    stopped = os.path.join(SCREENSHOTS, "server-stopped")
    open(ready, "w").close()
    flow.wait("the test to stop the server", lambda: os.path.exists(stopped), 120)
    flow.click_selector('a.topbar-link[href="/applications"]')
    flow.wait("the server-down page", lambda: "Cannot reach the Wharf server" in flow.text_of("server-down"), 60)
    flow.shot("server-down")
    if not flow.visible('[data-testid="retry-button"]'):
        raise AssertionError("server down: no Retry button")


if __name__ == "__main__":
    run_check(main, "dashboard flow")
