# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .crm_traffic_light_segment import ABC_SELECTION, RFM_SEGMENT_SELECTION, XYZ_SELECTION


class ResPartner(models.Model):
    """The customer card's segments, data completeness, potential and contact engagement.

    Segments as the current company sees them are company-dependent fields (jsonb
    {company_id: value} in Odoo 18), like ``traffic_light``:
    searchable and groupable natively, so they work in list filters, group-bys, norm
    overrides and mass-mailing recipient domains without any search method. They are written
    set-based in SQL by ``crm.traffic.light.segment._compute_segments``.
    """

    _inherit = "res.partner"

    abc_class = fields.Selection(
        ABC_SELECTION,
        string="ABC Class",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Importance by share of turnover: A = customers making the first 80% of the "
        "turnover, B = the next 15%, C = the rest (thresholds in Settings).",
    )
    xyz_class = fields.Selection(
        XYZ_SELECTION,
        string="XYZ Class",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Stability of the monthly turnover over the last 12 months: X = stable "
        "(variation up to 10%), Y = fluctuating (up to 25%), Z = irregular.",
    )
    rfm_score = fields.Char(
        string="RFM Score",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Recency, frequency and monetary scores from 1 (lowest fifth of the customers) "
        "to 5 (highest fifth), e.g. 545.",
    )
    rfm_segment = fields.Selection(
        RFM_SEGMENT_SELECTION,
        string="RFM Segment",
        company_dependent=True,
        copy=False,
        readonly=True,
    )
    is_sleeping = fields.Boolean(
        string="Sleeping Customer",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Bought before, but not within the sleeping period (Settings).",
    )
    traffic_light_segment_history_ids = fields.One2many(
        "crm.traffic.light.segment.history", "partner_id", string="Segment History"
    )

    def _tl_action_schedule(self):
        """Odoo's activity schedule wizard (single activity or activity plan) on self."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule Activity"),
            "res_model": "mail.activity.schedule",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": self.ids,
                "active_id": self.ids[0] if self.ids else False,
            },
        }

    def _tl_action_mail(self):
        """Odoo's mail composer in mass mode on self."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Email"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_composition_mode": "mass_mail",
                "default_model": "res.partner",
                "default_res_ids": self.ids,
                "active_model": "res.partner",
                "active_ids": self.ids,
            },
        }

    def action_traffic_light_segment_history(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Segment History"),
            "res_model": "crm.traffic.light.segment.history",
            "view_mode": "list",
            "domain": [
                ("partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.env.company.id),
            ],
        }

    # Data completeness of the card (key fields)

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

    # Potential (perspectiveness) and contact engagement

    potential_step_id = fields.Many2one(
        "crm.traffic.light.potential.step",
        string="Potential Step",
        tracking=True,
        copy=False,
        help="Where the customer stands on your potential scale (100% = regular customer, "
        "0% = no chance). The steps are defined in Configuration > Potential Scale.",
    )
    potential = fields.Integer(
        string="Potential (%)",
        related="potential_step_id.percent",
        store=True,
        index=True,
    )
    open_opportunity_count = fields.Integer(
        string="Open Opportunities", compute="_compute_traffic_light_contact_info"
    )
    last_contact_initiator = fields.Selection(
        [("us", "We"), ("customer", "Customer")],
        string="Last Contact Initiated By",
        compute="_compute_traffic_light_contact_info",
        help="Who started the latest contact: the customer (e-mail received) or us (a done "
        "activity, e-mail sent or meeting).",
    )
    unanswered_contact_count = fields.Integer(
        string="Attempts Without Answer",
        compute="_compute_traffic_light_contact_info",
        help="Done activities of type 'No Answer' since the customer last answered.",
    )

    @api.depends_context("company")
    def _compute_traffic_light_contact_info(self):
        """One SQL statement for all records of the page (set-based)."""
        ids = [pid for pid in self.ids if pid]
        info = {}
        if ids:
            no_answer = self.env.ref(
                "crm_traffic_light_segment.mail_activity_type_no_answer", raise_if_not_found=False
            )
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    """
                WITH cust AS (
                    SELECT id AS partner_id, COALESCE(commercial_partner_id, id) AS cp
                      FROM res_partner WHERE id = ANY(%(ids)s)
                ), family AS (
                    SELECT c.partner_id, p.id AS member_id
                      FROM cust c JOIN res_partner p ON p.commercial_partner_id = c.cp
                ), done AS (
                    -- done activities on the customer (or its contacts) and its leads
                    SELECT f.partner_id, m.date, m.mail_activity_type_id AS type_id
                      FROM family f
                      JOIN mail_message m ON m.model = 'res.partner' AND m.res_id = f.member_id
                     WHERE m.mail_activity_type_id IS NOT NULL
                    UNION ALL
                    SELECT f.partner_id, m.date, m.mail_activity_type_id
                      FROM family f
                      JOIN crm_lead l ON l.partner_id = f.member_id
                      JOIN mail_message m ON m.model = 'crm.lead' AND m.res_id = l.id
                     WHERE m.mail_activity_type_id IS NOT NULL
                ), ours AS (
                    SELECT partner_id, MAX(date) AS date FROM (
                        SELECT partner_id, date FROM done
                         WHERE type_id IS DISTINCT FROM %(no_answer)s
                        UNION ALL
                        SELECT f.partner_id, e.start
                          FROM family f
                          JOIN calendar_event_res_partner_rel r ON r.res_partner_id = f.member_id
                          JOIN calendar_event e ON e.id = r.calendar_event_id
                         WHERE e.active AND e.start <= now() at time zone 'UTC'
                    ) x GROUP BY partner_id
                ), theirs AS (
                    SELECT f.partner_id, MAX(m.date) AS date
                      FROM family f
                      JOIN mail_message m ON m.author_id = f.member_id
                     WHERE m.message_type = 'email'
                     GROUP BY f.partner_id
                ), answered AS (
                    SELECT c.partner_id, GREATEST(o.date, t.date) AS date
                      FROM cust c
                      LEFT JOIN ours o ON o.partner_id = c.partner_id
                      LEFT JOIN theirs t ON t.partner_id = c.partner_id
                ), leads AS (
                    SELECT f.partner_id, COUNT(DISTINCT l.id) AS n
                      FROM family f
                      JOIN crm_lead l ON l.partner_id = f.member_id
                      LEFT JOIN crm_stage s ON s.id = l.stage_id
                     WHERE l.active AND l.type = 'opportunity'
                       AND COALESCE(s.is_won, FALSE) IS FALSE
                       AND (l.company_id IS NULL OR l.company_id = %(company)s)
                     GROUP BY f.partner_id
                )
                SELECT c.partner_id,
                       COALESCE(ld.n, 0),
                       CASE WHEN t.date IS NOT NULL AND (o.date IS NULL OR t.date > o.date)
                                THEN 'customer'
                            WHEN o.date IS NOT NULL THEN 'us' END,
                       (SELECT COUNT(*) FROM done d
                         WHERE d.partner_id = c.partner_id AND d.type_id = %(no_answer)s
                           AND (a.date IS NULL OR d.date > a.date))
                  FROM cust c
                  LEFT JOIN leads ld ON ld.partner_id = c.partner_id
                  LEFT JOIN ours o ON o.partner_id = c.partner_id
                  LEFT JOIN theirs t ON t.partner_id = c.partner_id
                  LEFT JOIN answered a ON a.partner_id = c.partner_id
                """,
                    ids=ids,
                    no_answer=no_answer.id if no_answer else None,
                    company=self.env.company.id,
                )
            )
            info = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        for partner in self:
            leads, initiator, unanswered = info.get(partner.id, (0, False, 0))
            partner.open_opportunity_count = leads
            partner.last_contact_initiator = initiator or False
            partner.unanswered_contact_count = unanswered
