# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.tools import SQL

_logger = logging.getLogger(__name__)

ABC_SELECTION = [("A", "A"), ("B", "B"), ("C", "C")]
XYZ_SELECTION = [("X", "X"), ("Y", "Y"), ("Z", "Z")]
RFM_SEGMENT_SELECTION = [
    ("champions", "Champions"),
    ("loyal", "Loyal"),
    ("new", "New Customers"),
    ("potential_loyalist", "Potential Loyalists"),
    ("need_attention", "Need Attention"),
    ("at_risk", "At Risk"),
    ("hibernating", "Hibernating"),
    ("lost", "Lost"),
]

# Named RFM segments from the recency score R and FM = round((F + M) / 2), first match wins.
# Every (R, FM) cell of the 5 x 5 grid falls in exactly one segment:
#   R 4-5, FM 4-5 -> champions        R 3,   FM 3-5 -> loyal
#   R 4-5, FM 3   -> loyal            R 3,   FM 1-2 -> need_attention
#   R 5,   FM 1   -> new              R 1-2, FM 3-5 -> at_risk
#   R 4-5, FM 1-2 -> potential_loyalist (other cells)
#   R 2,   FM 1-2 -> hibernating      R 1,   FM 1-2 -> lost
RFM_SEGMENT_SQL = SQL(
    """CASE
        WHEN r >= 4 AND fm >= 4 THEN 'champions'
        WHEN r >= 3 AND fm >= 3 THEN 'loyal'
        WHEN r = 5 AND fm = 1 THEN 'new'
        WHEN r >= 4 THEN 'potential_loyalist'
        WHEN r = 3 THEN 'need_attention'
        WHEN fm >= 3 THEN 'at_risk'
        WHEN r = 2 THEN 'hibernating'
        ELSE 'lost'
    END"""
)

# res.partner company-dependent columns mirrored from this table, and their source column.
PARTNER_COLUMNS = {
    "abc_class": "abc_class",
    "xyz_class": "xyz_class",
    "rfm_score": "rfm_score",
    "rfm_segment": "rfm_segment",
    "is_sleeping": "is_sleeping",
}
# Columns whose change is written to the history.
HISTORY_COLUMNS = ("abc_class", "xyz_class", "rfm_segment", "is_sleeping")


