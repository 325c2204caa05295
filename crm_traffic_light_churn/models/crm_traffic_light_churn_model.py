# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
import logging

import numpy as np

from odoo import api, fields, models
from odoo.addons.crm_traffic_light_core.tools.plural import DAYS, WEEKS
from odoo.exceptions import UserError
from odoo.tools import SQL

from ..maths import bgnbd

_logger = logging.getLogger(__name__)

# Time unit of the model: weeks. Horizon of "expected orders": the next 90 days.
DAYS_PER_UNIT = 7.0
HORIZON_DAYS = 90
TURNOVER_DAYS = 365
# Below this much history the parameters are not identified: customers are not scored.
MIN_CUSTOMERS = 10
MIN_REPEAT_CUSTOMERS = 3
# The model every company is fitted with (see README, developer notes).
DEFAULT_VARIANT = "mbgnbd"
_CACHE_KEY = "crm_traffic_light_churn_fits"


class CrmTrafficLightChurnModel(models.Model):
    _name = "crm.traffic.light.churn.model"
    _description = "Customer Traffic Light: churn model (BG/NBD family) fitted per company"
    _order = "company_id"
    _rec_name = "company_id"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, ondelete="cascade", readonly=True
    )
    variant = fields.Selection(
        [("bgnbd", "BG/NBD"), ("mbgnbd", "MBG/NBD")],
        required=True,
        default=DEFAULT_VARIANT,
        readonly=True,
        help="BG/NBD (Fader, Hardie and Lee 2005) or its modified form MBG/NBD (Batislam et "
        "al. 2007), where a customer may also drop out right after the first order, so that a "
        "customer who ordered once is not assumed to be active forever.",
    )
    r = fields.Float(string="r (shape of order rates)", digits=0, readonly=True)
    alpha = fields.Float(string="alpha (scale of order rates)", digits=0, readonly=True)
    a = fields.Float(string="a (drop-out shape a)", digits=0, readonly=True)
    b = fields.Float(string="b (drop-out shape b)", digits=0, readonly=True)
    as_of = fields.Date(
        string="History Until", readonly=True, help="Orders up to this day were used."
    )
    fitted_at = fields.Datetime(readonly=True)
    customer_count = fields.Integer(string="Customers", readonly=True)
    repeat_customer_count = fields.Integer(string="Repeat Customers", readonly=True)
    log_likelihood = fields.Float(digits=(16, 4), readonly=True)
    converged = fields.Boolean(readonly=True)

    _sql_constraints = [
        (
            "company_uniq",
            "unique(company_id)",
            "A company has a single churn model.",
        ),
    ]

    # ------------------------------------------------------------------ history (SQL)
    @api.model
    def _churn_history(self, company, as_of, partner_ids=None):
        """Per commercial partner of ``company`` with a confirmed order on or before ``as_of``:
        ``(partner_id, x, t_x, T, turnover)`` numpy arrays sorted by partner id, in weeks, ONE
        query (all customers of the company, or the commercial partners ``partner_ids``).

        Order occasions are distinct order days (several orders on one day count once);
        ``turnover`` is the untaxed amount of the last 365 days in company currency.
        """
        self.env["sale.order"].flush_model(
            ["state", "company_id", "partner_id", "date_order", "amount_untaxed", "currency_rate"]
        )
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        orders = SQL(
            """
            SELECT so.date_order::date AS day,
                   so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1) AS amount
              FROM sale_order so
             WHERE so.partner_id = p.id
               AND so.state = 'sale'
               AND so.company_id = %(company)s
               AND so.date_order < %(end)s
            """,
            company=company.id,
            end=as_of + datetime.timedelta(days=1),
        )
        if partner_ids is None:
            source = SQL(
                "res_partner p JOIN LATERAL (%s) so ON TRUE", orders
            )  # flattened by PostgreSQL into one hash join over all orders
        else:
            # A batch: one index lookup per contact (OFFSET 0 keeps the nested loop, which
            # PostgreSQL would otherwise trade for a scan of every order of the company).
            source = SQL(
                "res_partner p CROSS JOIN LATERAL (%s OFFSET 0) so"
                " WHERE p.commercial_partner_id = ANY(%s)",
                orders,
                sorted(partner_ids) or [0],
            )
        query = SQL(
            """
            WITH days AS (
                SELECT p.commercial_partner_id AS partner_id, so.day, SUM(so.amount) AS amount
                  FROM %(source)s
              GROUP BY 1, 2
            )
            SELECT partner_id,
                   (COUNT(*) - 1)::float8 AS x,
                   ((MAX(day) - MIN(day)) / %(unit)s)::float8 AS t_x,
                   ((%(as_of)s::date - MIN(day)) / %(unit)s)::float8 AS age,
                   COALESCE(SUM(amount) FILTER (
                       WHERE day > %(as_of)s::date - %(turnover_days)s), 0)::float8 AS turnover
              FROM days
          GROUP BY partner_id
          ORDER BY partner_id
            """,
            source=source,
            as_of=as_of,
            unit=DAYS_PER_UNIT,
            turnover_days=TURNOVER_DAYS,
        )
        self.env.cr.execute(query)
        rows = self.env.cr.fetchall()
        if not rows:
            empty = np.zeros(0)
            return np.zeros(0, dtype=int), empty, empty, empty, empty
        data = np.array(rows, dtype=float)
        return (data[:, 0].astype(int), data[:, 1], data[:, 2], data[:, 3], data[:, 4])

    @api.model
    def _churn_cache(self, name):
        """A per-cursor cache (dropped when sale orders are written, see sale_order_churn.py)
        whose entries are keyed by the newest sale order id, so that a rolled-back or another
        transaction's new order never meets a stale entry."""
        return self.env.cr.cache.setdefault(_CACHE_KEY, {}).setdefault(name, {})

    @api.model
    def _history_token(self, company, as_of):
        self.env["sale.order"].flush_model()
        self.env.cr.execute(SQL("SELECT MAX(id) FROM sale_order"))
        return (company.id, as_of, self.env.cr.fetchone()[0])

    @api.model
    def _company_history(self, company, as_of):
        """The whole company's history (:meth:`_churn_history`), kept on the cursor for the
        batches of a run that follow. At most two days are kept (memory stays bounded)."""
        cache = self._churn_cache("history")
        key = self._history_token(company, as_of)
        if key not in cache:
            while len(cache) >= 2:
                cache.pop(next(iter(cache)))
            cache[key] = self._churn_history(company, as_of)
        return cache[key]

    @api.model
    def _batch_history(self, company, as_of, partner_ids):
        """The history of a batch of commercial partners: a slice of the cached company history
        when a run computed it already, else one query over the batch."""
        cached = self._churn_cache("history").get(self._history_token(company, as_of))
        if cached is None:
            return self._churn_history(company, as_of, partner_ids)
        ids = cached[0]
        wanted = np.asarray(sorted(set(partner_ids)), dtype=int)
        pos = np.clip(np.searchsorted(ids, wanted), 0, max(ids.size - 1, 0))
        found = pos[ids[pos] == wanted] if ids.size else pos[:0]
        return tuple(column[found] for column in cached)

    # ------------------------------------------------------------------ fitting
    @api.model
    def _fit_company(self, company, as_of=None, variant=DEFAULT_VARIANT):
        """Fit the model on the whole confirmed-order history of ``company`` up to ``as_of``.

        Returns a :class:`bgnbd.FitResult`, or ``None`` when there is too little history.
        Writes nothing.
        """
        as_of = as_of or fields.Date.context_today(self)
        _ids, x, t_x, age, _turnover = self._company_history(company, as_of)
        if x.size < MIN_CUSTOMERS or np.count_nonzero(x) < MIN_REPEAT_CUSTOMERS:
            return None
        result = bgnbd.fit(x, t_x, age, variant=variant)
        if not result.converged:
            _logger.warning(
                "Churn model of company %s did not fully converge: %s", company.id, result.message
            )
        return result

    @api.model
    def _refit_company(self, company, as_of=None):
        """Fit and store the model of ``company`` (the daily full run calls it).

        Returns the stored record, or an empty recordset when the history is too short (a
        previously stored model is then removed: it would describe data that no longer exist).
        """
        as_of = as_of or fields.Date.context_today(self)
        result = self._fit_company(company, as_of)
        model = self.sudo().search([("company_id", "=", company.id)], limit=1)
        if result is None:
            model.unlink()
            self._store_money_at_risk(company, {})
            return self.browse()
        values = {
            "company_id": company.id,
            "variant": result.variant,
            "r": result.r,
            "alpha": result.alpha,
            "a": result.a,
            "b": result.b,
            "as_of": as_of,
            "fitted_at": fields.Datetime.now(),
            "customer_count": result.n_customers,
            "repeat_customer_count": result.n_repeat_customers,
            "log_likelihood": result.log_likelihood,
            "converged": result.converged,
        }
        if model:
            model.write(values)
        else:
            model = self.sudo().create(values)
        ids = self._company_history(company, as_of)[0].tolist()
        scores = self._churn_values(company, ids, as_of)
        self._store_money_at_risk(company, {pid: v["money_at_risk"] for pid, v in scores.items()})
        return model

    @api.model
    def _store_money_at_risk(self, company, amounts):
        """Store ``{partner_id: amount}`` as ``res.partner.money_at_risk`` of ``company`` in one
        statement, touching only rows whose value changes; partners of the company that are not
        in ``amounts`` lose their value."""
        Partner = self.env["res.partner"]
        Partner.flush_model(["money_at_risk"])
        ids = list(amounts)
        key = str(company.id)
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET money_at_risk = COALESCE(p.money_at_risk, '{}'::jsonb)
                       || jsonb_build_object(%(key)s, v.amount)
                  FROM unnest(%(ids)s::int[], %(amounts)s::float8[]) AS v(id, amount)
                 WHERE p.id = v.id
                   AND (p.money_at_risk -> %(key)s) IS DISTINCT FROM to_jsonb(v.amount)
                """,
                key=key,
                ids=ids,
                amounts=[amounts[pid] for pid in ids],
            )
        )
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner
                   SET money_at_risk = money_at_risk - %(key)s
                 WHERE money_at_risk ? %(key)s AND NOT id = ANY(%(ids)s)
                """,
                key=key,
                ids=ids,
            )
        )
        Partner.invalidate_model(["money_at_risk"])

    def action_refit(self):
        """Button: refit the selected companies' models now on their full history."""
        if not self.env.user.has_group("crm_traffic_light_core.group_traffic_light_admin"):
            raise UserError(self.env._("Only Traffic Light administrators can refit the model."))
        for model in self:
            if not self._refit_company(model.company_id):
                raise UserError(
                    self.env._(
                        "Company %(company)s has too little order history for the churn model: "
                        "at least %(customers)s customers with orders, %(repeat)s of them with "
                        "more than one order day, are needed.",
                        company=model.company_id.display_name,
                        customers=MIN_CUSTOMERS,
                        repeat=MIN_REPEAT_CUSTOMERS,
                    )
                )
        return True

    @api.model
    def _churn_params(self, company, as_of=None):
        """``(params, variant)`` to score ``company`` as of ``as_of``, or ``None``.

        Today (``as_of`` empty) or a day after the stored model's history day: the stored
        model. An earlier day: a fit on the history up to that
        day, computed in memory (never stored) and cached on the cursor (see
        :meth:`_churn_cache`): a replay of many batches fits once per day.
        """
        stored = self.sudo().search([("company_id", "=", company.id)], limit=1)
        usable = stored and min(stored.r, stored.alpha, stored.a, stored.b) > 0
        # The stored model serves every day from its history day on (the parameters describe
        # the whole customer base and move slowly; the daily run refits them). An earlier
        # day must not see later orders: it gets its own fit.
        if usable and (as_of is None or as_of >= stored.as_of):
            return (stored.r, stored.alpha, stored.a, stored.b), stored.variant
        as_of = as_of or fields.Date.context_today(self)
        cache = self._churn_cache("fit")
        key = self._history_token(company, as_of)
        if key not in cache:
            result = self._fit_company(company, as_of)
            cache[key] = result and (result.params, result.variant)
        return cache[key]

    # ------------------------------------------------------------------ scoring
    @api.model
    def _churn_values(self, company, partner_ids, as_of=None):
        """P(alive) of the given commercial partners in ``company`` as of ``as_of``.

        Returns ``{partner_id: {"value": p_alive, "baseline": expected orders in the next 90
        days, "money_at_risk": yearly turnover x (1 - p_alive), "turnover", "orders",
        "interval_weeks", "silent_weeks"}}`` for partners with a confirmed order on or before
        ``as_of``; ``value`` and ``baseline`` are ``None`` when the company has too little
        history for a model. Writes nothing (as-of safe).
        """
        as_of_day = as_of or fields.Date.context_today(self)
        ids, x, t_x, age, turnover = self._batch_history(company, as_of_day, partner_ids)
        if not ids.size:
            return {}
        fitted = self._churn_params(company, as_of)
        if fitted:
            params, variant = fitted
            alive = bgnbd.p_alive(params, x, t_x, age, variant)
            expected = bgnbd.expected_transactions(
                params, HORIZON_DAYS / DAYS_PER_UNIT, x, t_x, age, variant
            )
        else:
            alive = expected = np.full(ids.size, np.nan)
        result = {}
        for i, partner_id in enumerate(ids.tolist()):
            p = None if np.isnan(alive[i]) else round(float(alive[i]), 4)
            result[partner_id] = {
                "value": p,
                "baseline": None if np.isnan(expected[i]) else round(float(expected[i]), 3),
                "money_at_risk": None if p is None else round(float(turnover[i]) * (1 - p), 2),
                "turnover": round(float(turnover[i]), 2),
                "orders": int(x[i]) + 1,
                "interval_weeks": round(float(t_x[i] / x[i]), 2) if x[i] else None,
                "silent_weeks": round(float(age[i] - t_x[i]), 2),
            }
        return result

    # ------------------------------------------------------------------ explanation
    @api.model
    def _format_weeks(self, weeks):
        """A duration in weeks as plain words: days below two weeks, else whole weeks."""
        days = round(weeks * DAYS_PER_UNIT)
        if days < 14:
            return DAYS.format(self.env, days)
        return WEEKS.format(self.env, round(weeks))

    @api.model
    def _churn_explanation(self, values):
        """The plain-words phrase of one ``_churn_values`` entry, in the reader's language:
        "usually orders every 3 weeks; 9 weeks silent; 22% likely still active"."""
        if not values or values.get("value") is None:
            return self.env._("not enough order history in the company to estimate activity")
        percent = round(values["value"] * 100)
        silent = self._format_weeks(values["silent_weeks"] or 0.0)
        if values.get("interval_weeks"):
            return self.env._(
                "usually orders every %(interval)s; %(silent)s silent; "
                "%(percent)s%% likely still active",
                interval=self._format_weeks(values["interval_weeks"]),
                silent=silent,
                percent=percent,
            )
        return self.env._(
            "ordered only once; %(silent)s silent; %(percent)s%% likely still active",
            silent=silent,
            percent=percent,
        )
