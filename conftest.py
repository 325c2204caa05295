"""Project-wide pytest hooks: in this project a skipped test is a failed test."""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped:
        report.outcome = "failed"
        report.longrepr = "SKIPPED, which counts as failed here: %s" % (report.longrepr,)
