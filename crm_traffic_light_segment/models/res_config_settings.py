# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    traffic_light_segment_window_days = fields.Integer(
        related="company_id.traffic_light_segment_window_days", readonly=False
    )
    traffic_light_abc_a_share = fields.Float(
        related="company_id.traffic_light_abc_a_share", readonly=False
    )
    traffic_light_abc_b_share = fields.Float(
        related="company_id.traffic_light_abc_b_share", readonly=False
    )
    traffic_light_abc_c_share = fields.Float(
        string="ABC: Class C Share (%)", compute="_compute_traffic_light_abc_c_share"
    )
    traffic_light_xyz_x_cv = fields.Float(
        related="company_id.traffic_light_xyz_x_cv", readonly=False
    )
    traffic_light_xyz_y_cv = fields.Float(
        related="company_id.traffic_light_xyz_y_cv", readonly=False
    )
    traffic_light_sleeping_days = fields.Integer(
        related="company_id.traffic_light_sleeping_days", readonly=False
    )

    @api.depends("traffic_light_abc_a_share", "traffic_light_abc_b_share")
    def _compute_traffic_light_abc_c_share(self):
        for settings in self:
            settings.traffic_light_abc_c_share = max(
                0.0, 100.0 - settings.traffic_light_abc_a_share - settings.traffic_light_abc_b_share
            )
