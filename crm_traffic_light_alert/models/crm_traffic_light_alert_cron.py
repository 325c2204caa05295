# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.crm_traffic_light_core.tools.plural import DAYS
from odoo.tools import SQL

from .alert_const import OPEN_STATES, PLAYBOOK_CRON_BATCH


class CrmTrafficLightAlertCron(models.AbstractModel):
    """The alerts' scheduled actions: daily escalation of overdue alerts, end of expired snoozes
    and overrides; every few minutes, the playbooks left pending. Inherited by the alert."""

    _name = "crm.traffic.light.alert.cron"
    _description = "Customer Alert: Scheduled Actions"

    @api.model
    def _cron_escalate_and_expire(self):
        """Daily: escalate alerts whose generated activities are overdue, end expired snoozes
        and expired flag overrides."""
        for company in self.env["res.company"].search([]):
            self._escalate_overdue(company)
        self._expire_snoozes()
        self.env["crm.traffic.light.override"]._expire_overrides()

    @api.model
    def _cron_launch_pending_playbooks(self):
        """Every few minutes: launch the playbooks left pending by large engine batches, in
        committed batches."""
        return self._launch_pending_playbooks(commit=True)

    @api.model
    def _launch_pending_playbooks(self, batch_size=PLAYBOOK_CRON_BATCH, commit=False):
        """Launch the playbooks left pending, ``batch_size`` alerts at a time; with
        ``commit``, each batch is committed (the cron). Each alert is claimed (its pending
        mark cleared) in the same transaction that creates its activities, so it gets them
        exactly once; closed alerts are skipped. Returns the number of alerts handled."""
        Engine = self.env["crm.traffic.light.engine"]
        cron = self.env["ir.cron"]
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT count(*) FROM crm_traffic_light_alert "
                "WHERE playbook_pending IS NOT NULL AND state IN %s",
                OPEN_STATES,
            )
        )
        remaining = self.env.cr.fetchone()[0]
        done = 0
        while True:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE crm_traffic_light_alert a
                       SET playbook_pending = NULL
                      FROM (SELECT id, playbook_pending AS kind
                              FROM crm_traffic_light_alert
                             WHERE playbook_pending IS NOT NULL AND state IN %s
                             ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED) todo
                     WHERE a.id = todo.id
                 RETURNING a.id, todo.kind
                    """,
                    OPEN_STATES,
                    batch_size,
                )
            )
            rows = self.env.cr.fetchall()
            if not rows:
                break
            self.browse(r[0] for r in rows).invalidate_recordset(["playbook_pending"])
            self._launch_claimed_playbooks(rows)
            done += len(rows)
            remaining = max(remaining - len(rows), 0)
            cron._notify_progress(done=done, remaining=remaining)
            if commit:
                Engine._commit()
        cron._notify_progress(done=done, remaining=0)
        return done

    @api.model
    def _launch_claimed_playbooks(self, rows):
        """``rows``: ``[(alert_id, pending kind)]`` just claimed by the playbook cron."""
        alerts = self.sudo().with_context(mail_auto_subscribe_no_notify=True)
        by_key = defaultdict(list)
        for alert_id, kind in rows:
            by_key[kind].append(alert_id)
        raised = alerts.browse(by_key["raised"])
        for company in raised.company_id:
            raised.filtered(lambda a, c=company: a.company_id == c).with_company(
                company
            )._launch_raised_playbooks(company)
        alerts.browse(by_key["upgraded"])._launch_upgraded_playbooks()
        # Activities of an alert snoozed in the meantime wait with it (as in ``_snooze``).
        for alert in alerts.browse([r[0] for r in rows]).filtered("snoozed_until"):
            alert._generated_activities().filtered(
                lambda act, a=alert: act.date_deadline < a.snoozed_until
            ).write({"date_deadline": alert.snoozed_until})

    @api.model
    def _escalate_overdue(self, company, today=None):
        today = today or fields.Date.context_today(self)
        days = company.traffic_light_escalation_days
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT a.id
                  FROM crm_traffic_light_alert a
                  JOIN mail_activity act
                    ON act.res_model = %(model)s AND act.res_id = a.id AND act.automated
                       AND act.active
                 WHERE a.company_id = %(company)s
                   AND a.state IN ('new', 'in_progress')
                   AND (a.snoozed_until IS NULL OR a.snoozed_until < %(today)s)
                   AND act.date_deadline < %(today)s::date - %(days)s
                """,
                model=self._name,
                company=company.id,
                today=today,
                days=days,
            )
        )
        alerts = self.sudo().with_company(company).browse(r[0] for r in self.env.cr.fetchall())
        if not alerts:
            return alerts
        alerts.with_context(mail_notrack=True).write(
            {"state": "escalated", "date_escalated": fields.Datetime.now()}
        )
        alerts._message_log_batch(
            bodies=dict.fromkeys(
                alerts.ids,
                Markup("<p>%s</p>")
                % self.env._(
                    "Escalated to the manager: the generated activities are more than "
                    "%(days)s overdue.",
                    days=DAYS.format(self.env, days),
                ),
            )
        )
        plan = company._traffic_light_alert_plan("escalation")
        alerts._launch_playbook(plan)
        return alerts

    @api.model
    def _expire_snoozes(self, today=None):
        today = today or fields.Date.context_today(self)
        alerts = self.sudo().search([("snoozed_until", "!=", False), ("snoozed_until", "<", today)])
        if alerts:
            alerts.write({"snoozed_until": False, "snooze_reason": False})
            alerts._message_log_batch(
                bodies=dict.fromkeys(alerts.ids, self.env._("The snooze has expired."))
            )
        return alerts
