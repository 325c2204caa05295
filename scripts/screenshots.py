"""Take the README screenshots of the reports from a running demo database.

Drives Debian's headless Chromium through the DevTools protocol (``websocket-client``):
logs in as the demo manager and the demo salesperson, opens each report's action and saves
a PNG in ``crm_traffic_light/static/description/``.

Usage (from the repository root, after ``bash scripts/setup.sh``)::

    DEMO_NO_SERVE=1 DEMO_DB=shots_demo bash scripts/demo.sh
    .venv/bin/python /opt/odoo/18.0/odoo-bin -c var/shots_demo.conf --http-port=8369 \\
        --db-filter='^shots_demo$' &
    .venv/bin/python scripts/screenshots.py [--url http://localhost:8369] [--only NAME]

Environment: ``CHROMIUM`` overrides the browser binary (default /usr/bin/chromium).
"""

import argparse
import base64
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, "crm_traffic_light", "static", "description")
MAX_BYTES = 300 * 1024

DESKTOP, PHONE = (1400, 900, False), (400, 800, True)
# Pivot: reasons as rows so that every reason fits; kanban: scroll to the red column.
FLIP_PIVOT = "document.querySelector('.o_pivot_flip_button').click()"
SCROLL_RED = "var k = document.querySelector('.o_kanban_renderer'); k.scrollLeft = k.scrollWidth"
# (file name, login, action xml id, (width, height, mobile), JavaScript run before the shot)
SHOTS = [
    ("screenshot_handling_time", "katarzyna", "action_traffic_light_alert_report", DESKTOP, ""),
    ("screenshot_condition", "katarzyna", "action_traffic_light_condition_report", DESKTOP, ""),
    ("screenshot_reasons", "katarzyna", "action_traffic_light_reason_report", DESKTOP, FLIP_PIVOT),
    ("reasons_map", "katarzyna", "action_traffic_light_reason_map", DESKTOP, ""),
    ("screenshot_my_customers_health", "piotr", "action_my_customers_health", PHONE, SCROLL_RED),
]


class Browser:
    def __init__(self, port=9333):
        self.port = port
        self.profile = tempfile.mkdtemp(prefix="crm_tl_shots_")
        binary = os.environ.get("CHROMIUM", "/usr/bin/chromium")
        self.proc = subprocess.Popen(
            [
                binary,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-allow-origins=*",
                "--remote-debugging-port=%d" % port,
                "--user-data-dir=%s" % self.profile,
                "--window-size=1400,900",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.ws = websocket.create_connection(self._page_ws(), timeout=60)
        self.msg_id = 0
        self.call("Page.enable")

    def _page_ws(self):
        for _ in range(100):
            try:
                with urllib.request.urlopen("http://127.0.0.1:%d/json/list" % self.port) as r:
                    pages = [p for p in json.load(r) if p.get("type") == "page"]
                if pages:
                    return pages[0]["webSocketDebuggerUrl"]
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError("Chromium did not start its DevTools endpoint")

    def call(self, method, **params):
        self.msg_id += 1
        self.ws.send(json.dumps({"id": self.msg_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.msg_id:
                if "error" in msg:
                    raise RuntimeError("%s: %s" % (method, msg["error"]))
                return msg.get("result", {})

    def evaluate(self, expression):
        res = self.call("Runtime.evaluate", expression=expression, returnByValue=True)
        return res.get("result", {}).get("value")

    def goto(self, url, wait=4.0):
        self.call("Page.navigate", url=url)
        time.sleep(wait)

    def wait_for(self, selector, timeout=30.0):
        """Wait until the selector matches and the page stopped loading, then let it settle."""
        expr = "!!document.querySelector(%s) && !document.querySelector('.o_loading_indicator')"
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.evaluate(expr % json.dumps(selector)):
                time.sleep(1.5)
                return True
            time.sleep(0.5)
        return False

    def size(self, width, height, mobile):
        self.call(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=bool(mobile),
        )

    def screenshot(self, path):
        data = base64.b64decode(self.call("Page.captureScreenshot", format="png")["data"])
        if len(data) > MAX_BYTES:
            img = Image.open(io.BytesIO(data)).convert("RGB").quantize(colors=128)
            buf = io.BytesIO()
            img.save(buf, format="PNG", optimize=True)
            data = buf.getvalue()
        with open(path, "wb") as f:
            f.write(data)
        return len(data)

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            self.proc.wait(10)
            shutil.rmtree(self.profile, ignore_errors=True)


def login(browser, url, user):
    browser.call("Network.clearBrowserCookies")
    browser.goto(url + "/web/login", wait=2)
    browser.evaluate(
        "document.querySelector('input[name=login]').value = %s;"
        "document.querySelector('input[name=password]').value = %s;"
        "document.querySelector('form.oe_login_form').submit();" % ((json.dumps(user),) * 2)
    )
    time.sleep(3)
    if "/web/login" in (browser.evaluate("location.pathname") or ""):
        raise RuntimeError("Login failed for %s" % user)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8369")
    parser.add_argument("--only", action="append", help="file name(s) to take again")
    args = parser.parse_args()
    browser = Browser()
    current = None
    try:
        for name, user, action, (width, height, mobile), script in SHOTS:
            if args.only and name not in args.only:
                continue
            browser.size(width, height, mobile)
            if user != current:
                login(browser, args.url, user)
                current = user
            browser.goto("%s/odoo/action-crm_traffic_light.%s" % (args.url, action), wait=2)
            if not browser.wait_for(".o_action_manager .o_view_controller"):
                print("%s: the view did not load in time" % name, file=sys.stderr)
            if script:
                browser.evaluate(script)
                time.sleep(2)
            path = os.path.join(OUT_DIR, name + ".png")
            print("%-34s %7d bytes" % (name + ".png", browser.screenshot(path)))
    finally:
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
