# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields, models


class CrmTrafficLightAlertSnooze(models.TransientModel):
    _name = "crm.traffic.light.alert.snooze"
    _description = "Snooze Customer Alerts"

    alert_ids = fields.Many2many("crm.traffic.light.alert", string="Alerts", required=True)
    date_until = fields.Date(
        string="Snooze Until",
        required=True,
        default=lambda self: fields.Date.context_today(self) + timedelta(days=7),
    )
    reason = fields.Char(required=True)

    def action_snooze(self):
        self.ensure_one()
        self.alert_ids._snooze(self.date_until, self.reason)
        return {"type": "ir.actions.act_window_close"}
