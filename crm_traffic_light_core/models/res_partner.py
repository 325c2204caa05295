# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

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
        # No index (company-dependent fields get one by default): the engine rewrites
        # these columns of every customer, and an indexed column makes that a non-HOT
        # update of all the indexes of res_partner. Searches by flag do not use it.
        index=False,
        help="Customer health as the current company sees it: green = stable, "
        "orange = deviation from the norms (corrective actions proposed), "
        "red = serious deviation, possible loss of the customer (actions mandatory). "
        "Empty when the customer is not evaluated (no order yet).",
    )
    traffic_light_date = fields.Date(
        string="Traffic Light Since",
        company_dependent=True,
        copy=False,
        index=False,  # see traffic_light
        help="Date on which the traffic light took its current value.",
    )

    traffic_light_explanation = fields.Html(
        string="Traffic Light Explanation",
        compute="_compute_traffic_light_explanation",
        sanitize=False,
        help="Every indicator's value, norm and level for the current company.",
    )

    @api.depends_context("company", "lang")
    def _compute_traffic_light_explanation(self):
        commercial = self.commercial_partner_id
        statuses = self.env["crm.traffic.light.status"].search(
            [("partner_id", "in", commercial.ids), ("company_id", "=", self.env.company.id)]
        )
        by_partner = {status.partner_id.id: status for status in statuses}
        for partner in self:
            status = by_partner.get(partner.commercial_partner_id.id)
            partner.traffic_light_explanation = status._render_explanation() if status else False

    def action_traffic_light_recompute(self):
        """The "Recompute" button (form) and list action."""
        self.check_access("read")
        self.env["crm.traffic.light.engine"].recompute_partners(self)
        return True
