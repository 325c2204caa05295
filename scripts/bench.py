# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Benchmark of the traffic-light computation (``make bench``, see scripts/bench.sh).

    python scripts/bench.py generate CONF N     generate N customers (scripts/bench_data.py)
    python scripts/bench.py check CONF          read generated rows through the ORM
    python scripts/bench.py phase CONF NAME     one measurement in this process, JSON on stdout
    python scripts/bench.py report CONF [CONF]  every phase, each in its own process; summary

Phases: ``full`` (engine ``_cron_full_run()`` over every customer: the first run, from
nothing stored, as after the installation, then the daily run, then the playbook cron for
the playbooks the first run left pending unless ``BENCH_PLAYBOOK_CRON=0``), ``floor`` (the same
indicators' SQL statements alone over all customers, no storing), ``incremental`` (1% of
the customers get their orders touched, then ``_cron_incremental_run()``), ``list`` (the
customer list filtered by flag, as a salesperson and as a manager), ``segments`` (ABC/XYZ/RFM
segmentation of the company: first run with nothing stored, then the rerun; completeness),
``duplicates`` (the duplicate finder of the weekly cron: time and pairs), ``churn`` (refit of
the company's churn model: history query, fit, scoring of every customer, storing) and
``churn_synthetic`` (scripts/bench_churn.py, numpy only). Peak memory is the process'
``ru_maxrss``, above the baseline of a loaded registry.

``BENCH_PHASES=segments,churn`` runs only the named phases (default: all). A phase that
fails is reported as such; the others still run.
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
BUDGET_CHURN = 30.0
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
        "_cron_full_run": "crm_traffic_light_core.ir_cron_traffic_light_full",
        "_cron_incremental_run": "crm_traffic_light_core.ir_cron_traffic_light_incremental",
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
    """Forget every stored result, so that the next full run is a first run as after the
    installation: statuses, history, partner flags, and the alerts with their activities,
    followers, chatter notes (on the alerts and the customers' notes linking to them)."""
    cr = env.cr
    cr.execute("DELETE FROM crm_traffic_light_status")
    cr.execute("DELETE FROM crm_traffic_light_history")
    cr.execute("SELECT to_regclass('crm_traffic_light_alert') IS NOT NULL")
    if cr.fetchone()[0]:
        model = "crm.traffic.light.alert"
        cr.execute("DELETE FROM mail_activity WHERE res_model = %s", [model])
        cr.execute("DELETE FROM mail_followers WHERE res_model = %s", [model])
        cr.execute("DELETE FROM mail_message WHERE model = %s", [model])
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'res.partner'"
            " AND message_type = 'notification' AND body LIKE %s",
            [f"%data-oe-model=_{model}_%"],
        )
        cr.execute("UPDATE crm_traffic_light_sales_plan SET alert_id = NULL")
        cr.execute("DELETE FROM crm_traffic_light_alert")
    cr.execute(
        "UPDATE res_partner SET traffic_light = NULL, traffic_light_date = NULL"
        " WHERE traffic_light IS NOT NULL OR traffic_light_date IS NOT NULL"
    )
    companies = env["res.company"].search([])
    companies.write({"traffic_light_run_active": False, "traffic_light_run_cursor": 0})
    env.cr.commit()
    vacuum(env, RESET_TABLES)


# Tables emptied or rewritten by reset_results(): vacuumed afterwards, so that the first run
# meets tables as a fresh installation has them, not the dead rows of the previous run.
RESET_TABLES = (
    "crm_traffic_light_status",
    "crm_traffic_light_history",
    "crm_traffic_light_alert",
    "mail_activity",
    "mail_followers",
    "mail_followers_mail_message_subtype_rel",
    "mail_message",
    "mail_tracking_value",
    "res_partner",
)


def vacuum(env, tables):
    """VACUUM ANALYZE the tables that exist (outside a transaction)."""
    import psycopg2  # noqa: PLC0415

    from odoo.sql_db import connection_info_for  # noqa: PLC0415

    _name, info = connection_info_for(env.cr.dbname)
    cnx = psycopg2.connect(**info)
    try:
        cnx.autocommit = True
        with cnx.cursor() as cur:
            for table in tables:
                cur.execute("SELECT to_regclass(%s) IS NOT NULL", [table])
                if cur.fetchone()[0]:
                    cur.execute(f'VACUUM ANALYZE "{table}"')
    finally:
        cnx.close()


