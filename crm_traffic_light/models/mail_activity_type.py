from odoo import fields, models


class MailActivityType(models.Model):
    _inherit = "mail.activity.type"

    traffic_light_contact = fields.Boolean(
        string="Commercial Contact",
        help="Done activities of this type count as a commercial contact with the customer.",
    )
    traffic_light_negative = fields.Boolean(
        string="Negative Contact",
        help="Negative contacts (debt collection, payment problems) never count as a "
        "commercial contact.",
    )
