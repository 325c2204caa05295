from odoo import api, fields, models
from odoo.exceptions import ValidationError

PLAN_XMLIDS = {
    "orange": "crm_traffic_light.activity_plan_alert_orange",
    "red": "crm_traffic_light.activity_plan_alert_red",
    "escalation": "crm_traffic_light.activity_plan_alert_escalation",
}


class ResCompany(models.Model):
    _inherit = "res.company"

    traffic_light_window_days = fields.Integer(
        string="Traffic Light Window (days)",
        default=365,
        help="Length of the window for turnover, sales trend, discount share and payments.",
    )
    traffic_light_interval_days = fields.Integer(
        string="Usual Interval Look-back (days)",
        default=730,
        help="Orders of this period give the customer's usual interval between orders.",
    )
    traffic_light_turnover_source = fields.Selection(
        [("invoice", "Posted invoices net of credit notes"), ("order", "Confirmed orders")],
        string="Turnover Source",
        default="invoice",
        required=True,
    )
    traffic_light_score_mode = fields.Selection(
        [("worst", "Worst indicator"), ("weighted", "Weighted score")],
        string="Flag Mode",
        default="worst",
        required=True,
    )
    traffic_light_score_orange = fields.Float(
        string="Weighted Score for Orange",
        default=0.5,
        help="Weighted mode: the flag is orange from this score (green = 0, red = 2).",
    )
    traffic_light_score_red = fields.Float(
        string="Weighted Score for Red",
        default=1.0,
        help="Weighted mode: the flag is red from this score (green = 0, red = 2).",
    )
    traffic_light_batch_size = fields.Integer(
        string="Traffic Light Batch Size",
        default=5000,
        help="Customers computed and committed together by the scheduled recomputation.",
    )
    # Technical state of the scheduled runs (resumable full run).
    traffic_light_run_cursor = fields.Integer(copy=False)
    traffic_light_run_active = fields.Boolean(copy=False)
    # Alert playbooks launched so far by the current full run (its per-run budget).
    traffic_light_run_playbooks = fields.Integer(copy=False)
    traffic_light_last_full_run = fields.Date(copy=False)
    traffic_light_last_snapshot = fields.Date(copy=False)
    traffic_light_last_incremental = fields.Datetime(copy=False)

    @api.constrains(
        "traffic_light_window_days",
        "traffic_light_interval_days",
        "traffic_light_batch_size",
        "traffic_light_score_orange",
        "traffic_light_score_red",
    )
    def _check_traffic_light_settings(self):
        for company in self:
            if company.traffic_light_window_days <= 0 or company.traffic_light_interval_days <= 0:
                raise ValidationError(
                    self.env._("Traffic light windows must be a positive number of days.")
                )
            if company.traffic_light_batch_size <= 0:
                raise ValidationError(
                    self.env._("The traffic light batch size must be a positive number.")
                )
            orange, red = company.traffic_light_score_orange, company.traffic_light_score_red
            if not 0 <= orange <= red <= 2:
                raise ValidationError(
                    self.env._(
                        "Weighted scores must satisfy 0 <= orange (%(orange)s) <= red "
                        "(%(red)s) <= 2.",
                        orange=orange,
                        red=red,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        self.env["crm.traffic.light.norm"]._ensure_default_norms(companies)
        return companies

    # Alerts
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