def phase_full(env):
    """A first full run (nothing stored yet: every status is written), then the daily full
    run of the next day's kind (everything recomputed, only differences written)."""
    reset_results(env)
    baseline = maxrss_mb()
    start = time.monotonic()
    calls = run_cron(env, "_cron_full_run")
    first = time.monotonic() - start
    rss_first = maxrss_mb()
    alerts = alert_counts(env)
    start = time.monotonic()
    run_cron(env, "_cron_full_run")
    daily = time.monotonic() - start
    env.cr.execute("SELECT flag, COUNT(*) FROM crm_traffic_light_status GROUP BY flag")
    flags = dict(env.cr.fetchall())
    result = {
        "full_first_s": round(first, 2),
        "full_s": round(daily, 2),
        "cron_calls": calls,
        "status_rows": sum(flags.values()),
        "flags": flags,
        "rss_baseline_mb": round(baseline, 1),
        "rss_first_mb": round(rss_first, 1),
        "rss_peak_mb": round(maxrss_mb(), 1),
    }
    if alerts is not None:
        result["alerts_first_run"] = alerts
        if os.environ.get("BENCH_PLAYBOOK_CRON", "1") == "1":
            # The pending playbooks, as the playbook cron launches them after the first run.
            Alert = env["crm.traffic.light.alert"].sudo()
            start = time.monotonic()
            launched = Alert._cron_launch_pending_playbooks()
            env.cr.commit()
            result["playbook_cron_s"] = round(time.monotonic() - start, 2)
            result["playbook_cron_alerts"] = launched
            result["alerts_after_playbook_cron"] = alert_counts(env)
            result["rss_after_playbook_cron_mb"] = round(maxrss_mb(), 1)
    return result


