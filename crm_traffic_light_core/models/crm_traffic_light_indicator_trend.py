# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models


class CrmTrafficLightIndicatorTrend(models.AbstractModel):
    """Sales trend: drop (%) of the window's turnover against the previous window of the
    same length. Only when the previous window's turnover is positive."""

    _name = "crm.traffic.light.indicator.trend"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Sales Trend"

    _indicator_code = "trend"
    _indicator_sequence = 60

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Turnover drop against the previous window"),
            "unit": "percent",
            "direction": "up",
            "strict": False,
            "orange": 20.0,
            "red": 40.0,
            "mode": "absolute",
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        days = params["window_days"]
        current = self._window(as_of, days)
        previous = self._window(as_of - timedelta(days=days), days)
        rows = self._fetch(self._turnover_query(company, partner_ids, params, [current, previous]))
        amounts = {pid: (float(cur), float(prev)) for pid, cur, prev in rows}
        result = {}
        for pid in partner_ids:
            cur, prev = amounts.get(pid, (0.0, 0.0))
            drop = round((prev - cur) / prev * 100.0, 2) if prev > 0 else None
            result[pid] = {
                "value": drop,
                "baseline": round(prev, 2) if prev > 0 else None,
                "current": round(cur, 2),
            }
        return result

    def _indicator_explain(self, entry, status):
        extras = super()._indicator_explain(entry, status)
        if entry.get("baseline") is not None:
            extras.append(
                self.env._(
                    "%(current)s against %(previous)s",
                    current=status._format_measure("amount", entry.get("current") or 0.0),
                    previous=status._format_measure("amount", entry["baseline"]),
                )
            )
        return extras
