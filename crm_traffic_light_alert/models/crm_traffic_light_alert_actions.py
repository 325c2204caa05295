# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError

from .alert_const import OPEN_STATES


class CrmTrafficLightAlertActions(models.AbstractModel):
    """The buttons of an alert (start, close, snooze, override, sales plan) and the first action
    noted when one of its activities is done. Inherited by the alert."""

    _name = "crm.traffic.light.alert.actions"
    _description = "Customer Alert: Actions"

    def action_start(self):
        self.check_access("write")
        self.sudo().filtered(lambda a: a.state == "new").write(
            {"state": "in_progress", "date_first_action": fields.Datetime.now()}
        )
        return True

    def action_resolve(self):
        self.check_access("write")
        for alert in self:
            if alert.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "The alert of %(customer)s is already closed.",
                        customer=alert.partner_id.display_name,
                    )
                )
            alert._check_can_close()
        now = fields.Datetime.now()
        alerts = self.sudo()
        alerts.filtered(lambda a: not a.date_first_action).write({"date_first_action": now})
        alerts.write(
            {
                "state": "resolved",
                "date_closed": now,
                "snoozed_until": False,
                "snooze_reason": False,
                "playbook_pending": False,
            }
        )
        self.sudo()._cancel_generated_activities(
            self.env._("Alert closed by %(user)s.", user=self.env.user.name)
        )
        self.sudo()._log_on_customers("resolved")
        return True

    def action_open_snooze_wizard(self):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Snooze Alert"),
            "res_model": "crm.traffic.light.alert.snooze",
            "view_mode": "form",
            "target": "new",
            "context": {"default_alert_ids": self.ids},
        }

    def action_unsnooze(self):
        self.check_access("write")
        self.sudo().write({"snoozed_until": False, "snooze_reason": False})
        return True

    def _snooze(self, date_until, reason):
        if not reason or not reason.strip():
            raise UserError(self.env._("Give a reason to snooze the alert."))
        if not date_until or date_until <= fields.Date.context_today(self):
            raise UserError(self.env._("The snooze date must be in the future."))
        self.check_access("write")
        closed = self.filtered(lambda a: a.state not in OPEN_STATES)
        if closed:
            raise UserError(self.env._("Closed alerts cannot be snoozed."))
        self.sudo().write({"snoozed_until": date_until, "snooze_reason": reason})
        # Generated activities wait with the alert.
        activities = (
            self.sudo()._generated_activities().filtered(lambda act: act.date_deadline < date_until)
        )
        activities.write({"date_deadline": date_until})
        return True

    def action_open_override(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Override Traffic Light"),
            "res_model": "crm.traffic.light.override",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
            },
        }

    def action_new_sales_plan(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sales Plan"),
            "res_model": "crm.traffic.light.sales.plan",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
                "default_alert_id": self.id,
            },
        }

    def action_view_sales_plans(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Sales Plans"),
            "res_model": "crm.traffic.light.sales.plan",
            "view_mode": "list,form",
            "domain": [("alert_id", "=", self.id)],
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_company_id": self.company_id.id,
                "default_alert_id": self.id,
            },
        }

    def _mark_first_action(self):
        """An activity of the alert was done: the salesperson is on it."""
        now = fields.Datetime.now()
        self.filtered(lambda a: not a.date_first_action).write({"date_first_action": now})
        self.filtered(lambda a: a.state == "new").write({"state": "in_progress"})