def alert_counts(env):
    """Open alerts, those whose playbook is pending, and their generated activities."""
    if "crm.traffic.light.alert" not in env:
        return None
    env.cr.execute(
        """
        SELECT COUNT(*), COUNT(*) FILTER (WHERE playbook_pending IS NOT NULL),
               COUNT(*) FILTER (WHERE flag = 'red')
          FROM crm_traffic_light_alert WHERE state IN ('new', 'in_progress', 'escalated')
        """
    )
    open_, pending, red = env.cr.fetchone()
    env.cr.execute(
        "SELECT COUNT(*), COUNT(DISTINCT res_id) FROM mail_activity"
        " WHERE res_model = 'crm.traffic.light.alert' AND automated"
    )
    activities, with_activities = env.cr.fetchone()
    return {
        "open": open_,
        "red": red,
        "playbook_pending": pending,
        "with_activities": with_activities,
        "activities": activities,
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


# ----------------------------------------------------------------------------------------
# Segmentation, duplicates, churn model (issues 6 and 7)
# ----------------------------------------------------------------------------------------
SEGMENT = "crm.traffic.light.segment"
DUPLICATE = "crm.traffic.light.duplicate"
CHURN = "crm.traffic.light.churn.model"


def reset_segments(env, company):
    """Forget the company's stored segments, so that the next run is a first run."""
    from odoo.addons.crm_traffic_light_segment.models.crm_traffic_light_segment import (  # noqa: PLC0415
        PARTNER_COLUMNS,
    )

    cr, key = env.cr, str(company.id)
    cr.execute("DELETE FROM crm_traffic_light_segment WHERE company_id = %s", [company.id])
    cr.execute("DELETE FROM crm_traffic_light_segment_history WHERE company_id = %s", [company.id])
    for col in PARTNER_COLUMNS:
        cr.execute(f'UPDATE res_partner SET "{col}" = "{col}" - %s WHERE "{col}" ? %s', [key, key])
    env.cr.commit()


def timed(env, function, *args):
    start = time.monotonic()
    result = function(*args)
    env.cr.commit()
    return result, round(time.monotonic() - start, 2)


def phase_segments(env):
    company = env.company
    Segment = env[SEGMENT].with_company(company)
    reset_segments(env, company)
    baseline = maxrss_mb()
    customers, first = timed(env, Segment._compute_segments, company)
    again, rerun = timed(env, Segment._compute_segments, company)
    _none, completeness = timed(env, env["res.partner"]._traffic_light_compute_completeness)
    env.cr.execute(
        "SELECT abc_class, COUNT(*) FROM crm_traffic_light_segment WHERE company_id = %s"
        " GROUP BY 1 ORDER BY 1",
        [company.id],
    )
    abc = {str(k): v for k, v in env.cr.fetchall()}
    env.cr.execute(
        "SELECT COUNT(*) FROM crm_traffic_light_segment_history WHERE company_id = %s",
        [company.id],
    )
    history = env.cr.fetchone()[0]
    return {
        "segments_customers": customers,
        "segments_first_s": first,
        "segments_rerun_s": rerun,
        "segments_rerun_customers": again,
        "completeness_s": completeness,
        "segments_abc": abc,
        "segments_history_rows": history,
        "rss_baseline_mb": round(baseline, 1),
    }


def phase_duplicates(env):
    """The duplicate finder behind the weekly cron, twice: the pairs are stored by the
    first run, the second one only compares (what the cron does every week)."""
    Duplicate = env[DUPLICATE]
    cron = env.ref("crm_traffic_light_segment.ir_cron_traffic_light_duplicates")
    baseline = maxrss_mb()
    stats, first = timed(env, Duplicate._find_duplicates)
    _stats, rerun = timed(env, Duplicate._find_duplicates)
    env.cr.execute("SELECT COUNT(*) FROM crm_traffic_light_duplicate")
    stored = env.cr.fetchone()[0]
    return {
        "duplicates_cron": cron.code,
        "duplicates_s": first,
        "duplicates_rerun_s": rerun,
        "duplicate_pairs": stats["pairs"],
        "duplicate_method": stats["method"],
        "duplicate_partners": stats["partners"],
        "duplicate_rows_stored": stored,
        "rss_baseline_mb": round(baseline, 1),
    }


def phase_churn(env):
    """Refit of the company's churn model as the daily full run does it (history query, fit,
    scoring of every customer, storing the money at risk), then its parts separately."""
    from odoo import fields  # noqa: PLC0415
    from odoo.addons.crm_traffic_light_churn.maths import bgnbd  # noqa: PLC0415
    from odoo.addons.crm_traffic_light_churn.models.crm_traffic_light_churn_model import (  # noqa: PLC0415
        _CACHE_KEY,
        DEFAULT_VARIANT,
    )

    company = env.company
    Churn = env[CHURN].with_company(company)
    as_of = fields.Date.context_today(Churn)
    baseline = maxrss_mb()
    env.cr.cache.pop(_CACHE_KEY, None)
    model, refit = timed(env, Churn._refit_company, company)
    # the parts, each alone (the history is kept on the cursor by the refit)
    start = time.monotonic()
    ids, x, t_x, age, _turnover = Churn._churn_history(company, as_of)
    history = time.monotonic() - start
    start = time.monotonic()
    result = bgnbd.fit(x, t_x, age, variant=model.variant or DEFAULT_VARIANT)
    fit = time.monotonic() - start
    start = time.monotonic()
    scores = Churn._churn_values(company, ids.tolist(), as_of)
    scoring = time.monotonic() - start
    alive = [v["value"] for v in scores.values() if v["value"] is not None]
    env.cr.rollback()
    return {
        "churn_refit_s": refit,
        "churn_history_s": round(history, 2),
        "churn_fit_s": round(fit, 2),
        "churn_score_s": round(scoring, 2),
        "churn_customers": int(ids.size),
        "churn_repeat_customers": int((x > 0).sum()),
        "churn_variant": model.variant,
        "churn_params": [round(v, 4) for v in (model.r, model.alpha, model.a, model.b)],
        "churn_converged": bool(model.converged and result.converged),
        "churn_mean_p_alive": round(sum(alive) / len(alive), 4) if alive else None,
        "rss_baseline_mb": round(baseline, 1),
    }


def cmd_churn_synthetic():
    """scripts/bench_churn.py: the model alone on simulated customers, no database."""
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bench_churn.py")
    done = subprocess.run([sys.executable, script], stdout=subprocess.PIPE, text=True, check=False)
    lines = done.stdout.strip().splitlines()
    variants = [json.loads(line) for line in lines if line.startswith("{")]
    return {
        "churn_synthetic": {
            v["variant"]: {k: v[k] for k in ("customers", "fit_s", "score_s", "fit_and_score_s")}
            for v in variants
        },
        "churn_synthetic_within_budget": done.returncode == 0,
    }


def phase_counts(env):
    return {"counts": bench_data.counts_of(env)}


PHASES = {
    "counts": phase_counts,
    "full": phase_full,
    "floor": phase_floor,
    "incremental": phase_incremental,
    "list": phase_list,
    "segments": phase_segments,
    "duplicates": phase_duplicates,
    "churn": phase_churn,
}
ALL_PHASES = ("full", "floor", "incremental", "list", "segments", "duplicates", "churn")
NEEDS = {"segments": SEGMENT, "duplicates": DUPLICATE, "churn": CHURN}


def cmd_phase(conf, name):
    env, cr = open_env(conf)
    try:
        needed = NEEDS.get(name, ENGINE)
        if name not in ("list", "counts") and needed not in env:
            print(json.dumps({"skipped": f"{needed} is not installed"}))
            return
        result = PHASES[name](env)
        result["rss_peak_mb"] = round(maxrss_mb(), 1)
        print(json.dumps(result))
    finally:
        cr.close()


def run_phase(conf, name):
    """One phase in its own process; ``{"error": ...}`` when it fails."""
    if name == "churn_synthetic":
        return cmd_churn_synthetic()
    done = subprocess.run(
        [sys.executable, os.path.abspath(__file__), "phase", conf, name],
        check=False,
        stdout=subprocess.PIPE,
        text=True,
    )
    out = done.stdout.strip().splitlines()
    if done.returncode or not out:
        return {"error": f"phase {name} failed (exit code {done.returncode}), see above"}
    return json.loads(out[-1])


def selected_phases():
    """The phases named in BENCH_PHASES (comma-separated), default all of them."""
    known = ALL_PHASES + ("churn_synthetic",)
    wanted = os.environ.get("BENCH_PHASES", "").replace(" ", "")
    names = [n for n in wanted.split(",") if n] or list(known)
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"BENCH_PHASES: unknown phase(s) {', '.join(unknown)}; known: {', '.join(known)}")
    return names


