# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.tools import SQL


class CrmTrafficLightReportMixin(models.AbstractModel):
    """Base of the traffic light's SQL view reports: the customer, its company and its
    salesperson, the salesperson's sales team, and the view itself.

    As Odoo's ``sale.report`` does, the view's query is assembled from pieces that another
    addon overrides to add what it owns (e.g. a column from its table): :meth:`_with` (common
    table expressions), :meth:`_select` (the columns, ``id`` first), :meth:`_from` (the
    tables and joins), :meth:`_where` and :meth:`_group_by` (empty by default)."""

    _name = "crm.traffic.light.report.mixin"
    _description = "Traffic Light Report Base"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)

    def _with(self):
        """SQL: the common table expressions of the query (``name AS (...), ...``), or
        an empty SQL."""
        return SQL()

    def _select(self):
        """SQL: the columns of the view, separated by commas."""
        raise NotImplementedError

    def _from(self):
        """SQL: the tables and joins the columns come from."""
        raise NotImplementedError

    def _where(self):
        """SQL: the condition on the rows, or an empty SQL for every row."""
        return SQL()

    def _group_by(self):
        """SQL: the grouping of the rows, or an empty SQL."""
        return SQL()

    def _query(self):
        """The SELECT of the report's view, assembled from its pieces."""
        query = SQL("SELECT %s FROM %s", self._select(), self._from())
        if with_ := self._with():
            query = SQL("WITH %s %s", with_, query)
        if where := self._where():
            query = SQL("%s WHERE %s", query, where)
        if group_by := self._group_by():
            query = SQL("%s GROUP BY %s", query, group_by)
        return query

    @api.model
    def _sales_team(self, user_column):
        """SQL: the sales team of the salesperson in ``user_column`` (an SQL expression), their
        main team as Odoo keeps it (``res.users.sale_team_id``), as the alerts use it."""
        return SQL("(SELECT u.sale_team_id FROM res_users u WHERE u.id = %s)", user_column)

    def init(self):
        if self._abstract:
            return
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
