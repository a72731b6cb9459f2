#!/usr/bin/env python3
"""Drive the hub's review page in Debian's headless Chromium.

Speaks the W3C WebDriver protocol to chromedriver with the standard
library only.  Logs in with a wrong password (the page must say so), logs
in, approves one record, rejects another with a reason, reloads, logs out.
Prints a JSON report on stdout (what the page showed, and the sha256 of
every image as the browser fetched it) for test-review-browser.c to check
against the kiosk and the hub.  Exits non-zero with the reason on stderr
when the page does not behave.

usage: review-browser.py HUB-URL NAME PASSWORD APPROVE-UUID REJECT-UUID REASON
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

CHROMIUM = os.environ.get("CAIJI_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CAIJI_CHROMEDRIVER", "/usr/bin/chromedriver")
ELEMENT_KEY = "element-6066-11e4-a52e-4f735466cecf"
WAIT_SECONDS = 30


class PageError(Exception):
    pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class WebDriver:
    def __init__(self, profile_dir):
        self.port = free_port()
        self.process = subprocess.Popen([CHROMEDRIVER, f"--port={self.port}"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.base = f"http://127.0.0.1:{self.port}"
        self._wait_ready()
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--no-first-run", "--lang=zh-CN", "--window-size=1280,1000",
                         f"--user-data-dir={profile_dir}"],
            },
        }}}
        self.session = self._call("POST", "/session", capabilities)["sessionId"]

    def _wait_ready(self):
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/status", timeout=2) as answer:
                    if json.load(answer)["value"].get("ready"):
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.1)
        raise PageError(f"chromedriver did not start on port {self.port}")

    def _call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=120) as answer:
                return json.load(answer)["value"]
        except urllib.error.HTTPError as error:
            raise PageError(f"WebDriver {method} {path}: {error.read().decode(errors='replace')}") from None

    def command(self, method, path, body=None):
        return self._call(method, f"/session/{self.session}{path}", body)

    def open(self, url):
        self.command("POST", "/url", {"url": url})

    def find(self, css, within=None):
        scope = f"/element/{within}" if within else ""
        return self.command("POST", f"{scope}/element", {"using": "css selector", "value": css})[ELEMENT_KEY]

    def click(self, element):
        self.command("POST", f"/element/{element}/click", {})

    def type(self, element, text):
        self.command("POST", f"/element/{element}/clear", {})
        self.command("POST", f"/element/{element}/value", {"text": text})

    def script(self, source, *args):
        return self.command("POST", "/execute/sync", {"script": source, "args": list(args)})

    def script_async(self, source, *args):
        return self.command("POST", "/execute/async", {"script": source, "args": list(args)})

    def wait_for(self, source, what, *args):
        """Polls a script until it returns something truthy."""
        deadline = time.monotonic() + WAIT_SECONDS
        while time.monotonic() < deadline:
            value = self.script(source, *args)
            if value:
                return value
            time.sleep(0.1)
        raise PageError(f"timed out waiting for {what}")

    def quit(self):
        try:
            self.command("DELETE", "")
        finally:
            self.process.terminate()
            self.process.wait(timeout=10)


VISIBLE = "const e = document.querySelector(arguments[0]); return e !== null && !e.hidden;"
TEXT = "const e = document.querySelector(arguments[0]); return e !== null ? e.textContent.trim() : '';"
CARD_STATUS = ("const c = document.querySelector(`article[data-uuid=\"${arguments[0]}\"] .card-status`);"
               " return c !== null && c.textContent.startsWith(arguments[1]) ? c.textContent : '';")

# The sha256 of every image of every card, fetched as the page fetches it
# (with the session cookie).
IMAGE_HASHES = """
const done = arguments[arguments.length - 1];
(async () => {
  const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const cards = {};
  for (const card of document.querySelectorAll('article.record')) {
    const images = {};
    for (const img of card.querySelectorAll('.photos img')) {
      const bytes = await (await fetch(img.src)).arrayBuffer();
      images[img.className.replace('photo-', '')] = hex(await crypto.subtle.digest('SHA-256', bytes));
    }
    cards[card.dataset.uuid] = {text: card.innerText, images};
  }
  return cards;
})().then(done, (e) => done({error: String(e)}));
"""


def log_in(driver, name, password):
    driver.type(driver.find("#login-name"), name)
    driver.type(driver.find("#login-password"), password)
    driver.click(driver.find("#login-submit"))


def expect(condition, message):
    if not condition:
        raise PageError(message)


def card(driver, uuid):
    return driver.find(f'article[data-uuid="{uuid}"]')


def review(driver, hub, name, password, approve_uuid, reject_uuid, reason):
    report = {}
    driver.open(hub + "/review/")
    driver.wait_for(VISIBLE, "the login form", "#login")

    log_in(driver, name, password + "-wrong")
    report["wrong_password_error"] = driver.wait_for(TEXT, "the login error", "#login-error")
    expect(driver.script(VISIBLE, "#review") is False, "a wrong password opened the review list")

    log_in(driver, name, password)
    driver.wait_for("return document.getElementById('records').dataset.loaded === 'true';", "the record list")
    report["reviewer_shown"] = driver.script(TEXT, "#reviewer-name")
    report["cards"] = driver.script_async(IMAGE_HASHES)
    expect("error" not in report["cards"], f"fetching images failed: {report['cards']}")
    for uuid in (approve_uuid, reject_uuid):
        expect(uuid in report["cards"], f"record {uuid} is not on the page")

    # Reject without a reason: refused on the page, nothing sent.
    driver.click(driver.find(".reject", card(driver, reject_uuid)))
    report["empty_reason_message"] = driver.wait_for(CARD_STATUS, "the missing-reason message", reject_uuid, "")

    driver.click(driver.find(".approve", card(driver, approve_uuid)))
    report["approve_status"] = driver.wait_for(CARD_STATUS, "approval", approve_uuid, "已通过")
    driver.type(driver.find(".reason", card(driver, reject_uuid)), reason)
    driver.click(driver.find(".reject", card(driver, reject_uuid)))
    report["reject_status"] = driver.wait_for(CARD_STATUS, "rejection", reject_uuid, "已驳回")

    # The session survives a reload; decided records are off the list.
    driver.open(hub + "/review/")
    driver.wait_for("return document.getElementById('records').dataset.loaded === 'true';", "the list after reload")
    report["after_reload"] = driver.script(
        "return [...document.querySelectorAll('article.record')].map((c) => c.dataset.uuid);")

    driver.click(driver.find("#logout"))
    driver.wait_for(VISIBLE, "the login form after logout", "#login")
    report["after_logout"] = driver.script(TEXT, "#login-error")
    return report


def main(argv):
    if len(argv) != 7:
        print(__doc__, file=sys.stderr)
        return 2
    hub, name, password, approve_uuid, reject_uuid, reason = argv[1:]
    for program in (CHROMIUM, CHROMEDRIVER):
        if not os.access(program, os.X_OK):
            print(f"review-browser: {program} is missing; install chromium and chromium-driver "
                  "(scripts/setup.sh does)", file=sys.stderr)
            return 1
    profile = tempfile.mkdtemp(prefix="caiji-chromium-")
    driver = None
    try:
        driver = WebDriver(profile)
        report = review(driver, hub.rstrip("/"), name, password, approve_uuid, reject_uuid, reason)
    except PageError as error:
        print(f"review-browser: {error}", file=sys.stderr)
        return 1
    finally:
        if driver is not None:
            driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
    json.dump(report, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
