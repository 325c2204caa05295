# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class CrmTrafficLightPotentialStep(models.Model):
    """A step of the customer potential scale, e.g. 100% regular customer ... 0% no chance."""

    _name = "crm.traffic.light.potential.step"
    _description = "Customer Potential Step"
    _order = "percent desc, sequence, id"

    name = fields.Char(required=True, translate=True)
    percent = fields.Integer(string="Potential (%)", required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    @api.constrains("percent")
    def _check_percent(self):
        for step in self:
            if not 0 <= step.percent <= 100:
                raise ValidationError(
                    self.env._(
                        "The potential of step %(step)s must be between 0 and 100%%.",
                        step=step.name,
                    )
                )

    @api.depends("name", "percent")
    def _compute_display_name(self):
        for step in self:
            step.display_name = f"{step.percent}% {step.name}"
