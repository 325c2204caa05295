# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.addons.crm_traffic_light_alert.models.alert_const import (
    ALERT_FLAG_SELECTION,
    ALERT_STATE_SELECTION,
)
from odoo.addons.crm_traffic_light_segment.models.crm_traffic_light_segment import ABC_SELECTION
from odoo.tools import SQL


class CrmTrafficLightReasonReport(models.Model):
    """Reasons analysis: one row per alert with its reason, where the customer is (country,
    state, city), its ABC class, the salesperson and the sales team.

    Read by the pivot and graph views and by the reasons map wizard.
    """

    _name = "crm.traffic.light.reason.report"
    _inherit = ["crm.traffic.light.report.mixin"]
    _description = "Alert Reasons Analysis"
    _auto = False
    _order = "date_raised desc, id desc"
    _rec_name = "partner_id"

    alert_id = fields.Many2one("crm.traffic.light.alert", string="Alert", readonly=True)
    reason_id = fields.Many2one("crm.traffic.light.alert.reason", string="Reason", readonly=True)
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)
    flag = fields.Selection(ALERT_FLAG_SELECTION, readonly=True)
    state = fields.Selection(
        ALERT_STATE_SELECTION,
        string="Status",
        readonly=True,
    )
    is_closed = fields.Boolean(string="Closed", readonly=True)
    main_indicator_code = fields.Char(string="Main Cause", readonly=True)
    date_raised = fields.Datetime(readonly=True)
    date_closed = fields.Datetime(readonly=True)
    country_id = fields.Many2one("res.country", string="Country", readonly=True)
    state_id = fields.Many2one("res.country.state", string="Region", readonly=True)
    city = fields.Char(readonly=True)
    manager_id = fields.Many2one("res.users", string="Manager", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    alert_count = fields.Integer(string="Alerts", readonly=True, aggregator="sum")

    def _select(self):
        return SQL(
            """
            a.id, a.id AS alert_id, a.partner_id, a.company_id, a.reason_id, a.flag,
            a.state, a.state IN ('resolved', 'auto_resolved') AS is_closed,
            a.main_indicator_code, a.date_raised, a.date_closed,
            p.country_id, p.state_id, p.city, s.abc_class,
            a.user_id, a.manager_id, %(team)s AS team_id,
            1 AS alert_count
            """,
            team=self._sales_team(SQL.identifier("a", "user_id")),
        )

    def _from(self):
        return SQL(
            """
            crm_traffic_light_alert a
            JOIN res_partner p ON p.id = a.partner_id
            LEFT JOIN crm_traffic_light_segment s
                   ON s.partner_id = a.partner_id AND s.company_id = a.company_id
            """
        )
