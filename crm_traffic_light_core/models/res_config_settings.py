# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    traffic_light_window_days = fields.Integer(
        related="company_id.traffic_light_window_days", readonly=False
    )
    traffic_light_interval_days = fields.Integer(
        related="company_id.traffic_light_interval_days", readonly=False
    )
    traffic_light_turnover_source = fields.Selection(
        related="company_id.traffic_light_turnover_source", readonly=False
    )
    traffic_light_score_mode = fields.Selection(
        related="company_id.traffic_light_score_mode", readonly=False
    )
    traffic_light_score_orange = fields.Float(
        related="company_id.traffic_light_score_orange", readonly=False
    )
    traffic_light_score_red = fields.Float(
        related="company_id.traffic_light_score_red", readonly=False
    )
    traffic_light_batch_size = fields.Integer(
        related="company_id.traffic_light_batch_size", readonly=False
    )

    def action_open_traffic_light_norms(self):
        self.env["crm.traffic.light.norm"]._ensure_default_norms(self.company_id)
        return self.env["ir.actions.act_window"]._for_xml_id(
            "crm_traffic_light_core.action_crm_traffic_light_norm"
        )
