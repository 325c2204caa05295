# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .alert_const import (
    ALERT_FLAG_SELECTION,
    ALERT_STATE_SELECTION,
    CLOSED_STATES,
    FLAG_SEVERITY,
    OPEN_STATES,
)


class CrmTrafficLightAlert(models.Model):
    """One episode of a customer being orange or red in a company: who handles it, why, what
    was done, how long it took, how it ended.

    The fields, their computations and constraints are here; the rest comes from mixins,
    one concern each: access guards (``crm.traffic.light.alert.access``), buttons
    (``...alert.actions``), following the engine (``...alert.sync``), playbooks
    (``...alert.playbook``), chatter notes (``...alert.chatter``) and crons
    (``...alert.cron``)."""

    _name = "crm.traffic.light.alert"
    _description = "Customer Traffic Light Alert"
    # The alert's own mixins first: its write guards run before mail.thread's write, as
    # when they were methods of this class.
    _inherit = [
        "crm.traffic.light.alert.access",
        "crm.traffic.light.alert.actions",
        "crm.traffic.light.alert.sync",
        "crm.traffic.light.alert.playbook",
        "crm.traffic.light.alert.chatter",
        "crm.traffic.light.alert.cron",
        "mail.thread",
        "mail.activity.mixin",
    ]
    _order = "date_raised desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["partner_id.name"]

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        readonly=True,
        tracking=True,
    )
    company_id = fields.Many2one(
        "res.company",
        required=True,
        index=True,
        readonly=True,
        default=lambda self: self.env.company,
    )
    flag = fields.Selection(
        ALERT_FLAG_SELECTION,
        required=True,
        readonly=True,
        tracking=True,
        help="Orange: corrective actions are proposed, the alert can be closed without them. "
        "Red: actions are mandatory, closing needs a reason and a note; the manager is "
        "involved.",
    )
    state = fields.Selection(
        ALERT_STATE_SELECTION,
        required=True,
        default="new",
        index=True,
        readonly=True,
        tracking=True,
    )
    is_open = fields.Boolean(compute="_compute_is_open", search="_search_is_open")
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
    )
    manager_id = fields.Many2one(
        "res.users",
        string="Manager",
        index=True,
        tracking=True,
        domain="[('share', '=', False)]",
        help="The salesperson's sales team leader, unless a manager is set on the customer.",
    )
    reason_id = fields.Many2one(
        "crm.traffic.light.alert.reason",
        string="Reason",
        tracking=True,
        ondelete="restrict",
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    note = fields.Text(tracking=True, help="What happened and what was agreed with the customer.")
    date_raised = fields.Datetime(
        required=True, readonly=True, default=fields.Datetime.now, index=True
    )
    date_red = fields.Datetime(string="Red Since", readonly=True)
    date_first_action = fields.Datetime(string="First Action", readonly=True)
    date_escalated = fields.Datetime(readonly=True)
    date_closed = fields.Datetime(readonly=True, tracking=True)
    response_hours = fields.Float(
        string="Response Time (hours)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        help="Hours between the alert being raised and the first action on it.",
    )
    handling_hours = fields.Float(
        string="Handling Time (hours)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
        help="Hours between the alert being raised and its closing.",
    )
    handling_days = fields.Float(
        string="Handling Time (days)",
        compute="_compute_durations",
        store=True,
        aggregator="avg",
    )
    # The indicators at the time the alert was raised (or upgraded): the engine's results.
    indicator_snapshot = fields.Json(readonly=True, copy=False)
    main_indicator_code = fields.Char(
        string="Main Cause",
        readonly=True,
        index=True,
        help="Code of the indicator with the worst level when the alert was raised.",
    )
    cause_summary = fields.Char(string="Causes", compute="_compute_cause_summary")
    explanation_html = fields.Html(
        string="Explanation", compute="_compute_explanation", sanitize=False
    )
    # Recovery plan
    recovery_type = fields.Selection(
        [
            ("classification", "Change of Classification"),
            ("sales_plan", "Sales Plan"),
        ],
        tracking=True,
    )
    recovery_note = fields.Text(
        string="Recovery Plan", tracking=True, help="New classification or plan agreed."
    )
    sales_plan_ids = fields.One2many("crm.traffic.light.sales.plan", "alert_id")
    sales_plan_count = fields.Integer(compute="_compute_sales_plan_count")
    # Snooze
    snoozed_until = fields.Date(tracking=True, readonly=True, copy=False)
    snooze_reason = fields.Char(tracking=True, readonly=True, copy=False)
    is_snoozed = fields.Boolean(compute="_compute_is_snoozed", search="_search_is_snoozed")
    partner_traffic_light = fields.Selection(
        related="partner_id.traffic_light", string="Current Traffic Light"
    )
    color = fields.Integer(compute="_compute_color")
    playbook_pending = fields.Selection(
        [("raised", "Raised"), ("upgraded", "Upgraded to Red")],
        string="Playbook Pending",
        readonly=True,
        copy=False,
        index=True,
        help="The playbook activities of this alert are not created yet: too many alerts were "
        "raised at once, a scheduled action launches them within minutes.",
    )

    def init(self):
        # One open alert per customer and company, enforced by the database.
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS crm_traffic_light_alert_open_uniq "
                "ON crm_traffic_light_alert (partner_id, company_id) "
                "WHERE state IN %s",
                OPEN_STATES,
            )
        )

    # ------------------------------------------------------------------ computes

    @api.depends("partner_id", "flag")
    def _compute_display_name(self):
        flags = dict(self._fields["flag"]._description_selection(self.env))
        for alert in self:
            alert.display_name = self._alert_name(
                alert.partner_id.display_name, flags.get(alert.flag, "")
            )

    @api.model
    def _alert_name(self, customer, flag_label):
        return self.env._("%(customer)s (%(flag)s)", customer=customer or "", flag=flag_label)

    @api.depends("state")
    def _compute_is_open(self):
        for alert in self:
            alert.is_open = alert.state in OPEN_STATES

    def _search_is_open(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on open alerts."))
        positive = (operator == "=") == bool(value)
        return [("state", "in" if positive else "not in", OPEN_STATES)]

    @api.depends("snoozed_until")
    def _compute_is_snoozed(self):
        today = fields.Date.context_today(self)
        for alert in self:
            alert.is_snoozed = bool(alert.snoozed_until and alert.snoozed_until >= today)

    def _search_is_snoozed(self, operator, value):
        if operator not in ("=", "!="):
            raise UserError(self.env._("Unsupported search on snoozed alerts."))
        today = fields.Date.context_today(self)
        if (operator == "=") == bool(value):
            return [("snoozed_until", ">=", today)]
        return ["|", ("snoozed_until", "=", False), ("snoozed_until", "<", today)]

    @api.depends("date_raised", "date_first_action", "date_closed")
    def _compute_durations(self):
        for alert in self:
            alert.response_hours = (
                (alert.date_first_action - alert.date_raised).total_seconds() / 3600
                if alert.date_first_action and alert.date_raised
                else 0.0
            )
            hours = (
                (alert.date_closed - alert.date_raised).total_seconds() / 3600
                if alert.date_closed and alert.date_raised
                else 0.0
            )
            alert.handling_hours = hours
            alert.handling_days = hours / 24

    @api.depends("flag", "state")
    def _compute_color(self):
        for alert in self:
            if alert.state in CLOSED_STATES:
                alert.color = 10  # green
            else:
                alert.color = 1 if alert.flag == "red" else 2  # red / orange

    def _compute_sales_plan_count(self):
        for alert in self:
            alert.sales_plan_count = len(alert.sales_plan_ids)

    @api.depends("indicator_snapshot")
    @api.depends_context("lang")
    def _compute_cause_summary(self):
        """The names of the orange/red indicators, worst first (apart from the HTML table:
        the chatter messages of a batch of alerts need only this)."""
        definitions = self._indicator_definitions()
        for alert in self:
            alert.cause_summary = self._cause_summary(alert.indicator_snapshot, definitions)

    @api.model
    def _cause_summary(self, snapshot, definitions):
        causes = [
            (FLAG_SEVERITY[data["level"]], definitions.get(code, {}).get("name") or code)
            for code, data in (snapshot or {}).items()
            if data.get("level") in ("orange", "red")
        ]
        return ", ".join(name for _rank, name in sorted(causes, reverse=True))

    @api.depends("indicator_snapshot")
    @api.depends_context("lang")
    def _compute_explanation(self):
        """The engine's explanation table, rendered from the values at the time."""
        Status = self.env["crm.traffic.light.status"]
        for alert in self:
            snapshot = alert.indicator_snapshot or {}
            alert.explanation_html = (
                Status.new({"indicator_values": snapshot})._render_explanation()
                if snapshot
                else False
            )

    @api.model
    def _indicator_definitions(self):
        """``{code: definition}`` of the engine's indicators, in the reader's language."""
        return self.env["crm.traffic.light.indicator.mixin"]._get_definitions()

    # ------------------------------------------------------------------ constraints

    @api.constrains("state", "flag", "reason_id", "note")
    def _check_red_closing(self):
        for alert in self:
            if alert.state == "resolved" and alert.flag == "red":
                alert._check_can_close()

    def _check_can_close(self):
        self.ensure_one()
        if self.flag != "red":
            return
        missing = []
        if not self.reason_id:
            missing.append(self.env._("a reason"))
        if not (self.note or "").strip():
            missing.append(self.env._("a note"))
        if missing:
            if not self.reason_id and not self.env["crm.traffic.light.alert.reason"].search_count(
                [("company_id", "in", [False, self.company_id.id])], limit=1
            ):
                raise UserError(
                    self.env._(
                        "The alert of %(customer)s is red and needs a reason, but no reason is "
                        "configured. Ask your sales manager to create the list of reasons.",
                        customer=self.partner_id.display_name,
                    )
                )
            raise UserError(
                self.env._(
                    "The alert of %(customer)s is red: its actions are mandatory. Choose a "
                    "reason from the list and write a note before closing it (missing: "
                    "%(missing)s).",
                    customer=self.partner_id.display_name,
                    missing=self.env._(" and ").join(missing),
                )
            )

    @api.onchange("user_id")
    def _onchange_user_id(self):
        if self.user_id:
            managers = self._get_managers(self.partner_id.ids, {self.partner_id.id: self.user_id})
            self.manager_id = managers.get(self.partner_id.id) or self.manager_id

    @api.constrains("reason_id", "company_id")
    def _check_reason_company(self):
        for alert in self.filtered("reason_id.company_id"):
            if alert.reason_id.company_id != alert.company_id:
                raise ValidationError(
                    self.env._(
                        "The reason %(reason)s belongs to another company.",
                        reason=alert.reason_id.name,
                    )
                )
