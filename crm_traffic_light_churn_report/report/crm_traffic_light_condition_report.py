# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class CrmTrafficLightConditionReport(models.Model):
    """The customer's money at risk (churn prediction) in the customer condition report: one
    more column of its ``_select`` piece."""

    _inherit = "crm.traffic.light.condition.report"

    money_at_risk = fields.Monetary(
        readonly=True, help="Expected turnover lost, from the churn prediction."
    )

    def _select(self):
        return SQL(
            "%s, COALESCE((p.money_at_risk ->> s.company_id::text)::numeric, 0) AS money_at_risk",
            super()._select(),
        )
