# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Upgrade of a database of the former single addon ``crm_traffic_light`` (18.0.1.0.0).

Up to 18.0.1.0.0 the whole product was one addon, ``crm_traffic_light``. Since 18.0.2.0.0
that name is the umbrella of a family of addons (core, alert, segment, churn, report and the
churn/report glue) on which it depends, so ``odoo-bin -u crm_traffic_light`` installs them
first - each one as a NEW module, in Odoo's *init* mode - and upgrades the umbrella last.
Models, tables and columns did not change; only the module that declares them did. Each new
addon therefore takes over, in its ``pre_init_hook`` (before its models and data load), what
the monolith owned and the addon now declares:

1. its XML ids (models, fields, selection values, SQL constraints, views, actions, menus,
   groups, rules, crons, reasons, playbooks ...): ``crm_traffic_light.X`` becomes
   ``crm_traffic_light_<addon>.X`` (openupgradelib's ``rename_xmlids``: an UPDATE of
   ``ir_model_data`` only; records, ids and ``noupdate`` flags stay as they are). Without
   it the addon's data would create a second copy of each record, and the umbrella's end of
   update (``ir.model.data._process_end``) would delete the monolith's originals: groups with
   their users, reasons used by closed alerts, crons, playbooks...
2. the records a user may have edited. In init mode Odoo writes the shipped values even on
   ``noupdate`` records; an ordinary ``-u`` would have left them alone. Their rows are kept
   (``_snapshot``) before the data load and written back after it by the addon's
   ``post_init_hook`` (``restore_edited_records``), so the upgrade keeps them exactly as an
   ordinary update does: the records of ``noupdate`` XML ids, and those the addon's data
   files declare ``noupdate``.

``monolith_xmlids.csv`` (module, name, model) lists every XML id of ``crm_traffic_light``
18.0.1.0.0 with the addon that declares it on a fresh installation of the family (a model
extended by several addons is listed once per addon: the first addon installed takes it).
"""

import csv
import logging
from pathlib import Path

from lxml import etree
from openupgradelib import openupgrade

from odoo.modules.module import get_manifest
from odoo.tools import SQL, file_open, parse_version, sql

_logger = logging.getLogger(__name__)

MONOLITH = "crm_traffic_light"
FAMILY_VERSION = "18.0.2.0.0"
SNAPSHOT_TABLE = "crm_traffic_light_upgrade_snapshot"
XMLID_MAP = Path(__file__).with_name("monolith_xmlids.csv")
# Addons that depended on the monolith and now depend on an addon of the family: the
# umbrella's update no longer reaches them through their dependencies.
BRIDGES = ("crm_traffic_light_helpdesk",)


def is_monolith_upgrade(cr):
    """True while the database still holds the single addon ``crm_traffic_light`` of a
    version before the family (it is being upgraded to the umbrella)."""
    cr.execute(
        "SELECT latest_version FROM ir_module_module"
        " WHERE name = %s AND state IN ('installed', 'to upgrade')",
        [MONOLITH],
    )
    row = cr.fetchone()
    return bool(row and row[0]) and parse_version(row[0]) < parse_version(FAMILY_VERSION)


def monolith_xmlids(addon):
    """Names of the monolith's XML ids that ``addon`` declares (without module prefix)."""
    with XMLID_MAP.open(newline="", encoding="utf-8") as csv_file:
        return [row["name"] for row in csv.DictReader(csv_file) if row["module"] == addon]


def take_over_from_monolith(env, addon):
    """``pre_init_hook`` of each addon of the family: on a database of the monolith, move
    the monolith's XML ids that ``addon`` declares to ``addon`` and keep the rows of the
    records a user may have edited. Does nothing on any other database."""
    cr = env.cr
    if not is_monolith_upgrade(cr):
        return
    names = monolith_xmlids(addon)
    cr.execute(
        "SELECT name FROM ir_model_data WHERE module = %s AND name = ANY(%s)",
        [MONOLITH, names],
    )
    moved = [name for (name,) in cr.fetchall()]
    openupgrade.rename_xmlids(cr, [(f"{MONOLITH}.{name}", f"{addon}.{name}") for name in moved])
    _move_schema_owners(cr, addon)
    kept = _snapshot(env, addon, moved)
    _logger.info(
        "%s takes over %d XML ids of %s (%d records kept for after its data)",
        addon,
        len(moved),
        MONOLITH,
        kept,
    )


def _move_schema_owners(cr, addon):
    """SQL constraints, foreign keys and many2many tables have their owning module in
    ``ir_model_constraint`` / ``ir_model_relation`` (the module column, used to drop them on
    uninstall). Give ``addon`` those of the constraints and fields it took over; Odoo would
    otherwise register them again under ``addon`` and leave the monolith's rows behind."""
    cr.execute(
        "SELECT f.model, f.name, f.ttype, f.relation_table, f.column1, f.column2"
        "  FROM ir_model_data d JOIN ir_model_fields f ON f.id = d.res_id"
        " WHERE d.module = %s AND d.model = 'ir.model.fields'"
        "   AND f.ttype IN ('many2one', 'many2many') AND f.store",
        [addon],
    )
    columns, relations = [], []
    for model, name, ttype, relation, column1, column2 in cr.fetchall():
        if ttype == "many2one":
            columns.append((model.replace(".", "_"), name))
        elif relation:
            relations.append(relation)
            columns += [(relation, column1), (relation, column2)]
    cr.execute(
        """
        SELECT con.conname
          FROM pg_constraint con
          JOIN pg_class t ON t.oid = con.conrelid
          JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = con.conkey[1]
          JOIN unnest(%s::varchar[], %s::varchar[]) AS f(tbl, col)
            ON f.tbl = t.relname AND f.col = a.attname
         WHERE con.contype = 'f'
        """,
        [[t for t, _c in columns], [c for _t, c in columns]],
    )
    foreign_keys = [name for (name,) in cr.fetchall()]
    params = {"addon": addon, "monolith": MONOLITH, "fks": foreign_keys, "rels": relations}
    cr.execute(
        """
        UPDATE ir_model_constraint c
           SET module = (SELECT id FROM ir_module_module WHERE name = %(addon)s)
         WHERE c.module = (SELECT id FROM ir_module_module WHERE name = %(monolith)s)
           AND ((c.type = 'f' AND c.name = ANY(%(fks)s))
                OR c.id IN (SELECT res_id FROM ir_model_data
                             WHERE module = %(addon)s AND model = 'ir.model.constraint'))
        """,
        params,
    )
    cr.execute(
        """
        UPDATE ir_model_relation
           SET module = (SELECT id FROM ir_module_module WHERE name = %(addon)s)
         WHERE module = (SELECT id FROM ir_module_module WHERE name = %(monolith)s)
           AND name = ANY(%(rels)s)
        """,
        params,
    )