def cmd_report(conf, small_conf=None):
    names = selected_phases()
    counts = run_phase(conf, "counts").get("counts")
    results = {}
    for name in names:
        results[name] = run_phase(conf, name)
        print(f"{name}: {json.dumps(results[name])}", file=sys.stderr)
    small = None
    if small_conf and "full" in names:
        small = {"full": run_phase(small_conf, "full")}
        small["counts"] = run_phase(small_conf, "counts")["counts"]
        print(f"N/10: {json.dumps(small)}", file=sys.stderr)
    print_report(counts, results, small)


def verdict(ok):
    return "OK" if ok else "OVER BUDGET"


def report_engine(results, small):
    full, floor = results.get("full", {}), results.get("floor", {})
    if "skipped" in full:
        print(f"engine: {full['skipped']}")
        return
    if "full_s" in full:
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
        alerts = full.get("alerts_first_run")
        if alerts:
            print(
                f"alerts raised, first run  {alerts['open']:8d}     ({alerts['red']} red;"
                f" playbooks launched in the run: {alerts['with_activities']}, pending for"
                f" the playbook cron: {alerts['playbook_pending']})"
            )
        if "playbook_cron_s" in full:
            print(
                f"playbook cron afterwards  {full['playbook_cron_s']:8.2f} s   "
                f"({full['playbook_cron_alerts']} pending playbooks launched, "
                f"{full['alerts_after_playbook_cron']['activities']} activities in all)"
            )
    if "floor_s" in floor:
        print(f"bare SQL aggregates       {floor['floor_s']:8.2f} s   (floor)")
        for code, seconds in floor["floor_per_indicator_s"].items():
            print(f"    {code:<21} {seconds:8.2f} s")
    if "full_s" in full and floor.get("floor_s"):
        ratio = full["full_s"] / floor["floor_s"]
        ratio_first = full["full_first_s"] / floor["floor_s"]
        print(
            f"ratio daily run / floor   {ratio:8.2f}     (budget {BUDGET_RATIO:.0f})"
            f"    {verdict(ratio <= BUDGET_RATIO)}   (first run: {ratio_first:.2f})"
        )
    inc = results.get("incremental", {})
    if "incremental_s" in inc:
        per_1000 = inc["incremental_s"] * 1000.0 / max(1, inc["incremental_customers"])
        print(
            f"incremental, {inc['incremental_customers']} customers"
            f" {inc['incremental_s']:6.2f} s   (= {per_1000:.2f} s per 1,000; budget"
            f" {BUDGET_INCREMENTAL_1000:.0f} s)  {verdict(per_1000 <= BUDGET_INCREMENTAL_1000)}"
        )
    if "full_s" in full:
        print(
            f"peak memory (full run)    {full['rss_peak_mb']:8.1f} MB  (registry loaded:"
            f" {full['rss_baseline_mb']:.1f} MB, run adds"
            f" {full['rss_peak_mb'] - full['rss_baseline_mb']:.1f} MB)"
        )
    if small and "full_s" in small["full"]:
        sf = small["full"]
        print(
            f"  with N/10 = {small['counts']['customers']} customers: full"
            f" {sf['full_first_s']:.2f} s first, {sf['full_s']:.2f} s daily, peak"
            f" {sf['rss_peak_mb']:.1f} MB (run adds"
            f" {sf['rss_peak_mb'] - sf['rss_baseline_mb']:.1f} MB)"
        )


