# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the churn model (BG/NBD family): fit + scoring of 100,000 synthetic customers.

Needs only numpy and scipy (no database, no Odoo): `.venv/bin/python scripts/bench_churn.py [N]`.
Loads the maths of crm_traffic_light_churn (maths/bgnbd.py) from its file.
Budget: fit + scoring <= 30 s for 100,000 customers on a 2-core machine.
"""

import importlib.util
import json
import pathlib
import sys
import time

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location(
    "bgnbd", ROOT / "crm_traffic_light_churn" / "maths" / "bgnbd.py"
)
bgnbd = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bgnbd)

BUDGET_S = 30.0


def benchmark(n=100_000, seed=0, variant="mbgnbd", horizon=90 / 7):
    """Time fit + scoring for ``n`` synthetic customers (not a test: the benchmark command).

    Histories are simulated from the model over two years of acquisition, in weeks rounded to
    whole days like the SQL history. Returns a dict of figures (seconds, parameters).
    """
    truth = (0.8, 6.0, 0.7, 3.0)
    rng = np.random.default_rng(seed)
    ages = np.round(rng.uniform(1, 2 * 365, n)) / 7
    start = time.perf_counter()
    x, t_x, T = bgnbd.simulate(truth, ages, variant=variant, seed=seed)
    t_x = np.minimum(np.round(t_x * 7) / 7, T)
    simulated = time.perf_counter()
    result = bgnbd.fit(x, t_x, T, variant=variant)
    fitted = time.perf_counter()
    alive = bgnbd.p_alive(result.params, x, t_x, T, variant=variant)
    expected = bgnbd.expected_transactions(result.params, horizon, x, t_x, T, variant=variant)
    scored = time.perf_counter()
    return {
        "customers": n,
        "variant": variant,
        "true_params": truth,
        "fitted_params": tuple(round(v, 4) for v in result.params),
        "converged": result.converged,
        "iterations": result.iterations,
        "simulate_s": round(simulated - start, 3),
        "fit_s": round(fitted - simulated, 3),
        "score_s": round(scored - fitted, 3),
        "fit_and_score_s": round(scored - simulated, 3),
        "mean_p_alive": round(float(alive.mean()), 4),
        "mean_expected_orders": round(float(expected.mean()), 4),
    }


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    worst = 0.0
    for variant in ("mbgnbd", "bgnbd"):
        figures = benchmark(n, variant=variant)
        worst = max(worst, figures["fit_and_score_s"])
        print(json.dumps(figures))
    verdict = "within" if worst <= BUDGET_S else "OVER"
    print(
        "churn model: fit + scoring of %s customers: %.2f s (%s the %s s budget)"
        % (n, worst, verdict, BUDGET_S)
    )
    sys.exit(0 if worst <= BUDGET_S else 1)
