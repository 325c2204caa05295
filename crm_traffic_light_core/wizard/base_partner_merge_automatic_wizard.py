# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, models
from odoo.tools import SQL


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's contact merge (Contacts > Merge, the duplicate finder's Merge button) on
    customers with traffic light data.

    Odoo moves every row pointing to a source partner to the destination in one UPDATE per
    table; when that breaks a unique rule it deletes the source's rows instead. So before the
    move, what may exist only once per customer and company is settled here: active overrides
    and statuses here; open alerts (one kept, the others closed as merged), segments and
    duplicate pairs by the addons that own them, extending :meth:`_traffic_light_merge_lines`
    and :meth:`_traffic_light_merge_rows`. Everything else (history, closed alerts, sales
    plans) simply moves."""

    _inherit = "base.partner.merge.automatic.wizard"

    @api.model
    def _update_foreign_keys(self, src_partners, dst_partner):
        self._traffic_light_merge(src_partners, dst_partner)
        res = super()._update_foreign_keys(src_partners, dst_partner)
        self._traffic_light_moved_rows_modified(dst_partner)
        return res

    @api.model
    def _traffic_light_merge(self, src_partners, dst_partner):
        if not src_partners:
            return
        self.env.flush_all()
        lines = self._traffic_light_merge_lines(src_partners, dst_partner)
        evaluated = self._traffic_light_merge_rows(src_partners, dst_partner)
        if lines:
            dst_partner.sudo()._message_log(
                body=Markup("<p>%s</p><ul>%s</ul>")
                % (
                    self.env._(
                        "Customers merged: their traffic light alerts and overrides were merged."
                    ),
                    Markup("").join(Markup("<li>%s</li>") % line for line in lines),
                )
            )
        if evaluated:
            # The merged customer's flag is recomputed on its merged history by the next
            # incremental run (the merge changes the partner), started at once.
            cron = self.env.ref(
                "crm_traffic_light_core.ir_cron_traffic_light_incremental", raise_if_not_found=False
            )
            if cron:
                cron.sudo()._trigger()
        self.env.flush_all()

    @api.model
    def _traffic_light_moved_rows_modified(self, dst_partner):
        """Odoo moves the rows in SQL: the stored fields computed from their customer (the
        salesperson of segments, sales plans, duplicate pairs...) are recomputed for the
        destination."""
        for model in self.env.registry.values():
            if (
                not model._name.startswith("crm.traffic.light.")
                or model._abstract
                or model._transient
                or not model._auto
            ):
                continue
            for field in model._fields.values():
                if field.type == "many2one" and field.comodel_name == "res.partner" and field.store:
                    records = (
                        self.env[model._name]
                        .sudo()
                        .with_context(active_test=False)
                        .search([(field.name, "=", dst_partner.id)])
                    )
                    records.modified([field.name])

    @api.model
    def _traffic_light_merge_lines(self, src_partners, dst_partner):
        """Settle the records of which a customer has one per company (here the active
        overrides; extensions add theirs) and return the lines of the chatter note logged on
        the merged customer."""
        return self._traffic_light_merge_overrides(src_partners, dst_partner)

    @api.model
    def _traffic_light_merge_overrides(self, src_partners, dst_partner):
        """One active manual override per company: the latest one, as when a new override is
        set on a customer; the others are archived. Returns the lines of the chatter note."""
        Override = self.env["crm.traffic.light.override"].sudo()
        overrides = Override.search(
            [("partner_id", "in", (src_partners | dst_partner).ids), ("active", "=", True)]
        )
        lines = []
        for company in overrides.company_id:
            active = overrides.filtered(lambda o, c=company: o.company_id == c)
            if len(active) < 2:
                continue
            kept = active.sorted(lambda o: (o.create_date, o.id))[-1]
            replaced = active - kept
            replaced.write({"active": False})
            replaced._message_log_batch(
                bodies=dict.fromkeys(
                    replaced.ids,
                    Markup("<p>%s</p>")
                    % self.env._(
                        "Customers merged: the override %(override)s applies instead.",
                        override=kept.display_name,
                    ),
                )
            )
            lines.append(
                self.env._(
                    "%(company)s: override %(replaced)s archived, %(kept)s applies.",
                    company=company.name,
                    replaced=", ".join(replaced.mapped("display_name")),
                    kept=kept.display_name,
                )
            )
        return lines

    @api.model
    def _traffic_light_per_company_tables(self):
        """Tables of rows computed once per customer and company (unique partner + company),
        recomputed by the runs: of the merged customers', the destination's row is kept,
        else the row of the source with the highest id (the one whose company-dependent
        values Odoo keeps on the destination); the others are dropped before Odoo moves the
        rows. Extensions add their tables."""
        return ("crm_traffic_light_status",)

    @api.model
    def _traffic_light_merge_rows(self, src_partners, dst_partner):
        """One row per company survives in each of :meth:`_traffic_light_per_company_tables`.
        Returns whether any of the merged customers is evaluated."""
        cr = self.env.cr
        for table in self._traffic_light_per_company_tables():
            cr.execute(
                SQL(
                    """
                    DELETE FROM %(table)s s
                     WHERE s.partner_id = ANY(%(src)s)
                       AND EXISTS (
                           SELECT 1 FROM %(table)s o
                            WHERE o.company_id = s.company_id
                              AND (o.partner_id = %(dst)s
                                   OR (o.partner_id = ANY(%(src)s)
                                       AND o.partner_id > s.partner_id)))
                    """,
                    table=SQL.identifier(table),
                    src=src_partners.ids,
                    dst=dst_partner.id,
                )
            )
        self.env["crm.traffic.light.status"].invalidate_model()
        cr.execute(
            SQL(
                "SELECT 1 FROM crm_traffic_light_status WHERE partner_id = ANY(%s) LIMIT 1",
                (src_partners | dst_partner).ids,
            )
        )
        return bool(cr.fetchone())
