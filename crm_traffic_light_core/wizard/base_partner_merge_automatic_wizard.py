from markupsafe import Markup

from odoo import api, models
from odoo.tools import SQL

from ..models.crm_traffic_light_alert import FLAG_SEVERITY, OPEN_STATES

# Rows computed once per customer and company (unique partner + company), recomputed by the
# engine and the segment run: of the merged customers', the destination's row is kept, else
# the row of the source with the highest id (the one whose company-dependent values Odoo
# keeps on the destination); the others are dropped before Odoo moves the rows.
PER_COMPANY_TABLES = ("crm_traffic_light_status", "crm_traffic_light_segment")


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    """Odoo's contact merge (Contacts > Merge, the duplicate finder's Merge button) on
    customers with traffic light data.

    Odoo moves every row pointing to a source partner to the destination in one UPDATE per
    table; when that breaks a unique rule it deletes the source's rows instead. So before the
    move, what may exist only once per customer and company is settled here: open alerts (one
    kept, the others closed as merged), active overrides, statuses and segments, duplicate
    pairs. Everything else (closed alerts, history, sales plans) simply moves."""

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
        lines = self._traffic_light_merge_alerts(src_partners, dst_partner)
        lines += self._traffic_light_merge_overrides(src_partners, dst_partner)
        evaluated = self._traffic_light_merge_rows(src_partners, dst_partner)
        self._traffic_light_merge_duplicates(src_partners, dst_partner)
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
                "crm_traffic_light.ir_cron_traffic_light_incremental", raise_if_not_found=False
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
    def _traffic_light_merge_rows(self, src_partners, dst_partner):
        """Statuses and segments: one row per company survives (see ``PER_COMPANY_TABLES``).
        Returns whether any of the merged customers is evaluated."""
        cr = self.env.cr
        for table in PER_COMPANY_TABLES:
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
        self.env["crm.traffic.light.segment"].invalidate_model()
        cr.execute(
            SQL(
                "SELECT 1 FROM crm_traffic_light_status WHERE partner_id = ANY(%s) LIMIT 1",
                (src_partners | dst_partner).ids,
            )
        )
        return bool(cr.fetchone())

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
