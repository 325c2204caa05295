"""Benchmark of the churn model (BG/NBD family): fit + scoring of 100,000 synthetic customers.

Needs only numpy and scipy (no database): `.venv/bin/python scripts/bench_churn.py [N]`.
Budget: fit + scoring <= 30 s for 100,000 customers on a 2-core machine.
"""

import importlib.util
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "bgnbd", ROOT / "crm_traffic_light" / "models" / "bgnbd.py"
)
bgnbd = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bgnbd)

BUDGET_S = 30.0

if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    worst = 0.0
    for variant in ("mbgnbd", "bgnbd"):
        figures = bgnbd.benchmark(n, variant=variant)
        worst = max(worst, figures["fit_and_score_s"])
        print(json.dumps(figures))
    verdict = "within" if worst <= BUDGET_S else "OVER"
    print(
        "churn model: fit + scoring of %s customers: %.2f s (%s the %s s budget)"
        % (n, worst, verdict, BUDGET_S)
    )
    sys.exit(0 if worst <= BUDGET_S else 1)
