# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.addons.crm_traffic_light_alert.models.alert_const import (
    ALERT_FLAG_SELECTION,
    ALERT_STATE_SELECTION,
    OPEN_STATES,
)
from odoo.addons.crm_traffic_light_segment.models.crm_traffic_light_segment import (
    ABC_SELECTION,
    RFM_SEGMENT_SELECTION,
)
from odoo.exceptions import UserError
from odoo.tools import SQL


class CrmTrafficLightAlertReport(models.Model):
    """Event handling time: one row per alert with its durations and outcome counters, so
    pivot and graph views sum and average them per salesperson, team, flag or ABC class.

    An alert is saved when the customer's flag changed back to green within the company's
    save period (``traffic_light_save_days``, default 90) after the alert was raised; the
    save rate is the average of ``save_rate`` (100 for a saved alert, 0 otherwise)."""

    _name = "crm.traffic.light.alert.report"
    _inherit = ["crm.traffic.light.report.mixin"]
    _description = "Alert Handling Time Report"
    _auto = False
    _order = "date_raised desc, id desc"
    _rec_name = "partner_id"

    alert_id = fields.Many2one("crm.traffic.light.alert", string="Alert", readonly=True)
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)
    manager_id = fields.Many2one("res.users", string="Manager", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    flag = fields.Selection(ALERT_FLAG_SELECTION, readonly=True)
    state = fields.Selection(
        ALERT_STATE_SELECTION,
        readonly=True,
    )
    reason_id = fields.Many2one("crm.traffic.light.alert.reason", string="Reason", readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENT_SELECTION, string="RFM Segment", readonly=True)
    date_raised = fields.Datetime(readonly=True)
    date_closed = fields.Datetime(readonly=True)
    alert_count = fields.Integer(string="Alerts", readonly=True)
    response_hours = fields.Float(
        string="Time to First Action (hours)", aggregator="avg", readonly=True
    )
    handling_hours = fields.Float(string="Time to Close (hours)", aggregator="avg", readonly=True)
    overdue_count = fields.Integer(string="Overdue", readonly=True)
    escalated_count = fields.Integer(string="Escalated", readonly=True)
    saved_count = fields.Integer(string="Saved", readonly=True)
    save_rate = fields.Float(string="Save Rate (%)", aggregator="avg", readonly=True)

    def _select(self):
        return SQL(
            """
            a.id, a.id AS alert_id, a.partner_id, a.company_id, a.user_id,
            a.manager_id, %(team)s AS team_id, a.flag, a.state, a.reason_id,
            seg.abc_class, seg.rfm_segment, a.date_raised, a.date_closed,
            1 AS alert_count,
            CASE WHEN a.date_first_action IS NOT NULL THEN
                 EXTRACT(EPOCH FROM a.date_first_action - a.date_raised) / 3600.0
            END AS response_hours,
            CASE WHEN a.date_closed IS NOT NULL THEN
                 EXTRACT(EPOCH FROM a.date_closed - a.date_raised) / 3600.0
            END AS handling_hours,
            CASE WHEN a.state IN %(open)s AND EXISTS (
                 SELECT 1 FROM mail_activity act
                  WHERE act.res_model = 'crm.traffic.light.alert'
                    AND act.res_id = a.id AND act.date_deadline < CURRENT_DATE)
                 THEN 1 ELSE 0 END AS overdue_count,
            CASE WHEN a.date_escalated IS NOT NULL OR a.state = 'escalated'
                 THEN 1 ELSE 0 END AS escalated_count,
            sv.saved AS saved_count,
            sv.saved * 100.0 AS save_rate
            """,
            open=OPEN_STATES,
            team=self._sales_team(SQL.identifier("a", "user_id")),
        )

    def _from(self):
        return SQL(
            """
            crm_traffic_light_alert a
            JOIN res_company c ON c.id = a.company_id
            LEFT JOIN crm_traffic_light_segment seg
                   ON seg.partner_id = a.partner_id AND seg.company_id = a.company_id
            CROSS JOIN LATERAL (
                 SELECT CASE WHEN EXISTS (
                        SELECT 1 FROM crm_traffic_light_history h
                         WHERE h.partner_id = a.partner_id AND h.company_id = a.company_id
                           AND h.kind = 'change' AND h.new_flag = 'green'
                           AND h.date >= a.date_raised::date
                           AND h.date <= a.date_raised::date
                               + COALESCE(c.traffic_light_save_days, 90))
                        THEN 1 ELSE 0 END AS saved
            ) sv
            """
        )

    @api.model
    def get_median_hours(self, domain=None, groupby="user_id"):
        """Median time to first action and to close per ``groupby`` value (a many2one or
        selection column of this report) over the rows of ``domain`` the user may read:
        ``{value: {"response": hours or None, "handling": hours or None, "count": n}}``."""
        if groupby not in self._fields or self._fields[groupby].type not in (
            "many2one",
            "selection",
        ):
            raise UserError(self.env._("Cannot compute medians by %(field)s.", field=groupby))
        query = self._search(domain or [])
        column = SQL.identifier(self._table, groupby)
        self.env.cr.execute(
            SQL(
                """
                SELECT %(column)s,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY %(response)s),
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY %(handling)s),
                       COUNT(*)
                  FROM %(from)s
                 WHERE %(where)s
                 GROUP BY %(column)s
                """,
                column=column,
                response=SQL.identifier(self._table, "response_hours"),
                handling=SQL.identifier(self._table, "handling_hours"),
                **{"from": query.from_clause, "where": query.where_clause or SQL("TRUE")},
            )
        )
        return {
            key: {"response": response, "handling": handling, "count": count}
            for key, response, handling, count in self.env.cr.fetchall()
        }

    def action_open_alert(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "crm.traffic.light.alert",
            "res_id": self.alert_id.id,
            "view_mode": "form",
        }
