from odoo import api, fields, models
from odoo.tools import SQL


class ResPartner(models.Model):
    """Customer potential (perspectiveness) and contact engagement on the customer card."""

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

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
                "crm_traffic_light.mail_activity_type_no_answer", raise_if_not_found=False
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
