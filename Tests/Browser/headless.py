"""What the browser checks share: headless Chromium from Debian driven through its chromedriver
(never a downloaded driver: the machines are offline), and how a check ends."""
import os
import sys
import time

from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def chromium():
    """A 1280×800 headless Chromium that accepts the server's self-signed certificate and keeps the console log."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,800", "--ignore-certificate-errors"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def run_check(main, name):
    """Runs `main`; a failed expectation (AssertionError) ends the process with status 1 and its message."""
    try:
        main()
    except AssertionError as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        sys.exit(1)
    print(f"{name} passed")


class Flow:
    """A user's way through the pages: waits that name the step, clicks that survive live updates."""

    def __init__(self, driver, screenshots):
        self.driver = driver
        self.screenshots = screenshots
        self.step = "start"

    def wait(self, what, condition, timeout=60):
        started = time.monotonic()
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(lambda _: condition())
        except TimeoutException:
            raise AssertionError(f"{self.step}: timed out waiting for {what}")
        finally:
            # Slow but successful waits are worth knowing about (a page that takes seconds to show is a bug too).
            if time.monotonic() - started > 5:
                print(f"timing: {self.step}: waited {time.monotonic() - started:.1f}s for {what}")

    def find(self, testid, timeout=30):
        return self.wait(f"[data-testid={testid}]", lambda: self.visible(f'[data-testid="{testid}"]'), timeout)

    def click(self, testid, timeout=30):
        self.click_selector(f'[data-testid="{testid}"]', timeout)

    def click_selector(self, selector, timeout=30):
        """Clicks the element, finding it again when a live update replaced it meanwhile."""
        def attempt():
            element = self.visible(selector)
            if element is None or not element.is_enabled():
                return False
            try:
                element.click()
                return True
            except (StaleElementReferenceException, ElementClickInterceptedException):
                return False
        self.wait(f"a clickable {selector}", attempt, timeout)

    def visible(self, selector):
        try:
            for element in self.driver.find_elements(By.CSS_SELECTOR, selector):
                if element.is_displayed():
                    return element
        except StaleElementReferenceException:
            pass
        return None

    def text_of(self, testid):
        try:
            element = self.visible(f'[data-testid="{testid}"]')
            return element.text if element else ""
        except StaleElementReferenceException:
            return ""

    def explained(self, failure, screenshot):
        """`failure` with where it happened (page, alerts, console), after a screenshot of the page."""
        self.shot(screenshot)
        return AssertionError(f"{failure} (page {self.driver.current_url}; alerts: {self.alert_text()!r}; console: {self.console_errors()})")

    def shot(self, name):
        self.driver.save_screenshot(os.path.join(self.screenshots, f"{name}.png"))

    def alert_text(self):
        return " ".join(e.text for e in self.driver.find_elements(By.CSS_SELECTOR, '[role="alert"]') if e.is_displayed())

    def console_errors(self):
        # Refusals the flow provokes (the wrong password) are logged by the browser as failed loads; script errors are not expected.
        return [
            entry["message"] for entry in self.driver.get_log("browser")
            if entry["level"] == "SEVERE" and "Failed to load resource: the server responded with a status of 4" not in entry["message"]
        ]

    def mark_page(self):
        """A marker that a full page load would erase: proves updates arrive without reloading."""
        self.driver.execute_script("window.__wharfNoReload = true")

    def still_same_page(self):
        return self.driver.execute_script("return window.__wharfNoReload === true")
