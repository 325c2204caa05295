# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Merged customers keep one segment row per company and their pairs of possible
    duplicates (see crm_traffic_light_core's extension of the merge wizard)."""

    _inherit = "base.partner.merge.automatic.wizard"

    @api.model
    def _traffic_light_per_company_tables(self):
        return super()._traffic_light_per_company_tables() + ("crm_traffic_light_segment",)

    @api.model
    def _traffic_light_merge_rows(self, src_partners, dst_partner):
        evaluated = super()._traffic_light_merge_rows(src_partners, dst_partner)
        self.env["crm.traffic.light.segment"].invalidate_model()
        self._traffic_light_merge_duplicates(src_partners, dst_partner)
        return evaluated

    @api.model
    def _traffic_light_merge_duplicates(self, src_partners, dst_partner):
        """Pairs of possible duplicates: the pairs among the merged customers are settled; a
        source's pair with another customer becomes the destination's pair (lower id first),
        and a dismissal by a user is kept."""
        Duplicate = self.env["crm.traffic.light.duplicate"].sudo()
        merged_ids = set((src_partners | dst_partner).ids)
        pairs = Duplicate.search(
            [
                "|",
                ("partner1_id", "in", list(merged_ids)),
                ("partner2_id", "in", list(merged_ids)),
            ],
            order="id",
        )
        inner = pairs.filtered(
            lambda p: p.partner1_id.id in merged_ids and p.partner2_id.id in merged_ids
        )
        outer = pairs - inner
        # the destination's own pairs with other customers stay as they are
        own = outer.filtered(lambda p: dst_partner in (p.partner1_id | p.partner2_id))
        existing = {(pair.partner1_id.id, pair.partner2_id.id): pair for pair in own}
        obsolete = inner
        for pair in outer - own:
            other = pair.partner2_id if pair.partner1_id.id in merged_ids else pair.partner1_id
            key = tuple(sorted((dst_partner.id, other.id)))
            target = existing.get(key)
            if target:
                if pair.state == "dismissed":
                    target.state = "dismissed"
                obsolete |= pair
            else:
                pair.write({"partner1_id": key[0], "partner2_id": key[1]})
                existing[key] = pair
        obsolete.unlink()
