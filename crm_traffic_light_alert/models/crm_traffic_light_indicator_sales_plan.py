# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CrmTrafficLightIndicatorSalesPlan(models.AbstractModel):
    """Recovery plan control: turnover achieved against the target of the customer's latest
    sales plan whose control date has passed. Behind target = "sales plan not met" (red by
    default). Customers without such a plan are not rated."""

    _name = "crm.traffic.light.indicator.sales_plan"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Sales Plan"

    _indicator_code = "sales_plan"
    _indicator_sequence = 90

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Sales plan achieved (vs target)"),
            "unit": "amount",
            "direction": "down",
            "strict": True,
            # relative to the target: below 100 % of the target at the control date = red
            "orange": 1.0,
            "red": 1.0,
            "mode": "relative",
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        plans = self.env["crm.traffic.light.sales.plan"]._sales_plan_values(
            company, partner_ids, as_of=as_of
        )
        return {
            partner_id: {
                "value": data["value"],
                "baseline": data["baseline"],
                "plan_id": data["plan_id"],
            }
            for partner_id, data in plans.items()
        }