def schedule_bridge_updates(cr):
    """Have ``-u crm_traffic_light`` update the bridges too, as Odoo does for modules that
    depend on an updated module: theirs now depend on the family, not on the monolith."""
    if is_monolith_upgrade(cr):
        cr.execute(
            "UPDATE ir_module_module SET state = 'to upgrade'"
            " WHERE name IN %s AND state = 'installed'",
            [BRIDGES],
        )


def _noupdate_data_xmlids(addon):
    """Local names of the records that ``addon``'s XML data files declare ``noupdate``."""
    names = set()
    for path in get_manifest(addon).get("data", []):
        if not path.endswith(".xml"):
            continue
        with file_open(f"{addon}/{path}", "rb") as xml_file:
            root = etree.parse(xml_file).getroot()
        for node in root.iter(tag=etree.Element):
            module, _dot, name = (node.get("id") or "").rpartition(".")
            if name and module in ("", addon) and _is_noupdate(node):
                names.add(name)
    return names


def _is_noupdate(node):
    """The ``noupdate`` of the closest ``<odoo>`` / ``<data>`` that sets it (as Odoo's
    XML loader reads it)."""
    for parent in node.iterancestors("odoo", "data", "openerp"):
        if parent.get("noupdate") is not None:
            return parent.get("noupdate").lower() in ("1", "true")
    return False


def _table(env, model):
    return env.registry[model]._table if model in env.registry else model.replace(".", "_")


def _snapshot(env, addon, names):
    """Keep a JSON copy of the rows of ``addon``'s records that its data load must not
    change; return how many."""
    cr = env.cr
    cr.execute(
        SQL(
            "CREATE TABLE IF NOT EXISTS %s (module varchar NOT NULL, model varchar NOT NULL,"
            " res_id integer NOT NULL, row jsonb NOT NULL)",
            SQL.identifier(SNAPSHOT_TABLE),
        )
    )
    cr.execute(
        "SELECT model, array_agg(res_id) FROM ir_model_data"
        " WHERE module = %s AND name = ANY(%s) AND (noupdate OR name = ANY(%s))"
        " GROUP BY model ORDER BY model",
        [addon, names, sorted(_noupdate_data_xmlids(addon))],
    )
    kept = 0
    for model, ids in cr.fetchall():
        cr.execute(
            SQL(
                "INSERT INTO %s (module, model, res_id, row)"
                " SELECT %s, %s, t.id, to_jsonb(t) FROM %s t WHERE t.id = ANY(%s)",
                SQL.identifier(SNAPSHOT_TABLE),
                addon,
                model,
                SQL.identifier(_table(env, model)),
                ids,
            )
        )
        kept += cr.rowcount
    return kept


def restore_edited_records(env, addon):
    """``post_init_hook`` of each addon of the family: write back the rows kept by
    ``take_over_from_monolith`` over what the data load wrote (every column the row had;
    columns added since keep the shipped value)."""
    cr = env.cr
    if not sql.table_exists(cr, SNAPSHOT_TABLE):
        return
    table = SQL.identifier(SNAPSHOT_TABLE)
    cr.execute(SQL("SELECT DISTINCT model FROM %s WHERE module = %s", table, addon))
    for (model,) in cr.fetchall():
        target = _table(env, model)
        cr.execute(
            SQL(
                "SELECT DISTINCT jsonb_object_keys(row) FROM %s WHERE module = %s AND model = %s",
                table,
                addon,
                model,
            )
        )
        kept_columns = {name for (name,) in cr.fetchall()}
        columns = sorted(kept_columns & set(_columns(cr, target)) - {"id"})
        cr.execute(
            SQL(
                "UPDATE %(target)s t SET (%(columns)s) = ROW(%(values)s)"
                "  FROM %(table)s s, jsonb_populate_record(NULL::%(target)s, s.row) r"
                " WHERE s.module = %(addon)s AND s.model = %(model)s AND t.id = s.res_id",
                target=SQL.identifier(target),
                columns=SQL(", ").join(SQL.identifier(c) for c in columns),
                values=SQL(", ").join(SQL.identifier("r", c) for c in columns),
                table=table,
                addon=addon,
                model=model,
            )
        )
        _logger.info("%s: %d records of %s kept as they were", addon, cr.rowcount, model)
    cr.execute(SQL("DELETE FROM %s WHERE module = %s", table, addon))
    cr.execute(SQL("SELECT 1 FROM %s LIMIT 1", table))
    if not cr.fetchone():
        cr.execute(SQL("DROP TABLE %s", table))
    env.invalidate_all()
    env.registry.clear_cache()


def _columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = %s",
        [table],
    )
    return [name for (name,) in cr.fetchall()]
