"""The paged report in a real browser (Debian's chromium via Selenium, as tests/web/test_browser.py):
index -> story file -> citation -> article file with the cited paragraph highlighted, with script and
onerror payloads planted in the invented articles."""

from __future__ import annotations

import os
import shutil
import time

import pytest

from newsfuse.options import ReportOptions
from newsfuse.render import write_report
from newsfuse.render.sample import sample_report

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip(
        "needs /usr/bin/chromium and chromedriver (apt-get install chromium chromium-driver)", allow_module_level=True
    )


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1280,1000",
    ]:
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _not_pwned(driver) -> None:
    assert driver.execute_script("return window.__pwned === undefined"), "a planted payload ran"
    assert driver.title != "pwned"


def _shown(driver, element_id: str) -> bool:
    return bool(
        driver.execute_script(f"var e = document.getElementById('{element_id}'); return !!e && e.offsetParent !== null")
    )


def test_paged_report_story_citation_and_payloads(tmp_path, browser) -> None:
    from selenium.webdriver.common.by import By

    out = write_report(sample_report(hostile=True), tmp_path / "out", options=ReportOptions(layout="paged"))
    browser.get(out["html"].as_uri())
    _not_pwned(browser)
    assert _shown(browser, "stories"), "the index page must show its story list"
    browser.find_element(By.PARTIAL_LINK_TEXT, "harbour bridge reopens").click()
    assert browser.current_url.endswith("/report/stories/s0001.html")
    assert _shown(browser, "story-s0001"), "a story file must show its page (no fragment in the URL)"
    _not_pwned(browser)
    browser.find_element(By.CSS_SELECTOR, "a.cite[href$='#a000000000a1-p2']").click()
    assert browser.current_url.endswith("/report/articles/a000000000a1.html#a000000000a1-p2")
    assert _shown(browser, "article-a000000000a1")
    deadline = time.time() + 3
    while (
        "hl" not in (browser.find_element(By.ID, "a000000000a1-p2").get_attribute("class") or "")
        and time.time() < deadline
    ):
        time.sleep(0.1)
    assert "hl" in browser.find_element(By.ID, "a000000000a1-p2").get_attribute("class")
    assert "window.__pwned" in browser.find_element(By.ID, "a000000000a1-p2").text  # shown as text
    _not_pwned(browser)
    browser.find_element(By.PARTIAL_LINK_TEXT, "all stories").click()
    assert browser.current_url.endswith("/out/report.html") and _shown(browser, "stories")
    # the CSP let the inline script run (it marks <html class="js">) and blocked nothing of ours
    assert "js" in (browser.find_element(By.TAG_NAME, "html").get_attribute("class") or "")
