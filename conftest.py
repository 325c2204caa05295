# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Project-wide pytest hooks: in this project a skipped test is a failed test."""

import pytest

import odoo.http


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        report.outcome = "failed"
        report.longrepr = "SKIPPED, which counts as failed here: %s" % (report.longrepr,)


@pytest.fixture(scope="session", autouse=True)
def warm_up_http_statics():
    """Read every addon manifest once, before the HTTP server thread does.

    CPython 3.11 before 3.11.9 may raise "SystemError: AST constructor recursion depth
    mismatch" when two threads parse Python at the same moment (gh-106905). Odoo's HTTP
    thread parses all manifests on the first static-file request, while the test thread
    parses domains and expressions: computing that lazy property here avoids the race."""
    odoo.http.root.statics  # noqa: B018
    yield
