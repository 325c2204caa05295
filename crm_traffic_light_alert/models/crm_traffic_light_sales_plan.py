# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CrmTrafficLightSalesPlan(models.Model):
    """Recovery plan of a customer: a target turnover between a start and a control date. After
    the control date, a plan behind target is reported by the ``sales_plan`` indicator."""

    _name = "crm.traffic.light.sales.plan"
    _description = "Customer Sales Plan (Recovery Plan)"
    _inherit = ["crm.traffic.light.customer.mixin", "mail.thread"]
    _order = "date_control desc, id desc"
    _check_company_auto = True

    alert_id = fields.Many2one(
        "crm.traffic.light.alert", string="Alert", index=True, ondelete="set null"
    )
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    target_amount = fields.Monetary(
        string="Target Turnover", required=True, tracking=True, currency_field="currency_id"
    )
    date_start = fields.Date(
        string="Start", required=True, default=fields.Date.context_today, tracking=True
    )
    date_control = fields.Date(string="Control Date", required=True, tracking=True)
    state = fields.Selection(
        [("active", "Active"), ("closed", "Closed")],
        default="active",
        required=True,
        tracking=True,
        help="Closed plans are no longer checked.",
    )
    achieved_amount = fields.Monetary(
        string="Achieved Turnover", compute="_compute_progress", currency_field="currency_id"
    )
    progress = fields.Float(compute="_compute_progress", help="Achieved / target, in percent.")
    result = fields.Selection(
        [("running", "Running"), ("achieved", "Achieved"), ("missed", "Not Met")],
        compute="_compute_progress",
    )

    @api.constrains("target_amount", "date_start", "date_control")
    def _check_plan(self):
        for plan in self:
            if plan.target_amount <= 0:
                raise ValidationError(self.env._("The target turnover must be positive."))
            if plan.date_control <= plan.date_start:
                raise ValidationError(self.env._("The control date must be after the start date."))

    @api.depends("partner_id", "date_control")
    def _compute_display_name(self):
        for plan in self:
            plan.display_name = self.env._(
                "%(customer)s by %(date)s",
                customer=plan.partner_id.display_name or "",
                date=fields.Date.to_string(plan.date_control) or "",
            )

    @api.depends("target_amount", "date_start", "date_control", "partner_id", "company_id")
    def _compute_progress(self):
        today = fields.Date.context_today(self)
        achieved = self._achieved_amounts(self.filtered("id").ids)
        for plan in self:
            amount = achieved.get(plan.id, 0.0)
            plan.achieved_amount = amount
            plan.progress = 100.0 * amount / plan.target_amount if plan.target_amount else 0.0
            if amount >= plan.target_amount:
                plan.result = "achieved"
            elif plan.date_control and plan.date_control < today:
                plan.result = "missed"
            else:
                plan.result = "running"

    def _achieved_sql(self, plan_filter):
        """Turnover of confirmed orders (untaxed, company currency) of each plan's customer
        and company between its start and control dates."""
        return SQL(
            """
            SELECT sp.id, sp.partner_id, sp.target_amount, sp.date_control,
                   COALESCE(SUM(so.amount_untaxed / NULLIF(so.currency_rate, 0)), 0)
              FROM crm_traffic_light_sales_plan sp
         LEFT JOIN res_partner p ON p.commercial_partner_id = sp.partner_id
         LEFT JOIN sale_order so
                ON so.partner_id = p.id AND so.company_id = sp.company_id
               AND so.state = 'sale'
               AND so.date_order >= sp.date_start
               AND so.date_order < sp.date_control + 1
             WHERE %s
          GROUP BY sp.id
            """,
            plan_filter,
        )

    @api.model
    def _achieved_amounts(self, plan_ids):
        if not plan_ids:
            return {}
        self.env.flush_all()
        self.env.cr.execute(self._achieved_sql(SQL("sp.id = ANY(%s)", plan_ids)))
        return {row[0]: row[4] for row in self.env.cr.fetchall()}

    @api.model
    def _sales_plan_values(self, company, partner_ids, as_of=None):
        """Indicator values for a batch of customers, in the format of
        ``_indicator_values``: ``{partner_id: {"value": achieved, "baseline": target,
        "level": "green"|"red", "plan_id", "date_control"}}``, for each customer's latest
        active plan whose control date has passed (``as_of``, default today). Behind target
        means "sales plan not met" (red); customers without such a plan are absent. One query.
        """
        if not partner_ids:
            return {}
        as_of = as_of or fields.Date.context_today(self)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                WITH latest AS (
                    SELECT DISTINCT ON (partner_id) id
                      FROM crm_traffic_light_sales_plan
                     WHERE company_id = %(company)s AND partner_id = ANY(%(partners)s)
                       AND state = 'active' AND date_control < %(as_of)s
                  ORDER BY partner_id, date_control DESC, id DESC
                )
                %(achieved)s
                """,
                company=company.id,
                partners=list(partner_ids),
                as_of=as_of,
                achieved=self._achieved_sql(SQL("sp.id IN (SELECT id FROM latest)")),
            )
        )
        values = {}
        for plan_id, partner_id, target, date_control, achieved in self.env.cr.fetchall():
            values[partner_id] = {
                "value": float(achieved),
                "baseline": float(target),
                "level": "red" if achieved < target else "green",
                "plan_id": plan_id,
                "date_control": fields.Date.to_string(date_control),
            }
        return values

    def action_close(self):
        self.write({"state": "closed"})
        return True

    def action_reopen(self):
        self.write({"state": "active"})
        return True
