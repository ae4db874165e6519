"""One real browser (Debian's chromium via Selenium): story list -> story -> citation -> highlighted
paragraph, in the live app and in report.html, with script and onerror payloads planted in the text."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from newsfuse.render import write_report
from newsfuse.render.sample import sample_report
from newsfuse.store import open_store
from newsfuse.web import Settings, create_app

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip(
        "needs /usr/bin/chromium and chromedriver (apt-get install chromium chromium-driver)", allow_module_level=True
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path, h):
    import uvicorn

    db = str(tmp_path / "browser.sqlite")
    with open_store(db) as s:
        s.save_report(sample_report(hostile=True))
    app = create_app(Settings(db=db, token=h.TOKEN, steps=h.simple_steps(), today=h.TODAY))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


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
    driver.set_window_size(1280, 1000)
    yield driver
    driver.quit()


def _not_pwned(driver) -> None:
    assert driver.execute_script("return window.__pwned === undefined"), "a planted payload ran"
    assert driver.title != "pwned"  # what the payloads would set it to


def _highlighted(driver, element_id: str) -> None:
    target = driver.execute_script("var t = document.querySelector(':target'); return t ? t.id : null")
    assert target == element_id
    # the highlight fades in (CSS transition): poll for a short while
    deadline = time.time() + 3
    while True:
        bg = driver.execute_script(f"return getComputedStyle(document.getElementById('{element_id}')).backgroundColor")
        if bg not in ("rgba(0, 0, 0, 0)", "transparent") or time.time() > deadline:
            break
        time.sleep(0.1)
    assert bg not in ("rgba(0, 0, 0, 0)", "transparent"), bg


def test_live_app_story_citation_and_payloads(server, browser) -> None:
    from selenium.webdriver.common.by import By

    ARTIFACTS.mkdir(exist_ok=True)
    browser.set_window_size(1280, 1000)
    browser.get(server + "/")
    _not_pwned(browser)
    browser.find_element(By.PARTIAL_LINK_TEXT, "harbour bridge reopens").click()
    assert "/stories/s0001" in browser.current_url
    _not_pwned(browser)
    assert "3 articles, 3 outlets, 2 independent sources" in browser.page_source
    browser.save_screenshot(str(ARTIFACTS / "web-story.png"))
    cite = browser.find_element(By.CSS_SELECTOR, "a.cite[href$='#a000000000a1-p2']")
    cite.click()
    assert browser.current_url.endswith("/articles/a000000000a1#a000000000a1-p2")
    _highlighted(browser, "a000000000a1-p2")
    _not_pwned(browser)
    # the payload is there, as text
    assert "window.__pwned" in browser.find_element(By.ID, "a000000000a1-p2").text
    browser.save_screenshot(str(ARTIFACTS / "web-article.png"))


def test_report_html_offline(tmp_path, browser) -> None:
    from selenium.webdriver.common.by import By

    ARTIFACTS.mkdir(exist_ok=True)
    browser.set_window_size(1280, 1000)
    out = write_report(sample_report(hostile=True), tmp_path / "report")
    browser.get(out["html"].as_uri())
    _not_pwned(browser)
    assert browser.find_element(By.ID, "stories").is_displayed()
    browser.find_element(By.PARTIAL_LINK_TEXT, "harbour bridge reopens").click()
    story = browser.find_element(By.ID, "story-s0001")
    assert story.is_displayed() and not browser.find_element(By.ID, "stories").is_displayed()
    story.find_element(By.CSS_SELECTOR, "a.cite[href='#a000000000a1-p2']").click()
    assert browser.find_element(By.ID, "article-a000000000a1").is_displayed()
    _highlighted(browser, "a000000000a1-p2")
    assert "hl" in browser.find_element(By.ID, "a000000000a1-p2").get_attribute("class")
    _not_pwned(browser)
    browser.set_window_size(412, 900)  # a phone
    browser.save_screenshot(str(ARTIFACTS / "report-phone.png"))
    browser.back()
    assert browser.find_element(By.ID, "story-s0001").is_displayed()
