# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Snapshot a database before an upgrade and compare it after (``make test``'s upgrade check).

Usage:
  upgrade_compare.py snapshot DB FILE.json   record the business rows (before the upgrade)
  upgrade_compare.py compare DB FILE.json    compare (after); exits 1 on any loss or duplicate

Plain SQL over psycopg2 (PG* variables), independent of the code version. Recorded:
- every row of the addons' own tables (``crm_traffic_light_*``, transient wizards excepted)
  and of the Odoo tables that hold their data or settings (partners, companies, orders,
  invoices, messages, followers, users' groups, activity types and plans, crons, settings):
  an md5 per row over the columns it had (``write_date`` / ``write_uid`` left out);
- the open activities as a multiset of (type, user, deadline, summary): an upgrade may move
  an activity to another document (alert -> customer), it must not lose one;
- the XML ids of the single addon (and of the helpdesk bridge) with their record and
  ``noupdate`` flag: after the upgrade each one must name the same record in an addon of the
  family (or be one that the family no longer declares, listed in GONE).
Compared: rows lost, rows changed, rows added to the addons' tables, names that became
duplicates (two reasons, activity types, groups ... of the same name), XML ids lost or
pointing elsewhere, schema rows (constraints, many2many tables) owned twice.
"""

import hashlib
import json
import os
import sys
from collections import Counter

import psycopg2

MONOLITH = "crm_traffic_light"
OLD_MODULES = (MONOLITH, "crm_traffic_light_helpdesk")
SKIPPED_COLUMNS = {"write_date", "write_uid"}
# Odoo's tables that hold the addons' data or settings, or business data around them.
ODOO_TABLES = (
    "res_partner",
    "res_company",
    "res_users",
    "res_groups",
    "res_groups_users_rel",
    "res_groups_implied_rel",
    "ir_config_parameter",
    "sale_order",
    "sale_order_line",
    "account_move",
    "account_payment",
    "calendar_event",
    "crm_lead",
    "mail_message",
    "mail_followers",
    "mail_activity_type",
    "mail_activity_plan",
    "mail_activity_plan_template",
    "ir_cron",
    "ir_act_server",
    "product_pricelist",
    "res_partner_category",
    "res_partner_res_partner_category_rel",
)
# Tables whose rows an upgrade may add (new shipped records); the others must not grow.
GROWING_TABLES = ODOO_TABLES
# Names that must stay unique where they were: (table, SQL expression of the key).
UNIQUE_NAMES = (
    ("res_groups", "category_id::text || ' ' || (name->>'en_US')"),
    ("mail_activity_type", "name->>'en_US'"),
    ("mail_activity_plan", "name"),
    ("mail_activity_plan_template", "plan_id::text || ' ' || sequence || ' ' || summary::text"),
    ("ir_cron", "cron_name"),
    ("ir_ui_menu", "COALESCE(parent_id, 0)::text || ' ' || (name->>'en_US')"),
    ("crm_traffic_light_alert_reason", "company_id::text || ' ' || (name->>'en_US')"),
    ("crm_traffic_light_potential_step", "percent::text"),
    ("crm_traffic_light_completeness_field", "field_id::text"),
)
SCHEMA_TABLES = ("ir_model_constraint", "ir_model_relation")
# Columns that the family drops on purpose when it upgrades 18.0.1.0.0 (a field removed or
# moved to another model, with a migration that carries its values): {table: {column}}.
# Such a column is left out of the row comparison instead of failing the check.
DROPPED_COLUMNS = {}
# XML ids of 18.0.1.0.0 that no addon of the family declares any more (see
# /docs/architecture.md): the abstract report mixin's field, its selection values, and the
# helpdesk bridge's former extension of the status model.
GONE = {
    f"{MONOLITH}.field_crm_traffic_light_report_mixin__abc_class",
    f"{MONOLITH}.selection__crm_traffic_light_report_mixin__abc_class__a",
    f"{MONOLITH}.selection__crm_traffic_light_report_mixin__abc_class__b",
    f"{MONOLITH}.selection__crm_traffic_light_report_mixin__abc_class__c",
    "crm_traffic_light_helpdesk.model_crm_traffic_light_status",
}


def connect(db):
    return psycopg2.connect(
        dbname=db,
        host=os.environ.get("PGHOST", "127.0.0.1"),
        port=os.environ.get("PGPORT", "5432"),
        user=os.environ.get("PGUSER"),
        password=os.environ.get("PGPASSWORD"),
    )


def quoted(name):
    return '"%s"' % name.replace('"', '""')


def columns_of(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = %s ORDER BY column_name",
        [table],
    )
    return [name for (name,) in cr.fetchall()]


def addon_tables(cr):
    """The addons' own tables (not SQL views, not transient wizards)."""
    cr.execute(
        r"""
        SELECT t.tablename FROM pg_tables t
         WHERE t.schemaname = current_schema() AND t.tablename LIKE 'crm\_traffic\_light\_%'
           AND NOT EXISTS (SELECT 1 FROM ir_model m
                            WHERE m.transient AND replace(m.model, '.', '_') = t.tablename)
         ORDER BY 1
        """
    )
    return [name for (name,) in cr.fetchall()]


def row_hashes(cr, table, columns):
    """``{key: md5}``: key = id, or the row's own md5 for tables without id (many2many)."""
    values = ", ".join(quoted(c) for c in columns if c not in SKIPPED_COLUMNS)
    cr.execute(
        "SELECT %s, md5(ROW(%s)::text) FROM %s"
        % ("id::text" if "id" in columns else "NULL", values, quoted(table))
    )
    hashes = Counter()
    rows = {}
    for key, digest in cr.fetchall():
        if key is None:
            hashes[digest] += 1
        else:
            rows[key] = digest
    return rows or {
        f"{digest}#{n}": digest for digest, count in hashes.items() for n in range(count)
    }


def snapshot(cr):
    tables = {}
    for table in addon_tables(cr) + list(ODOO_TABLES):
        columns = columns_of(cr, table)
        if columns:
            tables[table] = {"columns": columns, "rows": row_hashes(cr, table, columns)}
    cr.execute(
        "SELECT activity_type_id, user_id, date_deadline, summary FROM mail_activity ORDER BY 1"
    )
    activities = sorted(json.dumps(row, default=str) for row in cr.fetchall())
    cr.execute(
        "SELECT module || '.' || name, model, res_id, noupdate FROM ir_model_data"
        " WHERE module IN %s",
        [OLD_MODULES],
    )
    xmlids = {
        xmlid: [model, res_id, bool(noupdate)] for xmlid, model, res_id, noupdate in cr.fetchall()
    }
    duplicates = {table: sorted(duplicate_names(cr, table, key)) for table, key in UNIQUE_NAMES}
    duplicates.update((table, owned_twice(cr, table)) for table in SCHEMA_TABLES)
    return {"tables": tables, "activities": activities, "xmlids": xmlids, "duplicates": duplicates}


def owned_twice(cr, table):
    """Constraints / many2many tables registered by two modules."""
    cr.execute("SELECT name FROM %s GROUP BY name, model HAVING count(*) > 1" % quoted(table))
    return sorted(name for (name,) in cr.fetchall())


def duplicate_names(cr, table, key):
    if not columns_of(cr, table):
        return []
    cr.execute("SELECT %s FROM %s GROUP BY 1 HAVING count(*) > 1" % (key, quoted(table)))
    return [str(name) for (name,) in cr.fetchall()]


def compare(cr, before):
    problems = []
    summary = []
    for table, old in before["tables"].items():
        now_columns = columns_of(cr, table)
        if not now_columns:
            problems.append(f"{table}: table gone")
            continue
        dropped = DROPPED_COLUMNS.get(table, set())
        lost_columns = sorted(set(old["columns"]) - set(now_columns) - dropped)
        if lost_columns:
            problems.append(f"{table}: columns gone {lost_columns}")
        kept = [c for c in old["columns"] if c in now_columns and c not in dropped]
        rows = row_hashes(cr, table, kept)
        lost = sorted(set(old["rows"]) - set(rows))
        changed = sorted(k for k in old["rows"] if k in rows and rows[k] != old["rows"][k])
        added = sorted(set(rows) - set(old["rows"]))
        summary.append((table, len(old["rows"]), len(rows)))
        if lost:
            problems.append(f"{table}: {len(lost)} rows lost, e.g. {lost[:5]}")
        if changed:
            problems.append(f"{table}: {len(changed)} rows changed, e.g. ids {changed[:5]}")
        if added and table not in GROWING_TABLES:
            problems.append(f"{table}: {len(added)} rows added, e.g. {added[:5]}")
    activities = snapshot_activities(cr)
    lost_activities = Counter(before["activities"]) - Counter(activities)
    if lost_activities:
        problems.append(f"mail_activity: {sum(lost_activities.values())} activities lost")
    summary.append(("mail_activity", len(before["activities"]), len(activities)))
    problems += compare_xmlids(cr, before["xmlids"])
    for table, key in UNIQUE_NAMES:
        new = set(duplicate_names(cr, table, key)) - set(before["duplicates"].get(table, []))
        if new:
            problems.append(f"{table}: duplicated names {sorted(new)[:5]}")
    for table in SCHEMA_TABLES:
        twice = set(owned_twice(cr, table)) - set(before["duplicates"].get(table, []))
        if twice:
            problems.append(f"{table}: owned twice {sorted(twice)[:5]}")
    return summary, problems


def snapshot_activities(cr):
    cr.execute(
        "SELECT activity_type_id, user_id, date_deadline, summary FROM mail_activity ORDER BY 1"
    )
    return sorted(json.dumps(row, default=str) for row in cr.fetchall())


def compare_xmlids(cr, old_xmlids):
    cr.execute(
        r"SELECT name, module, model, res_id, noupdate FROM ir_model_data"
        r" WHERE module LIKE 'crm\_traffic\_light%%'"
    )
    now = {}
    for name, module, model, res_id, noupdate in cr.fetchall():
        now.setdefault(name, []).append((module, model, res_id, bool(noupdate)))
    problems = []
    for xmlid, (model, res_id, noupdate) in sorted(old_xmlids.items()):
        if xmlid in GONE:
            continue
        module, name = xmlid.split(".", 1)
        if module == MONOLITH:  # taken over by an addon of the family
            rows = [r for r in now.get(name, []) if r[0] != MONOLITH]
        else:
            rows = [r for r in now.get(name, []) if r[0] == module]
        if not rows:
            problems.append(f"XML id {xmlid} lost")
        elif not any(r[1] == model and r[2] == res_id for r in rows):
            problems.append(f"XML id {xmlid}: now {rows}, was {model},{res_id}")
        elif not any(r[3] == noupdate for r in rows if r[1] == model and r[2] == res_id):
            problems.append(f"XML id {xmlid}: noupdate changed (was {noupdate})")
    return problems[:40] + ([f"... {len(problems) - 40} more"] if len(problems) > 40 else [])


def digest(data):
    return hashlib.md5(json.dumps(data, sort_keys=True).encode()).hexdigest()


def main():
    mode, db, path = sys.argv[1:4]
    with connect(db) as conn, conn.cursor() as cr:
        if mode == "snapshot":
            data = snapshot(cr)
            with open(path, "w", encoding="utf-8") as out:
                json.dump(data, out)
            rows = sum(len(t["rows"]) for t in data["tables"].values())
            print(
                "snapshot: %d tables, %d rows, %d open activities, %d XML ids, checksum %s"
                % (len(data["tables"]), rows, len(data["activities"]), len(data["xmlids"]),
                   digest(data["tables"]))
            )  # fmt: skip
            return 0
        with open(path, encoding="utf-8") as src:
            before = json.load(src)
        summary, problems = compare(cr, before)
    for table, old, new in summary:
        if old or new:
            print("  %-45s %7d -> %7d" % (table, old, new))
    if problems:
        print("upgrade check: FAILED")
        for problem in problems:
            print("  - " + problem)
        return 1
    print("upgrade check: ok (nothing lost, changed or duplicated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
