# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.tools import SQL

from .alert_const import PLAYBOOK_BATCH_LIMIT, PLAYBOOK_RUN_LIMIT


class CrmTrafficLightAlertPlaybook(models.AbstractModel):
    """The playbooks of the alerts (activity plans): the activities they create for the
    salesperson and the manager, bounded per batch and per full run, the others left pending
    for the playbook cron, cancelled when the alert closes. Inherited by the alert."""

    _name = "crm.traffic.light.alert.playbook"
    _description = "Customer Alert: Playbooks"

    @api.model
    def _playbook_param(self, key, default):
        value = self.env["ir.config_parameter"].sudo().get_param(key)
        try:
            return max(int(value), 0) if value not in (None, False, "") else default
        except ValueError:
            return default

    @api.model
    def _playbook_batch_limit(self):
        """How many new/upgraded alerts of one engine batch get their playbook at once."""
        return self._playbook_param(
            "crm_traffic_light.alert_playbook_batch_limit", PLAYBOOK_BATCH_LIMIT
        )

    @api.model
    def _playbook_limit(self, company):
        """How many new/upgraded alerts of this batch get their playbook at once: the bound
        of a batch and, inside a full run, what is left of the run's budget (the playbooks
        the run already launched are counted on the company, with its cursor)."""
        limit = self._playbook_batch_limit()
        if self.env.context.get("traffic_light_full_run"):
            run_limit = self._playbook_param(
                "crm_traffic_light.alert_playbook_run_limit", PLAYBOOK_RUN_LIMIT
            )
            limit = min(limit, max(run_limit - company.sudo().traffic_light_run_playbooks, 0))
        return limit

    def _launch_raised_playbooks(self, company):
        """The playbooks of newly raised alerts of ``company``: orange for all, red too for
        the red ones."""
        self._launch_playbook(company._traffic_light_alert_plan("orange"))
        self.filtered(lambda a: a.flag == "red")._launch_playbook(
            company._traffic_light_alert_plan("red")
        )

    def _mark_playbook_pending(self, kind):
        """Leave the playbook of these alerts to the playbook cron (one UPDATE)."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_traffic_light_alert SET playbook_pending = %s WHERE id = ANY(%s)",
                kind,
                self.ids,
            )
        )
        self.invalidate_recordset(["playbook_pending"])
        self._trigger_playbook_cron()

    @api.model
    def _trigger_playbook_cron(self):
        cron = self.env.ref(
            "crm_traffic_light_alert.ir_cron_traffic_light_alert_playbooks",
            raise_if_not_found=False,
        )
        if cron:
            cron.sudo()._trigger()

    def _launch_upgraded_playbooks(self):
        company_alerts = defaultdict(lambda: self.browse())
        for alert in self:
            company_alerts[alert.company_id] |= alert
        for company, alerts in company_alerts.items():
            alerts._launch_playbook(company._traffic_light_alert_plan("red"))

    def _launch_playbook(self, plan):
        """Create the activities of ``plan`` (a ``mail.activity.plan`` on alerts) for every
        alert of ``self`` in one batch, and log which were created."""
        if not self or not plan or not plan.template_ids:
            return self.env["mail.activity"]
        today = fields.Date.context_today(self)
        model_id = self.env["ir.model"]._get_id(self._name)
        # The activities' record names, computed for the whole batch at once.
        self.mapped("display_name")
        vals_list, descriptions = [], defaultdict(list)
        steps_by_lang = {}  # each activity reads in the language of its assignee
        for alert in self:
            for template in plan.template_ids:
                responsible = template._determine_responsible(self.env["res.users"], alert)[
                    "responsible"
                ] or (alert.user_id if template.responsible_type == "on_demand" else False)
                if not responsible:
                    descriptions[alert.id].append(
                        self.env._(
                            "%(activity)s: nobody to assign it to",
                            activity=template.summary or template.activity_type_id.name,
                        )
                    )
                    continue
                deadline = template._get_date_deadline(today)
                lang = responsible.lang or "en_US"
                if lang not in steps_by_lang:
                    steps_by_lang[lang] = {
                        step.id: step for step in plan.template_ids.with_context(lang=lang)
                    }
                step = steps_by_lang[lang][template.id]
                vals_list.append(
                    {
                        "res_model_id": model_id,
                        "res_id": alert.id,
                        "activity_type_id": template.activity_type_id.id,
                        "summary": step.summary,
                        "note": step.note,
                        "user_id": responsible.id,
                        "date_deadline": deadline,
                        "automated": True,
                    }
                )
                descriptions[alert.id].append(
                    self.env._(
                        "%(activity)s, assigned to %(name)s, due on %(deadline)s",
                        activity=template.summary or template.activity_type_id.name,
                        name=responsible.name,
                        deadline=fields.Date.to_string(deadline),
                    )
                )
        activities = (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )
        bodies = {}
        for alert in self:
            body = Markup("<p>%s</p>") % self.env._(
                'Playbook "%(plan_name)s" started', plan_name=plan.name
            )
            if descriptions[alert.id]:
                body += Markup("<ul>%s</ul>") % Markup("").join(
                    Markup("<li>%s</li>") % line for line in descriptions[alert.id]
                )
            bodies[alert.id] = body
        self._message_log_batch(bodies=bodies)
        return activities

    def _generated_activities(self):
        return (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", self.ids),
                    ("automated", "=", True),
                ]
            )
        )

    def _cancel_generated_activities(self, reason):
        activities = self._generated_activities()
        per_alert = defaultdict(list)
        for activity in activities:
            per_alert[activity.res_id].append(activity.summary or activity.activity_type_id.name)
        activities.unlink()
        bodies = {}
        for alert in self:
            body = Markup("<p>%s</p>") % reason
            if per_alert[alert.id]:
                body += Markup("<p>%s</p><ul>%s</ul>") % (
                    self.env._("Open activities cancelled:"),
                    Markup("").join(Markup("<li>%s</li>") % name for name in per_alert[alert.id]),
                )
            bodies[alert.id] = body
        self._message_log_batch(bodies=bodies)
