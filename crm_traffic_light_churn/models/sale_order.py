# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from .crm_traffic_light_churn_model import _CACHE_KEY


class SaleOrder(models.Model):
    _inherit = "sale.order"

    def _drop_churn_cache(self):
        """Order histories changed: forget the churn histories and fits kept on the cursor."""
        self.env.cr.cache.pop(_CACHE_KEY, None)

    @api.model_create_multi
    def create(self, vals_list):
        self._drop_churn_cache()
        return super().create(vals_list)

    def write(self, vals):
        self._drop_churn_cache()
        return super().write(vals)

    def unlink(self):
        self._drop_churn_cache()
        return super().unlink()
