# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import AccessError

from .alert_const import MANAGER_ONLY_FIELDS, SYSTEM_FIELDS


class CrmTrafficLightAlertAccess(models.AbstractModel):
    """Who may change what on an alert, beyond the access rights: a salesperson handles their
    alert (reason, note, recovery plan) but the customer, flag, people and dates are set by
    the engine, managers and the alert's own actions. Inherited by the alert."""

    _name = "crm.traffic.light.alert.access"
    _description = "Customer Alert: Access Guards"

    def write(self, vals):
        if (
            MANAGER_ONLY_FIELDS & set(vals)
            and not self.env.su
            and not self.env.user.has_group("crm_traffic_light_core.group_traffic_light_manager")
        ):
            raise AccessError(
                self.env._(
                    "Only sales managers can change the customer, flag, salesperson or manager "
                    "of an alert."
                )
            )
        if (
            SYSTEM_FIELDS & set(vals)
            and not self.env.su
            and not self.env.user.has_group("crm_traffic_light_core.group_traffic_light_admin")
        ):
            raise AccessError(
                self.env._(
                    "The status and dates of an alert change through its buttons (close, "
                    "snooze) and the traffic light, not directly."
                )
            )
        if {"reason_id", "note", "recovery_type", "recovery_note"} & set(vals) and not (
            {"state", "date_first_action"} & set(vals)
        ):
            starting = self.filtered(lambda a: a.state == "new")
            first = self.filtered(lambda a: not a.date_first_action)
            res = super().write(vals)
            starting.sudo().write({"state": "in_progress"})
            first.sudo().write({"date_first_action": fields.Datetime.now()})
            return res
        return super().write(vals)
