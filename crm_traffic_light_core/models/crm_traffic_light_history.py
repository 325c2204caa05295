# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .res_partner import TRAFFIC_LIGHT_SELECTION


class CrmTrafficLightHistory(models.Model):
    """Flag changes and monthly snapshots per customer and company, for reports.

    Rows are inserted by the engine in SQL (one statement per batch)."""

    _name = "crm.traffic.light.history"
    _description = "Traffic Light History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    date = fields.Date(required=True, index=True)
    old_flag = fields.Selection(TRAFFIC_LIGHT_SELECTION, string="Previous Traffic Light")
    new_flag = fields.Selection(TRAFFIC_LIGHT_SELECTION, string="Traffic Light")
    kind = fields.Selection(
        [("change", "Change"), ("snapshot", "Monthly Snapshot")], required=True, default="change"
    )
    user_id = fields.Many2one(related="partner_id.user_id", string="Salesperson")

    def init(self):
        self.env.cr.execute(
            """
            CREATE INDEX IF NOT EXISTS crm_traffic_light_history_lookup_idx
                ON crm_traffic_light_history (company_id, kind, partner_id, date)
            """
        )
