# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models
from odoo.tools import SQL


class CrmTrafficLightIndicatorLastOrder(models.AbstractModel):
    """Days since the last confirmed order, against the customer's usual interval (median
    gap between order days over the last 2 years, from 3 orders up)."""

    _name = "crm.traffic.light.indicator.last_order"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Days Since Last Order"

    _indicator_code = "last_order"
    _indicator_sequence = 20

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Days since the last order"),
            "unit": "days",
            "direction": "up",
            "strict": True,
            "orange": 1.5,
            "red": 2.5,
            "mode": "relative",
            "fallback_orange": 90.0,
            "fallback_red": 180.0,
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        lookback = as_of - timedelta(days=params.get("interval_days", 730))
        rows = self._fetch(
            SQL(
                """
                WITH days AS (
                    SELECT DISTINCT rp.commercial_partner_id AS pid, so.date_order::date AS d
                      FROM sale_order so
                      JOIN res_partner rp ON rp.id = so.partner_id
                     WHERE so.state = 'sale'
                       AND so.company_id = %(company)s
                       AND rp.commercial_partner_id = ANY(%(partners)s)
                       AND so.date_order < %(stop)s
                ), last AS (
                    SELECT pid, MAX(d) AS last_day FROM days GROUP BY pid
                ), gaps AS (
                    SELECT pid, d - LAG(d) OVER (PARTITION BY pid ORDER BY d) AS gap
                      FROM days
                     WHERE d > %(lookback)s
                ), usual AS (
                    SELECT pid, COUNT(*) + 1 AS orders,
                           percentile_cont(0.5) WITHIN GROUP (ORDER BY gap) AS median
                      FROM gaps
                     WHERE gap IS NOT NULL
                     GROUP BY pid
                )
                SELECT last.pid, %(as_of)s - last.last_day, usual.orders, usual.median
                  FROM last
                  LEFT JOIN usual ON usual.pid = last.pid
                """,
                company=company.id,
                partners=list(partner_ids),
                stop=as_of + timedelta(days=1),
                lookback=lookback,
                as_of=as_of,
            )
        )
        result = {pid: {"value": None, "baseline": None} for pid in partner_ids}
        for pid, days, orders, median in rows:
            result[pid] = {
                "value": float(days),
                "baseline": round(float(median), 2) if orders and orders >= 3 else None,
            }
        return result
