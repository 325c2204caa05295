# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTrafficLightAlertReason(models.Model):
    _name = "crm.traffic.light.alert.reason"
    _description = "Customer Alert Reason"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        help="Leave empty to offer the reason in every company.",
    )
    alert_count = fields.Integer(compute="_compute_alert_count")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(name, company_id)",
            "A reason with this name already exists in this company.",
        ),
    ]

    def _compute_alert_count(self):
        groups = self.env["crm.traffic.light.alert"]._read_group(
            [("reason_id", "in", self.ids)], ["reason_id"], ["__count"]
        )
        counts = {reason.id: count for reason, count in groups}
        for reason in self:
            reason.alert_count = counts.get(reason.id, 0)
