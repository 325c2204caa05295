# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PLAN_XMLIDS = {
    "orange": "crm_traffic_light_alert.activity_plan_alert_orange",
    "red": "crm_traffic_light_alert.activity_plan_alert_red",
    "escalation": "crm_traffic_light_alert.activity_plan_alert_escalation",
}


class ResCompany(models.Model):
    """Alert settings of the company: escalation delay and playbooks."""

    _inherit = "res.company"

    traffic_light_escalation_days = fields.Integer(
        string="Escalate Alerts After (days)",
        default=3,
        help="An open alert whose generated activities are overdue by more than this number "
        "of days is escalated to the manager.",
    )
    traffic_light_orange_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Orange Playbook",
        domain="[('res_model', '=', 'crm.traffic.light.alert')]",
        help="Activities proposed when a customer turns orange. Empty: the shipped playbook.",
    )
    traffic_light_red_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Red Playbook",
        domain="[('res_model', '=', 'crm.traffic.light.alert')]",
        help="Mandatory activities added when a customer turns red (on top of the orange "
        "playbook), including the manager's. Empty: the shipped playbook.",
    )
    traffic_light_escalation_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Escalation Playbook",
        domain="[('res_model', '=', 'crm.traffic.light.alert')]",
        help="Activities created when an alert is escalated. Empty: the shipped playbook.",
    )

    # Alert playbooks launched so far by the current full run (its per-run budget), reset
    # when a full run starts (crm.traffic.light.engine._before_full_run).
    traffic_light_run_playbooks = fields.Integer(copy=False)

    @api.constrains("traffic_light_escalation_days")
    def _check_traffic_light_escalation_days(self):
        for company in self:
            if company.traffic_light_escalation_days < 0:
                raise ValidationError(
                    self.env._(
                        "The number of days before an alert is escalated cannot be negative."
                    )
                )

    def _traffic_light_alert_plan(self, kind):
        """The activity plan (playbook) of ``kind`` (orange, red, escalation) for this
        company: the configured one, else the shipped default (if still active)."""
        self.ensure_one()
        plan = self[f"traffic_light_{kind}_plan_id"].sudo()
        if not plan:
            plan = self.env.ref(PLAN_XMLIDS[kind], raise_if_not_found=False)
            plan = plan.sudo() if plan else self.env["mail.activity.plan"]
            if plan and (not plan.active or (plan.company_id and plan.company_id != self)):
                plan = self.env["mail.activity.plan"]
        return plan
