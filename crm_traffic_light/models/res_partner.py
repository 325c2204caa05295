from odoo import fields, models

TRAFFIC_LIGHT_SELECTION = [
    ("green", "Green"),
    ("orange", "Orange"),
    ("red", "Red"),
]


class ResPartner(models.Model):
    _inherit = "res.partner"

    traffic_light = fields.Selection(
        TRAFFIC_LIGHT_SELECTION,
        string="Traffic Light",
        company_dependent=True,
        copy=False,
        help="Customer health as the current company sees it: green = stable, "
        "orange = deviation from the norms (corrective actions proposed), "
        "red = serious deviation, possible loss of the customer (actions mandatory). "
        "Empty when the customer is not evaluated (no order yet).",
    )
    traffic_light_date = fields.Date(
        string="Traffic Light Since",
        company_dependent=True,
        copy=False,
        help="Date on which the traffic light took its current value.",
    )
