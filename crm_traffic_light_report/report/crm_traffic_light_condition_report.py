# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.addons.crm_traffic_light_core.models.res_partner import TRAFFIC_LIGHT_SELECTION
from odoo.addons.crm_traffic_light_segment.models.crm_traffic_light_segment import (
    ABC_SELECTION,
    RFM_SEGMENT_SELECTION,
)
from odoo.tools import SQL


class CrmTrafficLightConditionReport(models.Model):
    """Customer condition: one row per evaluated customer and company with its flag,
    salesperson, team, ABC class and the turnover at risk (the turnover of the indicator
    window of an orange or red customer; zero for a green one). The churn prediction adds
    the money at risk (crm_traffic_light_churn_report)."""

    _name = "crm.traffic.light.condition.report"
    _inherit = ["crm.traffic.light.report.mixin"]
    _description = "Customer Condition Report"
    _auto = False
    _order = "turnover_at_risk desc, id"
    _rec_name = "partner_id"

    currency_id = fields.Many2one("res.currency", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENT_SELECTION, string="RFM Segment", readonly=True)
    flag = fields.Selection(TRAFFIC_LIGHT_SELECTION, string="Traffic Light", readonly=True)
    flag_date = fields.Date(string="Traffic Light Since", readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True)
    turnover = fields.Monetary(readonly=True)
    turnover_at_risk = fields.Monetary(readonly=True)

    def _select(self):
        return SQL(
            """
            s.id, s.partner_id, s.company_id, c.currency_id, p.user_id,
            %(team)s AS team_id, seg.abc_class, seg.rfm_segment, s.flag, s.flag_date,
            1 AS customer_count,
            t.turnover,
            CASE WHEN s.flag IN ('orange', 'red') THEN t.turnover ELSE 0 END
                AS turnover_at_risk
            """,
            team=self._sales_team(SQL.identifier("p", "user_id")),
        )

    def _from(self):
        return SQL(
            """
            crm_traffic_light_status s
            JOIN res_partner p ON p.id = s.partner_id
            JOIN res_company c ON c.id = s.company_id
            LEFT JOIN crm_traffic_light_segment seg
                   ON seg.partner_id = s.partner_id AND seg.company_id = s.company_id
            CROSS JOIN LATERAL (
                 SELECT COALESCE(
                     (s.indicator_values::jsonb -> 'turnover' ->> 'value')::numeric,
                     seg.turnover, 0) AS turnover
            ) t
            """
        )

    def _where(self):
        return SQL("s.flag IS NOT NULL")
