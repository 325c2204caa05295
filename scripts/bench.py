"""Benchmark of the traffic-light computation (``make bench``, see scripts/bench.sh).

    python scripts/bench.py generate CONF N     generate N customers (scripts/bench_data.py)
    python scripts/bench.py check CONF          read generated rows through the ORM
    python scripts/bench.py phase CONF NAME     one measurement in this process, JSON on stdout
    python scripts/bench.py report CONF [CONF]  every phase, each in its own process; summary

Phases: ``full`` (engine ``_cron_full_run()`` over every customer), ``floor`` (the same
indicators' SQL statements alone over all customers, no storing), ``incremental`` (1% of
the customers get their orders touched, then ``_cron_incremental_run()``), ``list`` (the
customer list filtered by flag, as a salesperson and as a manager). Peak memory is the
process' ``ru_maxrss``, above the baseline of a loaded registry.
"""

import json
import logging
import os
import resource
import subprocess
import sys
import time
from contextlib import contextmanager

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import bench_data  # noqa: E402

BUDGET_FULL = 60.0
BUDGET_RATIO = 3.0
BUDGET_INCREMENTAL_1000 = 3.0
BUDGET_LIST = 1.0
ENGINE = "crm.traffic.light.engine"
MIXIN = "crm.traffic.light.indicator.mixin"


def maxrss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def open_env(conf):
    import odoo  # noqa: PLC0415 (after the configuration is known)
    from odoo import SUPERUSER_ID, api  # noqa: PLC0415
    from odoo.tools import config  # noqa: PLC0415

    config.parse_config(["-c", conf, "--log-level=warn"])
    odoo.netsvc.init_logger()
    logging.getLogger("bench").setLevel(logging.INFO)
    registry = odoo.modules.registry.Registry(config["db_name"])
    cr = registry.cursor()
    return api.Environment(cr, SUPERUSER_ID, {}), cr


def cmd_generate(conf, n):
    env, cr = open_env(conf)
    try:
        size = bench_data.existing_size(env)
        if size:
            bench_data.refresh(env)
            cr.commit()
            print(json.dumps({"reused": True, "customers": size}))
            return
        bench_data.generate(env, int(n))
        bench_data.refresh(env)
        cr.commit()
        print(json.dumps(bench_data.counts_of(env)))
    finally:
        cr.close()


def cmd_check(conf):
    env, cr = open_env(conf)
    try:
        print(json.dumps(bench_data.check_orm(env), default=str))
    finally:
        cr.close()


# ----------------------------------------------------------------------------------------
# Phases
# ----------------------------------------------------------------------------------------
def customer_ids(env, company):
    env.cr.execute(
        """
        SELECT DISTINCT rp.commercial_partner_id
          FROM sale_order so JOIN res_partner rp ON rp.id = so.partner_id
         WHERE so.state = 'sale' AND so.company_id = %s
         ORDER BY 1
        """,
        [company.id],
    )
    return [r[0] for r in env.cr.fetchall()]


@contextmanager
def sql_timer(cr):
    """Accumulate the time spent in cr.execute / fetch* (the database side)."""
    spent = {"sql": 0.0, "statements": 0}
    originals = {}
    for name in ("execute", "fetchall", "fetchone", "dictfetchall", "fetchmany"):
        originals[name] = getattr(cr, name)

        def wrapper(*args, _name=name, **kwargs):
            start = time.monotonic()
            try:
                return originals[_name](*args, **kwargs)
            finally:
                spent["sql"] += time.monotonic() - start
                spent["statements"] += _name == "execute"

        setattr(cr, name, wrapper)
    try:
        yield spent
    finally:
        for name in originals:
            delattr(cr, name)


def engine_params(engine, company):
    for name in ("_get_params", "_params", "_get_company_params", "_company_params"):
        if hasattr(engine, name):
            return getattr(engine, name)(company)
    raise RuntimeError("cannot find the engine's parameter method")


def run_cron(env, method):
    """Run an engine cron entry point until it reports no remaining work."""
    cron_xmlid = {
        "_cron_full_run": "crm_traffic_light.ir_cron_traffic_light_full",
        "_cron_incremental_run": "crm_traffic_light.ir_cron_traffic_light_incremental",
    }[method]
    cron = env.ref(cron_xmlid)
    calls = 0
    while True:
        cron_ctx, progress = cron._add_progress()
        env.cr.commit()
        engine = env[ENGINE].with_context(cron_ctx.env.context)
        getattr(engine, method)()
        env.cr.commit()
        calls += 1
        if not progress.remaining or not progress.done or calls >= 100:
            return calls


