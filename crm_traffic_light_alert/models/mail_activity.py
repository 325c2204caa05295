# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class MailActivity(models.Model):
    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        alert_ids = {
            activity.res_id
            for activity in self
            if activity.res_model == "crm.traffic.light.alert" and activity.res_id
        }
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if alert_ids:
            alerts = self.env["crm.traffic.light.alert"].sudo().browse(alert_ids).exists()
            alerts._mark_first_action()
        return result
