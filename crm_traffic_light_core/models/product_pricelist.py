# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ProductPricelist(models.Model):
    _inherit = "product.pricelist"

    traffic_light_promotional = fields.Boolean(
        string="Promotional Price List",
        help="Turnover sold on this price list counts as sold on promotion for the traffic "
        "light (share of turnover sold with a discount or promotion).",
    )
