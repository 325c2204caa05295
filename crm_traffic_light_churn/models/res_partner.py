# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    money_at_risk = fields.Float(
        string="Money at Risk",
        company_dependent=True,
        digits=(16, 2),
        copy=False,
        readonly=True,
        help="Expected turnover lost, as the current company sees it: the customer's untaxed "
        "turnover of the last 365 days x (1 - probability that the customer is still active). "
        "Refreshed by the daily run.",
    )
