# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .crm_traffic_light_segment import ABC_SELECTION


class CrmTrafficLightNorm(models.Model):
    """Norm overrides per ABC class (segment key ``("abc", "A")``)."""

    _inherit = "crm.traffic.light.norm"

    abc_class = fields.Selection(
        ABC_SELECTION,
        string="Segment: ABC Class",
        help="Only for customers of this ABC class in the company. Leave empty for the "
        "company default.",
    )

    @api.constrains("indicator_code", "category_id", "abc_class", "company_id", "active")
    def _check_unique_segment(self):
        for norm in self.filtered("active"):
            if norm.category_id and norm.abc_class:
                raise ValidationError(
                    self.env._(
                        "The norm %(norm)s applies either to a tag or to an ABC class, not both.",
                        norm=norm.display_name,
                    )
                )
            duplicate = self.search_count(
                [
                    ("id", "!=", norm.id),
                    ("company_id", "=", norm.company_id.id),
                    ("indicator_code", "=", norm.indicator_code),
                    ("category_id", "=", norm.category_id.id),
                    ("abc_class", "=", norm.abc_class),
                ]
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "There is already an active norm %(norm)s for this company and segment.",
                        norm=norm.display_name,
                    )
                )

    def _get_segment_key(self):
        key = super()._get_segment_key()
        if key is None and self.abc_class:
            return ("abc", self.abc_class)
        return key

    @api.model
    def _partner_segment_keys(self, company, partner_ids):
        keys = super()._partner_segment_keys(company, partner_ids)
        self.env.cr.execute(
            SQL(
                """
                SELECT partner_id, abc_class FROM crm_traffic_light_segment
                 WHERE company_id = %s AND partner_id = ANY(%s) AND abc_class IS NOT NULL
                """,
                company.id,
                list(partner_ids),
            )
        )
        for pid, abc_class in self.env.cr.fetchall():
            keys.setdefault(pid, set()).add(("abc", abc_class))
        return keys