def reset_results(env):
    """Forget every stored result, so that the next full run is a first run."""
    cr = env.cr
    cr.execute("DELETE FROM crm_traffic_light_status")
    cr.execute("DELETE FROM crm_traffic_light_history")
    cr.execute(
        "UPDATE res_partner SET traffic_light = NULL, traffic_light_date = NULL"
        " WHERE traffic_light IS NOT NULL OR traffic_light_date IS NOT NULL"
    )
    companies = env["res.company"].search([])
    companies.write({"traffic_light_run_active": False, "traffic_light_run_cursor": 0})
    env.cr.commit()


def phase_full(env):
    """A first full run (nothing stored yet: every status is written), then the daily full
    run of the next day's kind (everything recomputed, only differences written)."""
    reset_results(env)
    baseline = maxrss_mb()
    start = time.monotonic()
    calls = run_cron(env, "_cron_full_run")
    first = time.monotonic() - start
    start = time.monotonic()
    run_cron(env, "_cron_full_run")
    daily = time.monotonic() - start
    env.cr.execute("SELECT flag, COUNT(*) FROM crm_traffic_light_status GROUP BY flag")
    flags = dict(env.cr.fetchall())
    return {
        "full_first_s": round(first, 2),
        "full_s": round(daily, 2),
        "cron_calls": calls,
        "status_rows": sum(flags.values()),
        "flags": flags,
        "rss_baseline_mb": round(baseline, 1),
        "rss_peak_mb": round(maxrss_mb(), 1),
    }


def phase_floor(env):
    """The indicators' SQL statements alone over all customers of each company, in the
    engine's batches and with its planner settings, nothing stored: the time PostgreSQL
    needs for the bare aggregates (the floor of the full run)."""
    engine = env[ENGINE]
    indicators = env[MIXIN]._get_indicators()
    total = 0.0
    per_indicator = {}
    as_of = __import__("odoo").fields.Date.context_today(engine)
    for company in env["res.company"].search([]):
        partners = customer_ids(env, company)
        if not partners:
            continue
        params = engine_params(engine, company)
        size = params.get("batch_size") or 5000
        for offset in range(0, len(partners), size):
            batch = partners[offset : offset + size]
            with engine._planner_settings():
                for indicator in indicators:
                    with sql_timer(env.cr) as spent:
                        indicator.with_company(company)._indicator_values(
                            company, batch, as_of, params
                        )
                    code = indicator._indicator_code
                    per_indicator[code] = per_indicator.get(code, 0.0) + spent["sql"]
                    total += spent["sql"]
    env.cr.rollback()
    return {
        "floor_s": round(total, 2),
        "floor_per_indicator_s": {k: round(v, 2) for k, v in per_indicator.items()},
    }


