# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CrmTrafficLightEngine(models.AbstractModel):
    _inherit = "crm.traffic.light.engine"

    @api.model
    def _before_full_run(self, company):
        """Refit the company's churn model on today's order history (and refresh the
        customers' money at risk) before the batches of the full run score P(alive)."""
        res = super()._before_full_run(company)
        self.env["crm.traffic.light.churn.model"].sudo()._refit_company(company)
        return res