def report_list(results):
    for label, res in results.get("list", {}).get("list", {}).items():
        print(
            f"list red customers ({label:<17}) {res['warm_s']:6.3f} s warm,"
            f" {res['first_s']:.3f} s first  ({res['rows']} rows of {res['count']})"
            f"  {verdict(res['first_s'] <= BUDGET_LIST)}"
        )


def report_models(results):
    seg = results.get("segments", {})
    if "segments_first_s" in seg:
        print(
            f"segmentation, first run   {seg['segments_first_s']:8.2f} s   "
            f"({seg['segments_customers']} customers; ABC {seg['segments_abc']})"
        )
        print(
            f"segmentation, rerun       {seg['segments_rerun_s']:8.2f} s   "
            f"(completeness of every card {seg['completeness_s']:.2f} s)"
        )
    dup = results.get("duplicates", {})
    if "duplicates_s" in dup:
        print(
            f"duplicate finder          {dup['duplicates_s']:8.2f} s   ({dup['duplicate_pairs']}"
            f" pairs among {dup['duplicate_partners']} partners, {dup['duplicate_method']};"
            f" rerun {dup['duplicates_rerun_s']:.2f} s)"
        )
    churn = results.get("churn", {})
    if "churn_refit_s" in churn:
        print(
            f"churn model refit         {churn['churn_refit_s']:8.2f} s   (budget"
            f" {BUDGET_CHURN:.0f} s)  {verdict(churn['churn_refit_s'] <= BUDGET_CHURN)}"
        )
        print(
            f"    history {churn['churn_history_s']:.2f} s, fit {churn['churn_fit_s']:.2f} s,"
            f" scoring {churn['churn_score_s']:.2f} s of {churn['churn_customers']} customers"
            f" ({churn['churn_repeat_customers']} repeat; {churn['churn_variant']}"
            f" {churn['churn_params']})"
        )
    synthetic = results.get("churn_synthetic", {})
    for variant, fig in synthetic.get("churn_synthetic", {}).items():
        print(
            f"churn synthetic {variant:<9} {fig['fit_and_score_s']:8.2f} s   (fit"
            f" {fig['fit_s']:.2f} s + scoring {fig['score_s']:.2f} s of {fig['customers']}"
            f" customers)  {verdict(fig['fit_and_score_s'] <= BUDGET_CHURN)}"
        )


def print_report(counts, results, small):
    line = "-" * 72
    print(line)
    if counts:
        print(
            "Data: {customers} customers ({customers_with_orders} with orders), "
            "{sale_orders} orders, {sale_order_lines} order lines, {invoices} invoices, "
            "{invoice_lines} invoice product lines ({order_and_invoice_lines} order+invoice "
            "lines), {all_move_lines} journal items, {open_invoices} open invoices "
            "({overdue_invoices} overdue), {done_activities} done activities, "
            "{calendar_events} meetings".format(**counts)
        )
        print(line)
    for name, result in results.items():
        if "error" in result:
            print(f"{name}: {result['error']}")
        elif "skipped" in result:
            print(f"{name}: skipped, {result['skipped']}")
    sections = (
        ("engine", lambda: report_engine(results, small)),
        ("list", lambda: report_list(results)),
        ("segments, duplicates, churn", lambda: report_models(results)),
    )
    for label, section in sections:
        try:
            section()
        except (KeyError, TypeError, ZeroDivisionError) as error:
            print(f"{label}: cannot print ({error!r})")
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
