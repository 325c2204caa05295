# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL


class CrmTrafficLightEngineStore(models.AbstractModel):
    """How the engine stores a batch of results, set-based: the statuses (one upsert), the
    partners' flags (one UPDATE), the history rows and the chatter notes of the customers
    whose flag changed. Inherited by ``crm.traffic.light.engine``."""

    _name = "crm.traffic.light.engine.store"
    _description = "Traffic Light Engine: Storage"

    @api.model
    def _store(self, company, partner_ids, results, as_of, snapshot=False):
        """Store a batch set-based: one status upsert that only touches rows whose flag,
        values or score changed, deletion of the rows of partners no longer evaluated,
        partner flags of the changed partners, history rows, chatter notes.
        Returns ``{partner_id: (old_flag, new_flag)}`` for the partners whose flag
        changed (``None`` = not evaluated)."""
        cr = self.env.cr
        changes = {}
        if results:
            rows = [
                {
                    "partner_id": pid,
                    "flag": result["flag"],
                    "indicator_values": result["indicators"],
                    "score": result["score"],
                }
                for pid, result in results.items()
            ]
            cr.execute(
                SQL(
                    """
                    WITH v AS (
                        SELECT * FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(
                               partner_id int, flag varchar, indicator_values jsonb,
                               score float8)
                    ), cur AS (
                        -- Joined on the unique (partner_id, company_id) index: a lookup
                        -- per row, not a scan of the company's statuses.
                        SELECT s.partner_id, s.flag, s.indicator_values, s.score
                          FROM v
                          JOIN crm_traffic_light_status s
                            ON s.partner_id = v.partner_id AND s.company_id = %(company)s
                    ), diff AS (
                        SELECT v.*, cur.flag AS old_flag
                          FROM v
                          LEFT JOIN cur ON cur.partner_id = v.partner_id
                         WHERE cur.partner_id IS NULL
                            OR cur.flag IS DISTINCT FROM v.flag
                            OR cur.indicator_values IS DISTINCT FROM v.indicator_values
                            OR cur.score IS DISTINCT FROM v.score
                    ), up AS (
                        INSERT INTO crm_traffic_light_status AS s
                               (partner_id, company_id, flag, flag_date, indicator_values,
                                score, computed_date, create_uid, create_date, write_uid,
                                write_date)
                        SELECT v.partner_id, %(company)s, v.flag, %(as_of)s,
                               v.indicator_values, v.score, %(as_of)s, %(uid)s,
                               now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                          FROM diff v
                        ON CONFLICT (partner_id, company_id) DO UPDATE
                           SET flag = EXCLUDED.flag,
                               flag_date = CASE WHEN s.flag IS DISTINCT FROM EXCLUDED.flag
                                                THEN EXCLUDED.flag_date ELSE s.flag_date END,
                               indicator_values = EXCLUDED.indicator_values,
                               score = EXCLUDED.score,
                               computed_date = EXCLUDED.computed_date,
                               write_uid = EXCLUDED.write_uid,
                               write_date = EXCLUDED.write_date
                         WHERE s.flag IS DISTINCT FROM EXCLUDED.flag
                            OR s.indicator_values IS DISTINCT FROM EXCLUDED.indicator_values
                            OR s.score IS DISTINCT FROM EXCLUDED.score
                        RETURNING s.partner_id, s.flag
                    )
                    SELECT up.partner_id, diff.old_flag, up.flag
                      FROM up
                      JOIN diff ON diff.partner_id = up.partner_id
                     WHERE diff.old_flag IS DISTINCT FROM up.flag
                    """,
                    # Compact: the same jsonb, less to write and to send.
                    rows=json.dumps(rows, separators=(",", ":")),
                    company=company.id,
                    as_of=as_of,
                    uid=self.env.uid,
                )
            )
            changes = {pid: (old, new) for pid, old, new in cr.fetchall()}
        removed_ids = [pid for pid in partner_ids if pid not in results]
        if removed_ids:
            cr.execute(
                SQL(
                    """
                    DELETE FROM crm_traffic_light_status
                     WHERE company_id = %s AND partner_id = ANY(%s)
                    RETURNING partner_id, flag
                    """,
                    company.id,
                    removed_ids,
                )
            )
            changes.update((pid, (flag, None)) for pid, flag in cr.fetchall())
        if changes:
            self._store_partner_flags(company, changes, as_of)
        self._store_history(company, changes, results, as_of, snapshot)
        self._log_changes(company, changes, results)
        self.env["crm.traffic.light.status"].invalidate_model()
        return changes

    @api.model
    def _store_partner_flags(self, company, changes, as_of):
        """Set ``res.partner.traffic_light`` / ``traffic_light_date`` (company-dependent,
        jsonb keyed by company id) of the changed partners in one UPDATE, only where the
        value differs."""
        date = fields.Date.to_string(as_of)
        rows = [
            {"partner_id": pid, "flag": new, "flag_date": date if new else None}
            for pid, (_old, new) in changes.items()
        ]
        key = str(company.id)
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET traffic_light = CASE WHEN v.flag IS NULL
                           THEN NULLIF(COALESCE(p.traffic_light, '{}'::jsonb) - %(key)s,
                                       '{}'::jsonb)
                           ELSE COALESCE(p.traffic_light, '{}'::jsonb)
                                || jsonb_build_object(%(key)s, v.flag) END,
                       traffic_light_date = CASE WHEN v.flag_date IS NULL
                           THEN NULLIF(COALESCE(p.traffic_light_date, '{}'::jsonb) - %(key)s,
                                       '{}'::jsonb)
                           ELSE COALESCE(p.traffic_light_date, '{}'::jsonb)
                                || jsonb_build_object(%(key)s, v.flag_date) END
                  FROM jsonb_to_recordset(%(rows)s::jsonb)
                       AS v(partner_id int, flag varchar, flag_date varchar)
                 WHERE p.id = v.partner_id
                   AND ((p.traffic_light ->> %(key)s) IS DISTINCT FROM v.flag
                        OR (p.traffic_light_date ->> %(key)s) IS DISTINCT FROM v.flag_date)
                """,
                key=key,
                rows=json.dumps(rows),
            )
        )
        self.env["res.partner"].invalidate_model(["traffic_light", "traffic_light_date"])

    @api.model
    def _store_history(self, company, changes, results, as_of, snapshot):
        """History rows in SQL: one per flag change, and in full runs one monthly snapshot
        per evaluated customer (only if it has none for the month of ``as_of``)."""
        cr = self.env.cr
        uid = self.env.uid
        if changes:
            rows = [
                {"partner_id": pid, "old_flag": old, "new_flag": new}
                for pid, (old, new) in changes.items()
            ]
            cr.execute(
                SQL(
                    """
                    INSERT INTO crm_traffic_light_history
                           (partner_id, company_id, date, old_flag, new_flag, kind,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, %(as_of)s, v.old_flag, v.new_flag,
                           'change', %(uid)s, now() at time zone 'UTC',
                           %(uid)s, now() at time zone 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb)
                           AS v(partner_id int, old_flag varchar, new_flag varchar)
                    """,
                    company=company.id,
                    as_of=as_of,
                    uid=uid,
                    rows=json.dumps(rows),
                )
            )
        if snapshot and results:
            rows = [{"partner_id": pid, "flag": r["flag"]} for pid, r in results.items()]
            cr.execute(
                SQL(
                    """
                    INSERT INTO crm_traffic_light_history
                           (partner_id, company_id, date, old_flag, new_flag, kind,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, %(as_of)s, v.flag, v.flag, 'snapshot',
                           %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(partner_id int, flag varchar)
                     WHERE NOT EXISTS (
                           SELECT 1 FROM crm_traffic_light_history h
                            WHERE h.company_id = %(company)s
                              AND h.kind = 'snapshot'
                              AND h.partner_id = v.partner_id
                              AND h.date >= date_trunc('month', %(as_of)s::date)::date)
                    """,
                    company=company.id,
                    as_of=as_of,
                    uid=uid,
                    rows=json.dumps(rows),
                )
            )
        if changes or snapshot:
            self.env["crm.traffic.light.history"].invalidate_model()

    @api.model
    def _log_changes(self, company, changes, results):
        """One chatter note per partner whose flag really changed (not on the first
        evaluation), posted in batch."""
        real = {pid: c for pid, c in changes.items() if c[0] and c[1]}
        if not real:
            return
        labels = dict(
            self.env["res.partner"]._fields["traffic_light"]._description_selection(self.env)
        )
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        bodies = {}
        for pid, (old, new) in real.items():
            reasons = [
                definitions[code]["name"]
                for code, entry in results[pid]["indicators"].items()
                if entry.get("level") == new and new != "green" and code in definitions
            ]
            body = escape(
                self.env._(
                    "Traffic light in %(company)s changed from %(old)s to %(new)s.",
                    company=company.name,
                    old=labels.get(old, old),
                    new=labels.get(new, new),
                )
            )
            if reasons:
                body += Markup("<br/>") + escape(
                    self.env._("Because of: %(reasons)s", reasons=", ".join(reasons))
                )
            bodies[pid] = body
        partners = self.env["res.partner"].sudo().browse(list(bodies))
        partners._message_log_batch(bodies=bodies)
