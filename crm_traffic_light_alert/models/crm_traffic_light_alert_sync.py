# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL, format_date

from .alert_const import FLAG_SEVERITY, OPEN_STATES, SCALAR_TYPES


class CrmTrafficLightAlertSync(models.AbstractModel):
    """The alerts follow the engine's results, set-based per batch: raised on orange or red,
    upgraded to red, closed automatically on green, closed as merged with a duplicate
    customer. Inherited by the alert."""

    _name = "crm.traffic.light.alert.sync"
    _description = "Customer Alert: Engine Sync"

    @api.model
    def _sync_from_results(self, company, results):
        """Follow the engine's results for a batch of customers of ``company``.

        ``results`` is the structure returned by ``crm.traffic.light.engine.evaluate()``:
        ``{partner_id: {"flag": "green"|"orange"|"red", "indicators": {code: {...}}}}``.
        Orange/red without an open alert raises one and launches its playbook; orange turning
        red upgrades the open alert and launches the red playbook; green auto-resolves the open
        alert and cancels its generated activities. Idempotent, a handful of queries per batch.
        Returns the alerts created, upgraded and resolved.
        """
        if not results:
            return {"created": self.browse(), "upgraded": self.browse(), "resolved": self.browse()}
        # The salesperson is told by the activities (systray), not by one e-mail per alert.
        alerts = self.sudo().with_company(company).with_context(mail_auto_subscribe_no_notify=True)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT id, partner_id, flag FROM crm_traffic_light_alert "
                "WHERE company_id = %s AND partner_id = ANY(%s) AND state IN %s",
                company.id,
                list(results),
                OPEN_STATES,
            )
        )
        open_alerts = {
            partner_id: (alert_id, flag) for alert_id, partner_id, flag in self.env.cr.fetchall()
        }
        to_create, to_upgrade, to_resolve = {}, {}, []
        for partner_id, result in results.items():
            flag = (result or {}).get("flag")
            current = open_alerts.get(partner_id)
            if flag in ("orange", "red"):
                if not current:
                    to_create[partner_id] = result
                elif flag == "red" and current[1] == "orange":
                    to_upgrade[current[0]] = result
            elif current:
                to_resolve.append(current[0])
        # Playbooks of the first ``limit`` new/upgraded alerts start now, the others wait for
        # the playbook cron (a first run raises tens of thousands of alerts at once).
        budget = self._playbook_limit(company)
        created = alerts._create_alerts(company, to_create, playbook_limit=budget)
        launched = min(len(created), budget)
        upgraded = alerts.browse(list(to_upgrade))._upgrade_to_red(
            to_upgrade, playbook_limit=budget - launched
        )
        launched += len(upgraded.filtered(lambda a: not a.playbook_pending))
        if launched and self.env.context.get("traffic_light_full_run"):
            company.sudo().traffic_light_run_playbooks += launched
        resolved = alerts.browse(to_resolve)._auto_resolve()
        return {"created": created, "upgraded": upgraded, "resolved": resolved}

    @api.model
    def _snapshot_values(self, result):
        """The part of an engine result stored on the alert: JSON-safe indicator data."""
        snapshot = {}
        for code, data in ((result or {}).get("indicators") or {}).items():
            data = data or {}
            # Usually every value is a scalar: the dict is then taken as it is (tens of
            # thousands of alerts in a first run).
            if all(type(value) in SCALAR_TYPES for value in data.values()):
                snapshot[code] = dict(data)
            else:
                snapshot[code] = {
                    key: value
                    for key, value in data.items()
                    if isinstance(value, (int, float, str, bool, type(None)))
                }
        return snapshot

    @api.model
    def _main_indicator(self, snapshot):
        worst = sorted(
            (
                (-FLAG_SEVERITY.get(data.get("level") or "green", 0), code)
                for code, data in snapshot.items()
            )
        )
        if worst and worst[0][0] < 0:
            return worst[0][1]
        return False

    @api.model
    def _get_managers(self, partner_ids, users=None):
        """``{partner_id: manager user}`` for the given customers: the manager set on the
        customer, else the leader of the salesperson's sales team. One query."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT p.id, p.user_id, COALESCE(p.traffic_light_manager_id, t.user_id)
                  FROM res_partner p
             LEFT JOIN res_users u ON u.id = p.user_id
             LEFT JOIN crm_team t ON t.id = u.sale_team_id AND t.active
                 WHERE p.id = ANY(%s)
                """,
                list(partner_ids),
            )
        )
        rows = self.env.cr.fetchall()
        if users:
            # Salesperson given explicitly (form onchange): their team leader.
            self.env.cr.execute(
                SQL(
                    "SELECT u.id, t.user_id FROM res_users u "
                    "JOIN crm_team t ON t.id = u.sale_team_id AND t.active WHERE u.id = ANY(%s)",
                    [user.id for user in users.values()],
                )
            )
            leaders = dict(self.env.cr.fetchall())
            return {
                pid: self.env["res.users"].browse(leaders.get(user.id))
                for pid, user in users.items()
            }
        return {pid: self.env["res.users"].browse(manager_id) for pid, _user, manager_id in rows}

    def _create_alerts(self, company, results, playbook_limit=None):
        """Raise the alerts of ``results`` (``{partner_id: result}``, customers of ``company``
        without an open alert) set-based: one INSERT for the alerts, one for their
        followers (the salesperson), one for their creation notes and one for the
        customers' notes; no per-record ORM create or read. A customer that got an open
        alert meanwhile (another transaction) is skipped. The first ``playbook_limit``
        alerts get their playbook now, the others are raised with their playbook pending
        for the playbook cron. Returns the alerts raised, in the order of ``results``."""
        if not results:
            return self.browse()
        self.env.flush_all()
        cr = self.env.cr
        now = fields.Datetime.now()
        # Called by the engine right after it stored the batch: the status of each customer
        # holds the same indicator values, the snapshot is copied from it in SQL.
        stored = self.env.context.get("traffic_light_status_stored")
        rows, snapshots = [], {}
        for n, (partner_id, result) in enumerate(results.items()):
            snapshot = snapshots[partner_id] = self._snapshot_values(result)
            rows.append(
                {
                    "n": n,
                    "partner_id": partner_id,
                    "flag": result["flag"],
                    "snapshot": None
                    if stored and snapshot == result.get("indicators")
                    else snapshot,
                    "main": self._main_indicator(snapshot) or None,
                }
            )
        pending = playbook_limit is not None and len(rows) > playbook_limit
        cr.execute(
            SQL(
                """
                WITH new AS (
                    INSERT INTO crm_traffic_light_alert
                           (partner_id, company_id, flag, state, date_raised, date_red,
                            indicator_snapshot, main_indicator_code, user_id, manager_id,
                            playbook_pending, response_hours, handling_hours, handling_days,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, v.flag, 'new', %(now)s,
                           CASE WHEN v.flag = 'red' THEN %(now)s END,
                           COALESCE(v.snapshot, s.indicator_values), v.main,
                           CASE WHEN u.active THEN p.user_id END,
                           COALESCE(p.traffic_light_manager_id, t.user_id),
                           %(pending)s, 0, 0, 0, %(uid)s, %(now)s, %(uid)s, %(now)s
                      FROM jsonb_to_recordset(%(rows)s::jsonb)
                           AS v(n int, partner_id int, flag varchar, snapshot jsonb, main varchar)
                      JOIN res_partner p ON p.id = v.partner_id
                 LEFT JOIN res_users u ON u.id = p.user_id
                 LEFT JOIN crm_team t ON t.id = u.sale_team_id AND t.active
                 LEFT JOIN crm_traffic_light_status s
                        ON s.partner_id = v.partner_id AND s.company_id = %(company)s
                     ORDER BY v.n
                        ON CONFLICT (partner_id, company_id) WHERE state IN %(open)s DO NOTHING
                 RETURNING id, partner_id, flag
                )
                SELECT new.id, new.partner_id, new.flag, p.complete_name
                  FROM new JOIN res_partner p ON p.id = new.partner_id
                 ORDER BY new.id
                """,
                company=company.id,
                now=now,
                uid=self.env.uid,
                rows=json.dumps(rows),
                open=OPEN_STATES,
                pending="raised" if pending else None,
            )
        )
        raised = cr.fetchall()
        alerts = self.browse(row[0] for row in raised)
        if not alerts:
            return alerts
        alerts._subscribe_salespeople()
        alerts._log_creation()
        now_alerts = alerts if playbook_limit is None else alerts[:playbook_limit]
        if pending:
            if now_alerts:
                cr.execute(
                    SQL(
                        "UPDATE crm_traffic_light_alert SET playbook_pending = NULL "
                        "WHERE id = ANY(%s)",
                        now_alerts.ids,
                    )
                )
            alerts.invalidate_recordset(["playbook_pending"])
            self._trigger_playbook_cron()
        now_alerts._launch_raised_playbooks(company)
        # The customers' notes from what is at hand (no read of the new alerts).
        definitions = self._indicator_definitions()
        flags = dict(self._fields["flag"]._description_selection(self.env))
        text = self._customer_messages()["raised"]
        bodies = {}
        for alert_id, partner_id, flag, name in raised:
            label = flags.get(flag, "")
            causes = self._cause_summary(snapshots[partner_id], definitions)
            bodies[partner_id] = self._customer_note(
                text % {"flag": label, "causes": causes or "-"},
                alert_id,
                self._alert_name(name, label),
            )
        self._log_notes_sql(bodies, model="res.partner")
        return alerts

    def _upgrade_to_red(self, results, playbook_limit=None):
        if not self:
            return self
        now = fields.Datetime.now()
        # One batched message instead of one tracking message per alert.
        self.with_context(mail_notrack=True).write(
            {"flag": "red", "date_red": now, "snoozed_until": False, "snooze_reason": False}
        )
        self._message_log_batch(
            bodies=dict.fromkeys(
                self.ids,
                Markup("<p>%s</p>")
                % self.env._("The customer turned red: the alert is upgraded to red."),
            )
        )
        self._store_snapshots({alert_id: results[alert_id] for alert_id in self.ids})
        # A pending raised alert keeps waiting: the cron launches its orange and red playbooks
        # together (the red one only once).
        upgrades = self.filtered(lambda a: not a.playbook_pending)
        now_alerts = upgrades if playbook_limit is None else upgrades[:playbook_limit]
        later = upgrades - now_alerts
        if later:
            later._mark_playbook_pending("upgraded")
        now_alerts._launch_upgraded_playbooks()
        self._log_on_customers("upgraded")
        return self

    def _store_snapshots(self, results):
        ids, snapshots, mains = [], [], []
        for alert_id, result in results.items():
            snapshot = self._snapshot_values(result)
            ids.append(alert_id)
            snapshots.append(json.dumps(snapshot))
            mains.append(self._main_indicator(snapshot) or None)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                UPDATE crm_traffic_light_alert a
                   SET indicator_snapshot = v.snapshot::jsonb,
                       main_indicator_code = COALESCE(v.main, a.main_indicator_code)
                  FROM unnest(%s::int[], %s::text[], %s::varchar[]) AS v(id, snapshot, main)
                 WHERE a.id = v.id
                """,
                ids,
                snapshots,
                mains,
            )
        )
        self.browse(ids).invalidate_recordset(["indicator_snapshot", "main_indicator_code"])

    def _auto_resolve(self):
        if not self:
            return self
        self.with_context(mail_notrack=True).write(
            {
                "state": "auto_resolved",
                "date_closed": fields.Datetime.now(),
                "playbook_pending": False,
            }
        )
        self._cancel_generated_activities(
            self.env._("The customer is back to green: the alert was closed automatically.")
        )
        self._log_on_customers("auto_resolved")
        return self

    def _close_as_merged(self, kept):
        """Close these open alerts because their customer was merged with a duplicate whose
        open alert ``kept`` (same company) carries on: reason "Duplicate customers merged",
        a note naming ``kept``, generated activities cancelled as on an automatic closing.
        ``kept`` is told which alerts were merged into it."""
        if not self:
            return self
        reason = self._merged_reason()
        self.with_context(mail_notrack=True).write(
            {
                "state": "resolved",
                "date_closed": fields.Datetime.now(),
                "reason_id": reason.id,
                "note": self.env._(
                    "Merged into the alert %(alert)s raised on %(date)s when the duplicate "
                    "customers were merged.",
                    alert=kept.display_name,
                    date=format_date(
                        self.env, fields.Datetime.context_timestamp(self, kept.date_raised)
                    ),
                ),
                "snoozed_until": False,
                "snooze_reason": False,
                "playbook_pending": False,
            }
        )
        self._cancel_generated_activities(
            self.env._(
                "The customers were merged: this alert is closed and merged into %(alert)s.",
                alert=kept.display_name,
            )
        )
        kept._message_log(
            body=Markup("<p>%s</p><ul>%s</ul>")
            % (
                self.env._("The customers were merged: these alerts were merged into this one."),
                Markup("").join(
                    Markup("<li><a href='#' data-oe-model='%s' data-oe-id='%s'>%s</a></li>")
                    % (self._name, alert.id, alert.display_name)
                    for alert in self
                ),
            )
        )
        return self

    @api.model
    def _merged_reason(self):
        """The closing reason of alerts merged with their customer (archived: not offered to
        users); recreated if it was deleted."""
        reason = self.env.ref(
            "crm_traffic_light_alert.alert_reason_merged", raise_if_not_found=False
        )
        if reason:
            return reason
        Reason = self.env["crm.traffic.light.alert.reason"].sudo().with_context(active_test=False)
        name = "Duplicate customers merged"
        return Reason.search([("name", "=", name), ("company_id", "=", False)], limit=1) or (
            Reason.create({"name": name, "sequence": 110, "active": False})
        )
