"""What the browser checks share: headless Chromium from Debian driven through its chromedriver
(never a downloaded driver: the machines are offline), and how a check ends."""
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service


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
