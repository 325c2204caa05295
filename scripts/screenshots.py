# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Take the README screenshots of the reports from a running demo database.

Drives Debian's headless Chromium through the DevTools protocol (``websocket-client``):
logs in as the demo managers and the demo salesperson, opens each report's action (or the
HTML rendering of the printed customer health card of a red customer) and saves a PNG in
``crm_traffic_light/static/description/``. Each shot is taken in a given language: the user
switches to it (as in *My Preferences*) before the shot and back to their own language after.

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
import urllib.parse
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
# A4 at 96 dpi; the height grows to the card's length.
CARD = (794, 1123, False)
# What a shot opens: an action of the addon (its XML id), or the health card of a red customer
# of one of the given countries (one with an open alert first, then by name), as HTML.
CONDITION = "action_traffic_light_condition_report"
CARD_DACH = ("health_card", ("DE", "AT"))
CARD_PL = ("health_card", ("PL",))
# (file name, login, language, what to open, (width, height, mobile), JavaScript run before the
# shot). The health card is printed in the customer's language (a German customer's card is in
# English: the addons ship no German translation).
SHOTS = [
    ("screenshot_handling_time", "katarzyna", "en_US", "action_traffic_light_alert_report",
     DESKTOP, ""),
    ("screenshot_condition", "katarzyna", "en_US", CONDITION, DESKTOP, ""),
    ("screenshot_reasons", "katarzyna", "en_US", "action_traffic_light_reason_report", DESKTOP,
     FLIP_PIVOT),
    ("reasons_map", "katarzyna", "en_US", "action_traffic_light_reason_map", DESKTOP, ""),
    ("screenshot_pl_condition", "katarzyna", "pl_PL", CONDITION, DESKTOP, ""),
    ("screenshot_pl_health_card", "katarzyna", "pl_PL", CARD_PL, CARD, ""),
    ("screenshot_health_card", "markus", "en_US", CARD_DACH, CARD, ""),
    ("screenshot_my_customers_health", "piotr", "en_US", "action_my_customers_health", PHONE,
     SCROLL_RED),
]  # fmt: skip
HEALTH_CARD = "crm_traffic_light_report.report_health_card"


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

    def evaluate(self, expression, await_promise=False):
        res = self.call(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=await_promise,
        )
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"].get("exception", {}).get("description"))
        return res.get("result", {}).get("value")

    def rpc(self, route, params):
        """A JSON-RPC call from the page, in the logged-in user's session."""
        script = (
            "fetch(%s, {method: 'POST', headers: {'Content-Type': 'application/json'},"
            " body: JSON.stringify({jsonrpc: '2.0', method: 'call', params: %s})})"
            ".then(r => r.json())"
        )
        answer = self.evaluate(script % (json.dumps(route), json.dumps(params)), True)
        if answer.get("error"):
            raise RuntimeError("%s: %s" % (route, answer["error"]["data"]["message"]))
        return answer["result"]

    def call_kw(self, model, method, args, **kwargs):
        params = {"model": model, "method": method, "args": args, "kwargs": kwargs}
        return self.rpc("/web/dataset/call_kw/%s/%s" % (model, method), params)

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

    def fit_height(self, width, height, mobile):
        """Grow the viewport to the page's height, so that the whole page is taken."""
        full = self.evaluate("document.documentElement.scrollHeight") or height
        self.size(width, max(height, min(int(full), 3 * height)), mobile)
        time.sleep(1)

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
    uid = browser.rpc("/web/session/get_session_info", {})["uid"]
    return uid, browser.call_kw("res.users", "read", [[uid], ["lang"]])[0]["lang"]


def set_lang(browser, uid, lang):
    """Switch the logged-in user's language, as My Preferences does (next page load)."""
    browser.call_kw("res.users", "write", [[uid], {"lang": lang}])


def health_card_url(browser, url, countries, lang):
    """The HTML rendering of the printed health card of a red customer of the countries, with
    the user's language in the context as the web client's Print menu passes it (without it
    the route would follow the ``frontend_lang`` cookie of the login page)."""
    fields = ["name", "traffic_light_alert_count"]
    domain = [("traffic_light", "=", "red"), ("country_id.code", "in", list(countries))]
    partners = browser.call_kw("res.partner", "search_read", [domain, fields], order="name")
    if not partners:
        raise RuntimeError("No red customer in %s" % ", ".join(countries))
    partner = max(partners, key=lambda p: bool(p["traffic_light_alert_count"]))
    context = urllib.parse.quote(json.dumps({"lang": lang}))
    return "%s/report/html/%s/%d?context=%s" % (url, HEALTH_CARD, partner["id"], context)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://localhost:8369")
    parser.add_argument("--only", action="append", help="file name(s) to take again")
    args = parser.parse_args()
    browser = Browser()
    current = uid = own_lang = current_lang = None
    try:
        for name, user, lang, target, (width, height, mobile), script in SHOTS:
            if args.only and name not in args.only:
                continue
            browser.size(width, height, mobile)
            if user != current:
                if current:
                    set_lang(browser, uid, own_lang)
                uid, own_lang = login(browser, args.url, user)
                current, current_lang = user, own_lang
            if lang != current_lang:
                set_lang(browser, uid, lang)
                current_lang = lang
            if isinstance(target, tuple):
                browser.goto(health_card_url(browser, args.url, target[1], lang), wait=2)
                if not browser.wait_for(".o_tl_health_card"):
                    print("%s: the card did not load in time" % name, file=sys.stderr)
                browser.fit_height(width, height, mobile)
            else:
                browser.goto(
                    "%s/odoo/action-crm_traffic_light_report.%s" % (args.url, target), wait=2
                )
                if not browser.wait_for(".o_action_manager .o_view_controller"):
                    print("%s: the view did not load in time" % name, file=sys.stderr)
            if script:
                browser.evaluate(script)
                time.sleep(2)
            path = os.path.join(OUT_DIR, name + ".png")
            print("%-34s %7d bytes" % (name + ".png", browser.screenshot(path)))
    finally:
        if current and own_lang != current_lang:
            set_lang(browser, uid, own_lang)
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
