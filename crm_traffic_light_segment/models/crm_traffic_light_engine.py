# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CrmTrafficLightEngine(models.AbstractModel):
    _inherit = "crm.traffic.light.engine"

    @api.model
    def _before_full_run(self, company):
        """Segments first: norms per ABC class need the classes of the day."""
        res = super()._before_full_run(company)
        self.env["crm.traffic.light.segment"]._compute_segments(company)
        return res
