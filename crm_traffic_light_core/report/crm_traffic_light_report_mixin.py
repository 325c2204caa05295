from odoo import api, fields, models, tools
from odoo.tools import SQL

from ..models.crm_traffic_light_segment import ABC_SELECTION


class CrmTrafficLightReportMixin(models.AbstractModel):
    """What the report views share: the customer, its company, its salesperson and ABC class,
    the salesperson's sales team, and the view itself, created from the report's ``_query()``.
    """

    _name = "crm.traffic.light.report.mixin"
    _description = "Traffic Light Report Base"

    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    company_id = fields.Many2one("res.company", string="Company", readonly=True)
    user_id = fields.Many2one("res.users", string="Salesperson", readonly=True)
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)

    def _query(self):
        """The SELECT of the report's view."""
        raise NotImplementedError

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
