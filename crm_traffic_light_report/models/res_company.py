# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    traffic_light_save_days = fields.Integer(
        string="Save Period (days)",
        default=90,
        help="An alert counts as saved when its customer is green again within this number "
        "of days after the alert was raised (handling time report).",
    )
