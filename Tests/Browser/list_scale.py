"""The applications page with many applications, in headless Chromium: how long until it is
interactive, and how quickly a search narrows it. Prints `timing:` lines (figures, not limits) and
fails only on wrong behaviour: wrong counts, or every application put in the page at once.

Environment: WHARF_URL, WHARF_PASSWORD (admin's), WHARF_APPS (how many exist), WHARF_SCREENSHOTS.
"""
import os
import time

from headless import chromium, run_check
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

URL = os.environ["WHARF_URL"].rstrip("/")
TOTAL = int(os.environ["WHARF_APPS"])


def text(driver, testid):
    try:
        elements = [e for e in driver.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]') if e.is_displayed()]
        return elements[0].text if elements else ""
    except StaleElementReferenceException:
        return ""


def count(driver):
    digits = "".join(ch for ch in text(driver, "app-count") if ch.isdigit())
    return int(digits) if digits else -1


def wait(driver, what, condition, timeout=120):
    try:
        WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda _: condition())
    except TimeoutException:
        raise AssertionError(f"timed out waiting for {what} (count shows {text(driver, 'app-count')!r})")


def print_load_breakdown(driver):
    """Where the load's time went, from the page's own Navigation and Resource Timing entries."""
    timings = driver.execute_script("""
        const navigation = performance.getEntriesByType('navigation')[0];
        const resources = performance.getEntriesByType('resource');
        const list = resources.filter((entry) => entry.name.includes('/api/v1/applications?'));
        const scripts = resources.filter((entry) => entry.name.includes('/assets/'));
        return {
            domContentLoaded: navigation.domContentLoadedEventEnd,
            assetsEnd: Math.max(0, ...scripts.map((entry) => entry.responseEnd)),
            list: list.map((entry) => ({start: entry.startTime, firstByte: entry.responseStart, end: entry.responseEnd, bytes: entry.encodedBodySize})),
            now: performance.now(),
        };
    """)
    for entry in timings["list"]:
        print(f"timing: list request sent at {entry['start'] / 1000:.2f}s, first byte after {(entry['firstByte'] - entry['start']) / 1000:.2f}s, "
              f"complete after {(entry['end'] - entry['start']) / 1000:.2f}s, {entry['bytes'] / 1e6:.1f} MB")
    print(f"timing: page scripts loaded at {timings['assetsEnd'] / 1000:.2f}s, DOMContentLoaded at {timings['domContentLoaded'] / 1000:.2f}s, "
          f"all counted at or before {timings['now'] / 1000:.2f}s (the page's own clock)")


def main():
    driver = chromium()
    try:
        driver.get(URL + "/login")
        wait(driver, "the login form", lambda: text(driver, "login-submit") != "")
        driver.find_element(By.CSS_SELECTOR, '[data-testid="login-username"]').send_keys("admin")
        driver.find_element(By.CSS_SELECTOR, '[data-testid="login-password"]').send_keys(os.environ["WHARF_PASSWORD"] + Keys.ENTER)
        wait(driver, "the applications page after login", lambda: "/applications" in driver.current_url)

        # A fresh load of the page, as a user opening it: until every application is counted and tiles show.
        started = time.monotonic()
        driver.get(URL + "/applications")
        wait(driver, f"{TOTAL} applications", lambda: count(driver) == TOTAL and driver.find_elements(By.CSS_SELECTOR, '[data-testid="app-tile"]'))
        print(f"timing: applications page interactive with {TOTAL} applications after {time.monotonic() - started:.2f}s")
        print_load_breakdown(driver)
        tiles = len(driver.find_elements(By.CSS_SELECTOR, '[data-testid="app-tile"]'))
        print(f"timing: {tiles} tiles in the page")
        if tiles >= TOTAL or tiles > 500:
            raise AssertionError(f"{tiles} tiles are in the page at once: the list is not virtualised")
        driver.save_screenshot(os.path.join(os.environ["WHARF_SCREENSHOTS"], "applications-scale.png"))

        # A search narrows the list while the page stays responsive.
        # The main thread's long tasks while filtering are what a user would feel as a freeze.
        driver.execute_script("""
            window.__wharfLongTasks = [];
            new PerformanceObserver((list) => { for (const entry of list.getEntries()) window.__wharfLongTasks.push(entry.duration); })
                .observe({type: 'longtask', buffered: false});
        """)
        search = driver.find_element(By.CSS_SELECTOR, '[data-testid="app-search"]')
        started = time.monotonic()
        search.send_keys("app-0999")
        wait(driver, "the search result", lambda: count(driver) == 10)
        print(f"timing: search narrowed {TOTAL} applications to 10 in {time.monotonic() - started:.2f}s (8 keystrokes through WebDriver)")
        long_tasks = driver.execute_script("return window.__wharfLongTasks")
        print(f"timing: main-thread tasks over 50 ms while filtering: {len(long_tasks)}, longest {max(long_tasks, default=0):.0f} ms")
        # Read in one script call: live updates may replace the tiles between two WebDriver calls.
        expected = [f"app-0999{i}" for i in range(10)]
        shown = lambda: sorted(driver.execute_script("return [...document.querySelectorAll('[data-testid=\"app-tile\"]')].map(tile => tile.dataset.name)"))
        wait(driver, f"exactly {expected} shown", lambda: shown() == expected, 30)
        # The filter is in the URL: a reload keeps it.
        driver.refresh()
        wait(driver, "the search kept across a reload", lambda: count(driver) == 10)

        # Scrolling to the end reaches the last application.
        driver.get(URL + "/applications")
        wait(driver, "the whole list again", lambda: count(driver) == TOTAL)
        driver.execute_script("const list = document.querySelector('[data-testid=\"app-list\"]'); (list.scrollHeight > list.clientHeight ? list : document.scrollingElement).scrollTop = 1e9;")
        wait(driver, "the last application after scrolling", lambda: driver.find_elements(By.CSS_SELECTOR, f'[data-testid="app-tile"][data-name="app-{TOTAL - 1:05d}"]'), 30)
    finally:
        driver.quit()


if __name__ == "__main__":
    run_check(main, "list scale check")
