# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    traffic_light_save_days = fields.Integer(
        related="company_id.traffic_light_save_days", readonly=False
    )

    @api.constrains("traffic_light_save_days")
    def _check_traffic_light_save_days(self):
        for settings in self:
            if settings.traffic_light_save_days <= 0:
                raise ValidationError(
                    self.env._("The save period of alerts must be a positive number of days.")
                )
