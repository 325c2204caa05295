# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    traffic_light_contact = fields.Boolean(
        string="Counts as Commercial Contact",
        help="A done activity of this type counts as a commercial contact with the customer "
        "for the traffic light (days since the last commercial contact).",
    )
    traffic_light_negative = fields.Boolean(
        string="Negative Contact",
        help="Negative contacts (debt collection, payment problems, ...) never count as a "
        "commercial contact, whatever the other setting says.",
    )

    @api.onchange("traffic_light_negative")
    def _onchange_traffic_light_negative(self):
        if self.traffic_light_negative:
            self.traffic_light_contact = False
