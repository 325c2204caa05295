# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import datetime
from collections import defaultdict

from odoo import api, fields, models
from odoo.tools import SQL

FLAG_RANK = {None: 0, False: 0, "green": 0, "orange": 1, "red": 2}


class CrmTrafficLightNormSimulator(models.AbstractModel):
    """Replays the traffic light as of each week of the past months and scores it against what
    customers really did afterwards (issue 7, norm simulator).

    The replay itself takes a function ``flags_at(as_of, partner_ids) -> {partner_id: flag}``
    (the engine's ``evaluate`` under the current or the proposed norms), so that the counting
    here does not depend on how norms are stored. Everything is read-only.

    Definitions (also in README):

    - an *orange alert* is a week in which a customer's flag turns orange coming from green (or
      from not evaluated); a *red alert* a week in which it turns red coming from anything else.
      The week before the first replayed week gives the starting flags and is not counted;
    - a customer *stopped buying* as of a week when it has no confirmed order in the following
      ``horizon_days`` days. Only weeks whose horizon has fully passed are scored;
    - per (customer, week): *red* precision = share of red flags that stopped buying, recall =
      share of customers that stopped buying that were red; *orange* counts orange or red flags
      (at least orange).
    """

    _name = "crm.traffic.light.norm.simulator"
    _description = "Customer Traffic Light: norm simulator (replay and scoring)"

    @api.model
    def _replay_days(self, end=None, weeks=52):
        """The weekly as-of days of the replay, oldest first, the last one ``end`` (today),
        plus the day one week before the first (the starting flags)."""
        end = end or fields.Date.context_today(self)
        return [end - datetime.timedelta(weeks=weeks - i) for i in range(weeks + 1)]

    @api.model
    def _customers_by_day(self, company, days):
        """``{day: [partner ids]}``: commercial partners with a confirmed order of ``company`` on
        or before each day (the customers the engine evaluates), one query."""
        self.env["sale.order"].flush_model(["state", "company_id", "partner_id", "date_order"])
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT w.day, array_agg(f.partner_id ORDER BY f.partner_id)
                  FROM unnest(%(days)s::date[]) AS w(day)
                  JOIN (SELECT p.commercial_partner_id AS partner_id,
                               MIN(so.date_order)::date AS first_day
                          FROM sale_order so
                          JOIN res_partner p ON p.id = so.partner_id
                         WHERE so.state = 'sale' AND so.company_id = %(company)s
                      GROUP BY 1) f ON f.first_day <= w.day
              GROUP BY w.day
                """,
                days=list(days),
                company=company.id,
            )
        )
        result = {day: [] for day in days}
        result.update(dict(self.env.cr.fetchall()))
        return result

    @api.model
    def _bought_within(self, company, days, horizon_days):
        """``{day: {partner ids}}``: commercial partners with a confirmed order of ``company``
        in the ``horizon_days`` days after each day, one query."""
        self.env.cr.execute(
            SQL(
                """
                SELECT w.day, array_agg(DISTINCT p.commercial_partner_id)
                  FROM unnest(%(days)s::date[]) AS w(day)
                  JOIN sale_order so
                    ON so.date_order >= w.day + 1
                   AND so.date_order < w.day + 1 + %(horizon)s
                  JOIN res_partner p ON p.id = so.partner_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
              GROUP BY w.day
                """,
                days=list(days),
                horizon=int(horizon_days),
                company=company.id,
            )
        )
        result = {day: set() for day in days}
        result.update({day: set(ids) for day, ids in self.env.cr.fetchall()})
        return result

    @api.model
    def _score_replay(self, flags_by_day, bought_by_day, salesperson_of, scored_days):
        """Count alerts per salesperson and precision / recall of the flags.

        :param flags_by_day: ``{day: {partner_id: flag}}`` for every replay day, the first day
            being the starting state (not counted);
        :param bought_by_day: ``{day: {partner ids that ordered in the horizon after day}}``;
        :param salesperson_of: ``{partner_id: user id or False}``;
        :param scored_days: days whose horizon has passed (precision and recall use them);
        :return: ``{"alerts": {user_id: {"orange": n, "red": n}}, "orange": {...}, "red":
            {...}}`` where each level has ``flagged``, ``stopped``, ``hits``, ``precision``,
            ``recall`` (``None`` when undefined).
        """
        days = sorted(flags_by_day)
        alerts = defaultdict(lambda: {"orange": 0, "red": 0})
        previous = flags_by_day[days[0]] if days else {}
        for day in days[1:]:
            current = flags_by_day[day]
            for partner_id, flag in current.items():
                before = FLAG_RANK[previous.get(partner_id)]
                if flag == "orange" and before == 0:
                    alerts[salesperson_of.get(partner_id) or False]["orange"] += 1
                elif flag == "red" and before < 2:
                    alerts[salesperson_of.get(partner_id) or False]["red"] += 1
            previous = current
        scores = {}
        for level, rank in (("orange", 1), ("red", 2)):
            flagged = stopped = hits = 0
            for day in days[1:]:
                if day not in scored_days:
                    continue
                bought = bought_by_day.get(day, set())
                for partner_id, flag in flags_by_day[day].items():
                    is_flagged = FLAG_RANK[flag] >= rank
                    has_stopped = partner_id not in bought
                    flagged += is_flagged
                    stopped += has_stopped
                    hits += is_flagged and has_stopped
            scores[level] = {
                "flagged": flagged,
                "stopped": stopped,
                "hits": hits,
                "precision": hits / flagged if flagged else None,
                "recall": hits / stopped if stopped else None,
            }
        return {"alerts": dict(alerts), **scores}

    @api.model
    def _replay(self, company, flags_at, weeks=52, horizon_days=90, end=None):
        """Replay ``flags_at(as_of, partner_ids)`` over ``weeks`` weeks up to ``end`` and score
        it (see :meth:`_score_replay`). Reads only."""
        end = end or fields.Date.context_today(self)
        days = self._replay_days(end, weeks)
        customers = self._customers_by_day(company, days)
        flags_by_day = {
            day: flags_at(day, customers[day]) if customers[day] else {} for day in days
        }
        bought = self._bought_within(company, days, horizon_days)
        limit = end - datetime.timedelta(days=horizon_days)
        scored = {day for day in days if day <= limit}
        partner_ids = sorted({pid for flags in flags_by_day.values() for pid in flags})
        self.env["res.partner"].flush_model(["user_id"])
        self.env.cr.execute(
            SQL("SELECT id, user_id FROM res_partner WHERE id = ANY(%s)", partner_ids)
        )
        salesperson_of = {pid: user_id or False for pid, user_id in self.env.cr.fetchall()}
        return self._score_replay(flags_by_day, bought, salesperson_of, scored)
