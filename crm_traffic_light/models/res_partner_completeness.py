from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    data_completeness = fields.Integer(
        string="Data Completeness (%)",
        readonly=True,
        copy=False,
        index=True,
        help="Share of the key fields (Configuration > Key Fields) filled on the card.",
    )

    @api.model
    def _traffic_light_filled_sql(self, fname):
        field = self._fields[fname]
        column = SQL.identifier(fname)
        if field.company_dependent or field.translate:
            return SQL("(%s IS NOT NULL AND %s <> '{}'::jsonb)", column, column)
        if field.type in ("char", "text", "html", "selection"):
            return SQL("(COALESCE(btrim(%s::text), '') <> '')", column)
        if field.type == "boolean":
            return SQL("(%s IS TRUE)", column)
        return SQL("(%s IS NOT NULL)", column)

    @api.model
    def _traffic_light_compute_completeness(self, partner_ids=None):
        """Store ``data_completeness`` of the given partners (all if None) in one UPDATE."""
        names = [
            n
            for n in self.env["crm.traffic.light.completeness.field"]._key_field_names()
            if n in self._fields and self._fields[n].store
        ]
        self.env.flush_all()
        if names:
            filled = SQL(" + ").join(
                SQL("%s::int", self._traffic_light_filled_sql(n)) for n in names
            )
            value = SQL("round(100.0 * (%s) / %s)::int", filled, len(names))
        else:
            value = SQL("100")
        where = SQL("TRUE") if partner_ids is None else SQL("id = ANY(%s)", list(partner_ids))
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner SET data_completeness = %(value)s
                 WHERE %(where)s AND data_completeness IS DISTINCT FROM %(value)s
                """,
                value=value,
                where=where,
            )
        )
        self.invalidate_model(["data_completeness"])

    @api.model_create_multi
    def create(self, vals_list):
        partners = super().create(vals_list)
        self._traffic_light_compute_completeness(partners.ids)
        return partners

    def write(self, vals):
        res = super().write(vals)
        keys = self.env["crm.traffic.light.completeness.field"]._key_field_names()
        if any(name in vals for name in keys):
            self._traffic_light_compute_completeness(self.ids)
        return res
