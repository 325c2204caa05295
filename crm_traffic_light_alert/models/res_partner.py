# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    """The customer's alerts, and the manager who receives its red alerts."""

    _inherit = "res.partner"

    traffic_light_manager_id = fields.Many2one(
        "res.users",
        string="Customer Health Manager",
        domain="[('share', '=', False)]",
        help="Manager who receives the red alerts of this customer. Empty: the leader of the "
        "salesperson's sales team.",
    )
    traffic_light_alert_ids = fields.One2many(
        "crm.traffic.light.alert", "partner_id", string="Traffic Light Alerts"
    )
    traffic_light_alert_count = fields.Integer(
        string="Open Alerts", compute="_compute_traffic_light_alert_count"
    )

    @api.depends_context("company", "uid")
    def _compute_traffic_light_alert_count(self):
        Alert = self.env["crm.traffic.light.alert"]
        if not self.ids or not Alert.has_access("read"):
            self.traffic_light_alert_count = 0
            return
        groups = Alert._read_group(
            [
                ("partner_id", "in", self.ids),
                ("company_id", "=", self.env.company.id),
                ("is_open", "=", True),
            ],
            ["partner_id"],
            ["__count"],
        )
        counts = {partner.id: count for partner, count in groups}
        for partner in self:
            partner.traffic_light_alert_count = counts.get(partner.id, 0)

    def action_view_traffic_light_alerts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "crm_traffic_light_alert.action_traffic_light_alert"
        )
        action["domain"] = [("partner_id", "=", self.commercial_partner_id.id)]
        action["context"] = {"default_partner_id": self.commercial_partner_id.id}
        return action
