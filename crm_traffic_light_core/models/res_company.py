# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    """Settings of the traffic light per company. Fields added to Odoo's models carry no NOT
    NULL constraint in the database (Odoo's own code and tests create companies without
    knowing them): they have defaults, are required in the settings form, and the engine
    reads an empty value as the default (``_get_params``)."""

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
    )
    traffic_light_score_mode = fields.Selection(
        [("worst", "Worst indicator"), ("weighted", "Weighted score")],
        string="Flag Mode",
        default="worst",
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
