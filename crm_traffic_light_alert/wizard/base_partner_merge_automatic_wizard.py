# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

from ..models.alert_const import FLAG_SEVERITY, OPEN_STATES


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merged customers keep one open alert per company (see crm_traffic_light_core's
    extension of the merge wizard)."""

    _inherit = "base.partner.merge.automatic.wizard"

    @api.model
    def _traffic_light_merge_lines(self, src_partners, dst_partner):
        lines = self._traffic_light_merge_alerts(src_partners, dst_partner)
        return lines + super()._traffic_light_merge_lines(src_partners, dst_partner)

    @api.model
    def _traffic_light_merge_alerts(self, src_partners, dst_partner):
        """One open alert per company: the worst, the oldest of equals; the others are closed
        as merged into it. Returns the lines of the customer's chatter note."""
        Alert = self.env["crm.traffic.light.alert"].sudo()
        open_alerts = Alert.search(
            [("partner_id", "in", (src_partners | dst_partner).ids), ("state", "in", OPEN_STATES)]
        )
        lines = []
        for company in open_alerts.company_id:
            alerts = open_alerts.filtered(lambda a, c=company: a.company_id == c)
            if len(alerts) < 2:
                continue
            kept = alerts.sorted(lambda a: (-FLAG_SEVERITY[a.flag], a.date_raised, a.id))[0]
            merged = alerts - kept
            merged._close_as_merged(kept)
            lines.append(
                self.env._(
                    "%(company)s: %(merged)s closed and merged into %(kept)s, which stays open.",
                    company=company.name,
                    merged=", ".join(merged.mapped("display_name")),
                    kept=kept.display_name,
                )
            )
        return lines
