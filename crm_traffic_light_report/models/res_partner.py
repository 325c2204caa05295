from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    traffic_light_main_reason = fields.Char(
        string="Main Reason",
        compute="_compute_traffic_light_main_reason",
        help="The indicator with the worst level in the current company.",
    )

    @api.depends_context("company", "lang")
    def _compute_traffic_light_main_reason(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        sequence = list(definitions)
        statuses = (
            self.env["crm.traffic.light.status"]
            .sudo()
            .search(
                [
                    ("partner_id", "in", self.commercial_partner_id.ids),
                    ("company_id", "=", self.env.company.id),
                ]
            )
        )
        by_partner = {status.partner_id.id: status for status in statuses}
        rank = {"red": 0, "orange": 1}
        for partner in self:
            status = by_partner.get(partner.commercial_partner_id.id)
            worst = sorted(
                (
                    (rank[entry.get("level")], sequence.index(code), code)
                    for code, entry in ((status and status.indicator_values) or {}).items()
                    if code in definitions and entry.get("level") in rank
                ),
            )
            partner.traffic_light_main_reason = definitions[worst[0][2]]["name"] if worst else False
