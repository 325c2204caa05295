# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CrmTrafficLightIndicatorTurnover(models.AbstractModel):
    """Turnover of the customer in the window (default 365 days), company currency."""

    _name = "crm.traffic.light.indicator.turnover"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Turnover"

    _indicator_code = "turnover"
    _indicator_sequence = 10

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Turnover in the window"),
            "unit": "amount",
            "direction": "down",
            "strict": True,
            # Informative until an administrator sets a norm (no shipped threshold).
            "orange": None,
            "red": None,
            "mode": "absolute",
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        window = self._window(as_of, params["window_days"])
        rows = self._fetch(self._turnover_query(company, partner_ids, params, [window]))
        turnover = {pid: float(amount) for pid, amount in rows}
        return {
            pid: {"value": round(turnover.get(pid, 0.0), 2), "baseline": None}
            for pid in partner_ids
        }
