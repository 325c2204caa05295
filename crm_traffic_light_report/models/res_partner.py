# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

HEALTH_CARD_HISTORY_LIMIT = 20


class ResPartner(models.Model):
    """The customer's main reason (My Customers' Health) and the data of its printable
    health card (report/crm_traffic_light_health_card.xml)."""

    _inherit = "res.partner"

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

    def _tl_health_card_data(self):
        """The flag, the explanation, the flag history, the open alerts and the open
        activities of this customer in the current company, as the reader may see them."""
        self.ensure_one()
        partner = self.commercial_partner_id
        company = self.env.company
        if not self.env.user.has_group("crm_traffic_light_core.group_traffic_light_user"):
            raise UserError(self.env._("Only salespeople can print customer health cards."))
        history = self.env["crm.traffic.light.history"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("kind", "=", "change"),
            ],
            limit=HEALTH_CARD_HISTORY_LIMIT,
        )
        alerts = self.env["crm.traffic.light.alert"].search(
            [
                ("partner_id", "=", partner.id),
                ("company_id", "=", company.id),
                ("is_open", "=", True),
            ]
        )
        activities = self.env["mail.activity"].search(
            [
                "|",
                "&",
                ("res_model", "=", "res.partner"),
                ("res_id", "in", (partner | partner.child_ids).ids),
                "&",
                ("res_model", "=", "crm.traffic.light.alert"),
                ("res_id", "in", alerts.ids),
            ],
            order="date_deadline, id",
        )
        partner = partner.with_company(company)
        return {
            "partner": partner,
            "company": company,
            "flag": partner.traffic_light,
            "flag_label": dict(
                partner._fields["traffic_light"]._description_selection(self.env)
            ).get(partner.traffic_light)
            or self.env._("Not evaluated"),
            "flag_date": partner.traffic_light_date,
            "explanation": partner.traffic_light_explanation,
            "history": history,
            "alerts": alerts,
            "activities": activities,
        }