def phase_incremental(env):
    company = env.company
    partners = customer_ids(env, company)
    sample = partners[:: max(1, len(partners) // max(1, len(partners) // 100))]
    sample = sample[: max(1, len(partners) // 100)]
    # Make sure the incremental run starts from a clean state, then touch 1% of customers.
    run_cron(env, "_cron_incremental_run")
    env.cr.execute(
        """
        UPDATE sale_order so SET write_date = now() at time zone 'UTC'
          FROM res_partner rp
         WHERE rp.id = so.partner_id AND rp.commercial_partner_id = ANY(%s)
        """,
        [sample],
    )
    env.cr.commit()
    start = time.monotonic()
    run_cron(env, "_cron_incremental_run")
    elapsed = time.monotonic() - start
    return {"incremental_customers": len(sample), "incremental_s": round(elapsed, 2)}


def phase_list(env):
    """The customer list filtered by flag, as the web client asks it."""
    results = {}
    salesperson = env["res.users"].search([("login", "=", "bench_sales_1")], limit=1)
    manager = env["res.users"].search([("login", "=", "bench_manager_1")], limit=1)
    fields_ = ["display_name", "traffic_light", "user_id", "email", "phone", "city"]
    red = [("traffic_light", "=", "red")]
    cases = (
        ("admin", env.user, red),
        ("manager", manager, red),
        ("salesperson", salesperson, red),
        ("salesperson, mine", salesperson, red + [("user_id", "=", salesperson.id)]),
    )
    for label, user, domain in cases:
        if not user:
            continue
        Partner = env["res.partner"].with_user(user)
        timings = []
        for _i in range(3):
            env.invalidate_all()
            start = time.monotonic()
            rows = Partner.search_read(domain, fields_, limit=80)
            count = Partner.search_count(domain)
            timings.append(time.monotonic() - start)
        results[label] = {
            "rows": len(rows),
            "count": count,
            "first_s": round(timings[0], 3),
            "warm_s": round(min(timings[1:]), 3),
        }
    env.cr.rollback()
    return {"list": results}


def phase_counts(env):
    return {"counts": bench_data.counts_of(env)}


PHASES = {
    "counts": phase_counts,
    "full": phase_full,
    "floor": phase_floor,
    "incremental": phase_incremental,
    "list": phase_list,
}


def cmd_phase(conf, name):
    env, cr = open_env(conf)
    try:
        if name not in ("list", "counts") and ENGINE not in env:
            print(json.dumps({"skipped": f"{ENGINE} is not installed"}))
            return
        result = PHASES[name](env)
        result["rss_peak_mb"] = round(maxrss_mb(), 1)
        print(json.dumps(result))
    finally:
        cr.close()


def run_phase(conf, name):
    out = (
        subprocess.run(
            [sys.executable, os.path.abspath(__file__), "phase", conf, name],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        .stdout.strip()
        .splitlines()
    )
    return json.loads(out[-1])


def cmd_report(conf, small_conf=None):
    counts = run_phase(conf, "counts")["counts"]
    results = {}
    for name in ("full", "floor", "incremental", "list"):
        results[name] = run_phase(conf, name)
        print(f"{name}: {json.dumps(results[name])}", file=sys.stderr)
    small = None
    if small_conf:
        small = {"full": run_phase(small_conf, "full")}
        small["counts"] = run_phase(small_conf, "counts")["counts"]
        print(f"N/10: {json.dumps(small)}", file=sys.stderr)
    print_report(counts, results, small)


def print_report(counts, results, small):
    line = "-" * 72
    print(line)
    print(
        "Data: {customers} customers ({customers_with_orders} with orders), "
        "{sale_orders} orders, {sale_order_lines} order lines, {invoices} invoices, "
        "{invoice_lines} invoice product lines ({order_and_invoice_lines} order+invoice "
        "lines), {all_move_lines} journal items, {open_invoices} open invoices "
        "({overdue_invoices} overdue), {done_activities} done activities, "
        "{calendar_events} meetings".format(**counts)
    )
    print(line)

    def verdict(ok):
        return "OK" if ok else "OVER BUDGET"

    full, floor = results["full"], results["floor"]
    if "skipped" in full:
        print(f"engine: {full['skipped']}; only the list query is measured")
    else:
        ratio = full["full_s"] / floor["floor_s"] if floor.get("floor_s") else float("inf")
        ratio_first = full["full_first_s"] / floor["floor_s"] if floor.get("floor_s") else 0
        inc = results["incremental"]
        per_1000 = inc["incremental_s"] * 1000.0 / max(1, inc["incremental_customers"])
        print(
            f"full recompute, first run {full['full_first_s']:8.2f} s   (nothing stored yet:"
            f" {full['status_rows']} statuses written)"
            f"  {verdict(full['full_first_s'] <= BUDGET_FULL)}"
        )
        print(
            f"full recompute, daily run {full['full_s']:8.2f} s   (budget {BUDGET_FULL:.0f} s)"
            f"  {verdict(full['full_s'] <= BUDGET_FULL)}"
        )
        print(f"flags                     {full['flags']}")
        print(f"bare SQL aggregates       {floor['floor_s']:8.2f} s   (floor)")
        for code, seconds in floor["floor_per_indicator_s"].items():
            print(f"    {code:<21} {seconds:8.2f} s")
        print(
            f"ratio daily run / floor   {ratio:8.2f}     (budget {BUDGET_RATIO:.0f})"
            f"    {verdict(ratio <= BUDGET_RATIO)}   (first run: {ratio_first:.2f})"
        )
        print(
            f"incremental, {inc['incremental_customers']} customers"
            f" {inc['incremental_s']:6.2f} s   (= {per_1000:.2f} s per 1,000; budget"
            f" {BUDGET_INCREMENTAL_1000:.0f} s)  {verdict(per_1000 <= BUDGET_INCREMENTAL_1000)}"
        )
        print(
            f"peak memory (full run)    {full['rss_peak_mb']:8.1f} MB  (registry loaded:"
            f" {full['rss_baseline_mb']:.1f} MB, run adds"
            f" {full['rss_peak_mb'] - full['rss_baseline_mb']:.1f} MB)"
        )
        if small and "skipped" not in small["full"]:
            sf = small["full"]
            print(
                f"  with N/10 = {small['counts']['customers']} customers: full"
                f" {sf['full_first_s']:.2f} s first, {sf['full_s']:.2f} s daily, peak"
                f" {sf['rss_peak_mb']:.1f} MB (run adds"
                f" {sf['rss_peak_mb'] - sf['rss_baseline_mb']:.1f} MB)"
            )
    for label, res in results["list"]["list"].items():
        print(
            f"list red customers ({label:<17}) {res['warm_s']:6.3f} s warm,"
            f" {res['first_s']:.3f} s first  ({res['rows']} rows of {res['count']})"
            f"  {verdict(res['first_s'] <= BUDGET_LIST)}"
        )
    print(line)
    print("JSON " + json.dumps({"counts": counts, "results": results, "small": small}))


def main(argv):
    command, args = argv[1], argv[2:]
    {
        "generate": cmd_generate,
        "check": cmd_check,
        "phase": cmd_phase,
        "report": cmd_report,
    }[command](*args)


if __name__ == "__main__":
    main(sys.argv)