class CrmTrafficLightSegment(models.Model):
    """Segments of one customer in one company: ABC, XYZ, RFM and sleeping.

    Rows are written by :meth:`_compute_segments` (a few whole-company SQL statements) and
    mirrored on ``res.partner`` as company-dependent fields (``abc_class`` ...), which is what
    partner lists, norms and mailing domains search and group by. This table keeps the measured
    values behind the classes and carries the record rules of the salesperson lists (sleeping
    customers, incomplete cards).
    """

    _name = "crm.traffic.light.segment"
    _description = "Customer Segment"
    _order = "company_id, turnover desc, id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        related="partner_id.user_id",
        store=True,
        index=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id", string="Currency")
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)
    xyz_class = fields.Selection(XYZ_SELECTION, string="XYZ Class", readonly=True)
    rfm_score = fields.Char(string="RFM Score", readonly=True)
    rfm_segment = fields.Selection(RFM_SEGMENT_SELECTION, string="RFM Segment", readonly=True)
    recency_score = fields.Integer(string="Recency Score", readonly=True)
    frequency_score = fields.Integer(string="Frequency Score", readonly=True)
    monetary_score = fields.Integer(string="Monetary Score", readonly=True)
    is_sleeping = fields.Boolean(string="Sleeping", readonly=True)
    turnover = fields.Monetary(
        string="Turnover in Window", currency_field="currency_id", readonly=True
    )
    order_count = fields.Integer(string="Orders in Window", readonly=True)
    last_order_date = fields.Date(string="Last Order", readonly=True)
    days_since_last_order = fields.Integer(string="Days Since Last Order", readonly=True)
    turnover_cv = fields.Float(
        string="Monthly Turnover Variation (%)",
        digits=(16, 1),
        readonly=True,
        help="Coefficient of variation of the monthly turnover over the last 12 full months.",
    )
    computed_date = fields.Date(string="Computed On", readonly=True)
    data_completeness = fields.Integer(related="partner_id.data_completeness")
    email = fields.Char(related="partner_id.email")
    phone = fields.Char(related="partner_id.phone")

    _sql_constraints = [
        (
            "partner_company_unique",
            "unique(partner_id, company_id)",
            "A customer has one segment row per company.",
        ),
    ]

    # ------------------------------------------------------------------
    # Computation
    # ------------------------------------------------------------------
    @api.model
    def _segment_params(self, company, as_of):
        as_of = as_of or fields.Date.context_today(self)
        month_end = as_of.replace(day=1)
        return {
            "company_id": company.id,
            "company_key": str(company.id),
            "as_of": as_of,
            "end": as_of + timedelta(days=1),
            "window_start": as_of - timedelta(days=company.traffic_light_segment_window_days),
            "month_start": month_end - relativedelta(months=12),
            "month_end": month_end,
            "sleeping_date": as_of - timedelta(days=company.traffic_light_sleeping_days),
            "share_a": company.traffic_light_abc_a_share / 100.0,
            "share_ab": (company.traffic_light_abc_a_share + company.traffic_light_abc_b_share)
            / 100.0,
            "cv_x": company.traffic_light_xyz_x_cv,
            "cv_y": company.traffic_light_xyz_y_cv,
        }

    @api.model
    def _segment_query(self, p):
        """One statement: the segments of every customer of the company (temp table rows)."""
        return SQL(
            """
            WITH orders AS (
                SELECT cp.commercial_partner_id AS partner_id, so.date_order,
                       so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1) AS amount
                  FROM sale_order so
                  JOIN res_partner cp ON cp.id = so.partner_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND so.date_order < %(end)s
            ), cust AS (
                SELECT partner_id, MAX(date_order) AS last_order,
                       COUNT(*) FILTER (WHERE date_order >= %(window_start)s) AS frequency,
                       COALESCE(SUM(amount) FILTER (WHERE date_order >= %(window_start)s), 0)
                           AS turnover
                  FROM orders GROUP BY partner_id
            ), monthly AS (
                SELECT partner_id, date_trunc('month', date_order) AS month,
                       SUM(amount) AS amount
                  FROM orders
                 WHERE date_order >= %(month_start)s AND date_order < %(month_end)s
                 GROUP BY 1, 2
            ), moments AS (
                -- 12 months, months without orders count as 0
                SELECT c.partner_id, COALESCE(SUM(m.amount), 0) / 12.0 AS mean,
                       COALESCE(SUM(m.amount * m.amount), 0) / 12.0 AS mean_sq
                  FROM cust c LEFT JOIN monthly m ON m.partner_id = c.partner_id
                 GROUP BY c.partner_id
            ), ranked AS (
                SELECT c.*,
                       CASE WHEN mo.mean > 0 THEN
                           100.0 * sqrt(GREATEST(mo.mean_sq - mo.mean * mo.mean, 0)) / mo.mean
                       END AS cv,
                       COALESCE(SUM(c.turnover) OVER (
                           ORDER BY c.turnover DESC, c.partner_id
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS cum_before,
                       SUM(c.turnover) OVER () AS total,
                       rank() OVER (ORDER BY c.last_order) AS r_rank,
                       rank() OVER (ORDER BY c.frequency) AS f_rank,
                       rank() OVER (ORDER BY c.turnover) AS m_rank,
                       COUNT(*) OVER () AS n
                  FROM cust c JOIN moments mo ON mo.partner_id = c.partner_id
            ), scored AS (
                SELECT ranked.*,
                       1 + (5 * (r_rank - 1)) / n AS r,
                       1 + (5 * (f_rank - 1)) / n AS f,
                       1 + (5 * (m_rank - 1)) / n AS m
                  FROM ranked
            ), cells AS (
                SELECT scored.*, (f + m + 1) / 2 AS fm FROM scored
            )
            SELECT partner_id, turnover, frequency AS order_count,
                   last_order::date AS last_order_date,
                   (%(as_of)s::date - last_order::date) AS days_since_last_order,
                   cv AS turnover_cv,
                   CASE WHEN turnover <= 0 OR total <= 0 THEN 'C'
                        WHEN cum_before < total * %(share_a)s THEN 'A'
                        WHEN cum_before < total * %(share_ab)s THEN 'B'
                        ELSE 'C' END AS abc_class,
                   CASE WHEN cv IS NULL THEN 'Z'
                        WHEN cv <= %(cv_x)s THEN 'X'
                        WHEN cv <= %(cv_y)s THEN 'Y'
                        ELSE 'Z' END AS xyz_class,
                   r AS recency_score, f AS frequency_score, m AS monetary_score,
                   r::text || f::text || m::text AS rfm_score,
                   %(segment)s AS rfm_segment,
                   last_order < %(sleeping_date)s AS is_sleeping
              FROM cells
            """,
            company=p["company_id"],
            end=p["end"],
            window_start=p["window_start"],
            month_start=p["month_start"],
            month_end=p["month_end"],
            as_of=p["as_of"],
            share_a=p["share_a"],
            share_ab=p["share_ab"],
            cv_x=p["cv_x"],
            cv_y=p["cv_y"],
            segment=RFM_SEGMENT_SQL,
            sleeping_date=p["sleeping_date"],
        )

    @api.model
    def _compute_segments(self, company=None, as_of=None):
        """Compute the segments of every customer of ``company`` in a few SQL statements.

        Customers are commercial partners with at least one confirmed sale order in the
        company. Writes this table, the company-dependent fields on res.partner and the
        history of changes. Idempotent: a second run with the same data changes nothing.
        Returns the number of customers segmented.
        """
        company = company or self.env.company
        self.env.flush_all()
        cr = self.env.cr
        p = self._segment_params(company, as_of)
        cr.execute("DROP TABLE IF EXISTS tl_segment_new")
        cr.execute(
            SQL(
                "CREATE TEMP TABLE tl_segment_new ON COMMIT DROP AS %s",
                self._segment_query(p),
            )
        )
        cr.execute("CREATE UNIQUE INDEX ON tl_segment_new (partner_id)")
        cr.execute("ANALYZE tl_segment_new")
        self._store_history(company, p)
        self._store_rows(company, p)
        self._store_partner_fields(company, p)
        cr.execute("SELECT COUNT(*) FROM tl_segment_new")
        count = cr.fetchone()[0]
        cr.execute("DROP TABLE tl_segment_new")
        self.env.invalidate_all()
        return count

    def _store_history(self, company, p):
        changed = SQL(" OR ").join(
            SQL("s.%s IS DISTINCT FROM n.%s", SQL.identifier(c), SQL.identifier(c))
            for c in HISTORY_COLUMNS
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO crm_traffic_light_segment_history
                    (partner_id, company_id, user_id, date, old_abc_class, abc_class, old_xyz_class,
                     xyz_class, old_rfm_segment, rfm_segment, old_is_sleeping, is_sleeping,
                     create_uid, create_date, write_uid, write_date)
                SELECT n.partner_id, %(company)s, p.user_id, %(as_of)s, s.abc_class, n.abc_class,
                       s.xyz_class, n.xyz_class, s.rfm_segment, n.rfm_segment,
                       s.is_sleeping, n.is_sleeping,
                       %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                  FROM tl_segment_new n
                  JOIN res_partner p ON p.id = n.partner_id
                  LEFT JOIN crm_traffic_light_segment s
                    ON s.partner_id = n.partner_id AND s.company_id = %(company)s
                 WHERE s.id IS NULL OR %(changed)s
                """,
                company=company.id,
                as_of=p["as_of"],
                uid=self.env.uid,
                changed=changed,
            )
        )

    def _store_rows(self, company, p):
        cr = self.env.cr
        cr.execute(
            SQL(
                """
                DELETE FROM crm_traffic_light_segment s
                 WHERE s.company_id = %(company)s
                   AND NOT EXISTS (SELECT 1 FROM tl_segment_new n
                                    WHERE n.partner_id = s.partner_id)
                """,
                company=company.id,
            )
        )
        cols = [
            "abc_class",
            "xyz_class",
            "rfm_score",
            "rfm_segment",
            "recency_score",
            "frequency_score",
            "monetary_score",
            "is_sleeping",
            "turnover",
            "order_count",
            "last_order_date",
            "days_since_last_order",
            "turnover_cv",
        ]
        ident = [SQL.identifier(c) for c in cols]
        cr.execute(
            SQL(
                """
                INSERT INTO crm_traffic_light_segment AS s
                    (partner_id, company_id, user_id, computed_date, %(cols)s,
                     create_uid, create_date, write_uid, write_date)
                SELECT n.partner_id, %(company)s, p.user_id, %(as_of)s, %(ncols)s,
                       %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                  FROM tl_segment_new n JOIN res_partner p ON p.id = n.partner_id
                ON CONFLICT (partner_id, company_id) DO UPDATE SET
                    computed_date = EXCLUDED.computed_date, %(updates)s,
                    write_uid = EXCLUDED.write_uid, write_date = EXCLUDED.write_date
                WHERE (%(old)s) IS DISTINCT FROM (%(new)s)
                   OR s.computed_date IS DISTINCT FROM EXCLUDED.computed_date
                """,
                cols=SQL(", ").join(ident),
                ncols=SQL(", ").join(SQL("n.%s", i) for i in ident),
                updates=SQL(", ").join(SQL("%s = EXCLUDED.%s", i, i) for i in ident),
                old=SQL(", ").join(SQL("s.%s", i) for i in ident),
                new=SQL(", ").join(SQL("EXCLUDED.%s", i) for i in ident),
                company=company.id,
                as_of=p["as_of"],
                uid=self.env.uid,
            )
        )

    def _store_partner_fields(self, company, p):
        """Mirror the classes on res.partner's company-dependent (jsonb) columns, set-based."""
        cr = self.env.cr
        key = p["company_key"]
        sets = SQL(", ").join(
            SQL(
                "%(col)s = COALESCE(rp.%(col)s, '{}'::jsonb)"
                " || jsonb_build_object(%(key)s, n.%(src)s)",
                col=SQL.identifier(col),
                src=SQL.identifier(src),
                key=key,
            )
            for col, src in PARTNER_COLUMNS.items()
        )
        differs = SQL(" OR ").join(
            SQL(
                "rp.%(col)s -> %(key)s IS DISTINCT FROM to_jsonb(n.%(src)s)",
                col=SQL.identifier(col),
                src=SQL.identifier(src),
                key=key,
            )
            for col, src in PARTNER_COLUMNS.items()
        )
        cr.execute(
            SQL(
                """
                UPDATE res_partner rp SET %(sets)s
                  FROM tl_segment_new n
                 WHERE rp.id = n.partner_id AND (%(differs)s)
                """,
                sets=sets,
                differs=differs,
            )
        )
        # partners that are no longer customers of the company lose their classes there
        clears = SQL(", ").join(
            SQL("%(col)s = rp.%(col)s - %(key)s", col=SQL.identifier(col), key=key)
            for col in PARTNER_COLUMNS
        )
        has_key = SQL(" OR ").join(
            SQL("rp.%s ? %s", SQL.identifier(col), key) for col in PARTNER_COLUMNS
        )
        cr.execute(
            SQL(
                """
                UPDATE res_partner rp SET %(clears)s
                 WHERE (%(has_key)s)
                   AND NOT EXISTS (SELECT 1 FROM tl_segment_new n WHERE n.partner_id = rp.id)
                """,
                clears=clears,
                has_key=has_key,
            )
        )

    # ------------------------------------------------------------------
    # Cron, actions
    # ------------------------------------------------------------------
    @api.model
    def _cron_compute_segments(self):
        companies = self.env["res.company"].search([])
        # completeness is not company-dependent: one statement for every card
        self.env["res.partner"]._traffic_light_compute_completeness()
        self.env["ir.cron"]._notify_progress(done=0, remaining=len(companies))
        for done, company in enumerate(companies, start=1):
            count = self.with_company(company)._compute_segments(company)
            _logger.info("Segments of company %s: %s customers", company.name, count)
            self.env["ir.cron"]._notify_progress(done=done, remaining=len(companies) - done)

    def _partner_ids_for_action(self):
        return self.mapped("partner_id").ids

    def action_schedule_activity(self):
        """Open Odoo's activity schedule wizard (activities or a plan) on the customers."""
        return self.env["res.partner"].browse(self._partner_ids_for_action())._tl_action_schedule()

    def action_send_mail(self):
        """Open the mail composer in mass mode on the customers."""
        return self.env["res.partner"].browse(self._partner_ids_for_action())._tl_action_mail()

    def action_open_partner(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.partner",
            "res_id": self.partner_id.id,
            "view_mode": "form",
        }
