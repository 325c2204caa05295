# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models
from odoo.tools import SQL


class CrmTrafficLightIndicatorDiscount(models.AbstractModel):
    """Sales structure: share (%) of the window's ordered turnover sold with a line
    discount, on a promotional price list, or in an order with a loyalty reward line
    (when ``sale_loyalty`` is installed)."""

    _name = "crm.traffic.light.indicator.discount"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Discount Share"

    _indicator_code = "discount"
    _indicator_sequence = 30

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Share of turnover sold with a discount or promotion"),
            "unit": "percent",
            "direction": "up",
            "strict": False,
            "orange": 50.0,
            "red": 80.0,
            "mode": "absolute",
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        date_from, date_to = self._window(as_of, params["window_days"])
        if "reward_id" in self.env["sale.order.line"]._fields:
            reward = SQL("bool_or(sol.reward_id IS NOT NULL) OVER (PARTITION BY so.id)")
        else:
            reward = SQL("FALSE")
        rows = self._fetch(
            SQL(
                """
                WITH lines AS (
                    SELECT rp.commercial_partner_id AS pid,
                           sol.price_subtotal / COALESCE(NULLIF(so.currency_rate, 0), 1) AS amount,
                           sol.discount > 0 AS discounted,
                           COALESCE(pl.traffic_light_promotional, FALSE) AS promotional,
                           %(reward)s AS rewarded
                      FROM sale_order_line sol
                      JOIN sale_order so ON so.id = sol.order_id
                      JOIN res_partner rp ON rp.id = so.partner_id
                      LEFT JOIN product_pricelist pl ON pl.id = so.pricelist_id
                     WHERE so.state = 'sale'
                       AND so.company_id = %(company)s
                       AND rp.commercial_partner_id = ANY(%(partners)s)
                       AND so.date_order >= %(start)s AND so.date_order < %(stop)s
                       AND sol.display_type IS NULL
                )
                SELECT pid,
                       COALESCE(SUM(amount) FILTER (
                           WHERE discounted OR promotional OR rewarded), 0),
                       COALESCE(SUM(amount), 0)
                  FROM lines
                 GROUP BY pid
                """,
                reward=reward,
                company=company.id,
                partners=list(partner_ids),
                start=date_from + timedelta(days=1),
                stop=date_to + timedelta(days=1),
            )
        )
        result = {pid: {"value": None, "baseline": None} for pid in partner_ids}
        for pid, promo, total in rows:
            promo, total = float(promo), float(total)
            if total > 0:
                share = min(max(promo / total * 100.0, 0.0), 100.0)
                result[pid] = {
                    "value": round(share, 2),
                    "baseline": None,
                    "promotional_amount": round(promo, 2),
                }
        return result
