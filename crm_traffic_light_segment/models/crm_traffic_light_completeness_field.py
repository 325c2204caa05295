# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models, tools
from odoo.exceptions import ValidationError

UNSUPPORTED_TYPES = ("one2many", "many2many", "binary", "properties", "properties_definition")


class CrmTrafficLightCompletenessField(models.Model):
    """A key field of the customer card, counted by the data completeness percentage."""

    _name = "crm.traffic.light.completeness.field"
    _description = "Customer Card Key Field"
    _order = "sequence, id"
    _rec_name = "field_id"

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    field_id = fields.Many2one(
        "ir.model.fields",
        string="Field",
        required=True,
        ondelete="cascade",
        domain=[
            ("model", "=", "res.partner"),
            ("store", "=", True),
            ("ttype", "not in", UNSUPPORTED_TYPES),
        ],
    )
    field_name = fields.Char(related="field_id.name", string="Technical Name")

    _sql_constraints = [
        ("field_unique", "unique(field_id)", "This field is already a key field."),
    ]

    @api.constrains("field_id")
    def _check_field(self):
        for record in self:
            field = self.env["res.partner"]._fields.get(record.field_id.name)
            if (
                record.field_id.model != "res.partner"
                or not field
                or not field.store
                or field.type in UNSUPPORTED_TYPES
            ):
                raise ValidationError(
                    self.env._(
                        "%(field)s cannot be a key field: choose a stored customer field "
                        "that is not a list of records or a file.",
                        field=record.field_id.field_description,
                    )
                )

    @api.model
    @tools.ormcache()
    def _key_field_names(self):
        return tuple(self.sudo().search([]).mapped("field_id.name"))

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        self._key_fields_changed()
        return records

    def write(self, vals):
        res = super().write(vals)
        self._key_fields_changed()
        return res

    def unlink(self):
        res = super().unlink()
        self._key_fields_changed()
        return res

    def _key_fields_changed(self):
        self.env.registry.clear_cache()
        self.env["res.partner"]._traffic_light_compute_completeness()
