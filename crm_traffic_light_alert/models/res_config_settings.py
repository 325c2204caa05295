# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    traffic_light_escalation_days = fields.Integer(
        related="company_id.traffic_light_escalation_days", readonly=False
    )
    traffic_light_orange_plan_id = fields.Many2one(
        related="company_id.traffic_light_orange_plan_id", readonly=False
    )
    traffic_light_red_plan_id = fields.Many2one(
        related="company_id.traffic_light_red_plan_id", readonly=False
    )
    traffic_light_escalation_plan_id = fields.Many2one(
        related="company_id.traffic_light_escalation_plan_id", readonly=False
    )
