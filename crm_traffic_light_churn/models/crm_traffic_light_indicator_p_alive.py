# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CrmTrafficLightIndicatorPAlive(models.AbstractModel):
    """Probability that the customer is still active (P(alive)), from the company's churn
    model (MBG/NBD fitted on confirmed orders, see crm_traffic_light_churn_model.py). The
    baseline is the number of orders expected in the next 90 days; ``money_at_risk`` and
    the figures of the plain-words explanation come along as extras."""

    _name = "crm.traffic.light.indicator.p_alive"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Likely Still Active"

    _indicator_code = "p_alive"
    _indicator_sequence = 80

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Likely still active"),
            "unit": "ratio",
            "direction": "down",
            "strict": True,
            "orange": 0.5,
            "red": 0.3,
            "mode": "absolute",
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        return self.env["crm.traffic.light.churn.model"]._churn_values(company, partner_ids, as_of)

    def _indicator_explain(self, entry, status):
        """The plain-words phrase: "usually orders every 3 weeks; 9 weeks silent; 22% likely
        still active"."""
        extras = super()._indicator_explain(entry, status)
        if entry.get("value") is not None:
            extras.append(self.env["crm.traffic.light.churn.model"]._churn_explanation(entry))
        return extras
