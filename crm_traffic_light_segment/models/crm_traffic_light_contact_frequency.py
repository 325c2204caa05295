# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .crm_traffic_light_segment import ABC_SELECTION


class CrmTrafficLightContactFrequency(models.Model):
    """Required contact frequency of the customers of one ABC class.

    A row without company applies to every company that has no row of its own for the class.
    """

    _name = "crm.traffic.light.contact.frequency"
    _description = "Required Contact Frequency"
    _order = "company_id, abc_class"
    _rec_name = "abc_class"

    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", required=True)
    interval_days = fields.Integer(
        string="Contact Every (days)",
        required=True,
        help="A customer of this class not contacted for longer is reported to its salesperson.",
    )
    company_id = fields.Many2one("res.company", string="Company")

    @api.constrains("interval_days", "abc_class", "company_id")
    def _check_interval_days(self):
        for record in self:
            if self.search_count(
                [
                    ("id", "!=", record.id),
                    ("abc_class", "=", record.abc_class),
                    ("company_id", "=", record.company_id.id),
                ]
            ):
                raise ValidationError(
                    self.env._(
                        "There is already a contact frequency for class %(abc_class)s in "
                        "this company.",
                        abc_class=record.abc_class,
                    )
                )
            if record.interval_days <= 0:
                raise ValidationError(
                    self.env._(
                        "The contact interval of class %(abc_class)s must be a positive "
                        "number of days.",
                        abc_class=record.abc_class,
                    )
                )
