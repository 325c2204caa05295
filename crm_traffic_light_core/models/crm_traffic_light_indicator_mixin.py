# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import api, models
from odoo.tools import SQL

LEVELS = ("green", "orange", "red")


class CrmTrafficLightIndicatorMixin(models.AbstractModel):
    """One customer health indicator: its definition and one SQL aggregate over a batch.

    Concrete indicators are AbstractModels named ``crm.traffic.light.indicator.<code>``
    inheriting this mixin. The engine discovers them from the registry, so another addon
    adds an indicator by defining a new model, without touching the others.
    """

    _name = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator"

    _indicator_code = None
    _indicator_sequence = 100

    def _indicator_definition(self):
        """Return a dict: ``code``, ``name`` (translated), ``unit`` (``days``, ``percent``,
        ``amount``, ``count``, ``ratio``), ``direction`` (``up`` = higher is worse,
        ``down`` = lower is worse), ``strict`` (True: worse when beyond the threshold,
        False: from the threshold on), ``orange``, ``red``, ``mode`` (``absolute`` or
        ``relative``), optional ``fallback_orange`` / ``fallback_red`` (absolute thresholds
        of a relative norm for customers without a baseline). ``orange`` / ``red`` None
        means the indicator is informative only until a norm is configured."""
        raise NotImplementedError()

    def _indicator_values(self, company, partner_ids, as_of, params):
        """Return ``{partner_id: {"value": float|None, "baseline": float|None, ...}}``
        for the commercial partners ``partner_ids`` of ``company`` on date ``as_of``,
        computed by one SQL statement over the batch."""
        raise NotImplementedError()

    def _indicator_explain(self, entry, status):
        """The extra phrases of this indicator's line in the explanation, in the reader's
        language (a list of strings, shown in brackets after the value), e.g. the overdue
        amount next to the days overdue. ``entry`` is the indicator's stored data (see
        :meth:`_indicator_values`), ``status`` the ``crm.traffic.light.status`` record whose
        explanation is rendered: its ``_format_measure(unit, value)`` formats a value."""
        return []

    def _indicator_indexes(self):
        """Indexes on Odoo's own tables that this indicator's SQL needs, as ``{name:
        SQL(definition after the name)}``. Names start with ``crm_traffic_light_``. They are
        created by the addon's ``post_init_hook`` (``crm.traffic.light.engine.
        _create_core_table_indexes``) and dropped by its ``uninstall_hook``, never in
        ``init()``: the tables are not the addon's. Default: none."""
        return {}

    # ------------------------------------------------------------------
    # Discovery
    # ------------------------------------------------------------------
    @api.model
    def _get_indicators(self):
        """All indicator models of the registry, ordered by sequence then code."""
        indicators = []
        for name in self.env.registry:
            if name == self._name or not name.startswith("crm.traffic.light.indicator."):
                continue
            model = self.env[name]
            if getattr(model, "_indicator_code", None):
                indicators.append(model)
        return sorted(indicators, key=lambda m: (m._indicator_sequence, m._indicator_code))

    @api.model
    def _get_definitions(self):
        """``{code: definition}`` of every indicator, in sequence order."""
        return {m._indicator_code: m._indicator_definition() for m in self._get_indicators()}

    # ------------------------------------------------------------------
    # SQL helpers shared by the indicators
    # ------------------------------------------------------------------
    def _fetch(self, query):
        self.env.cr.execute(query)
        return self.env.cr.fetchall()

    @api.model
    def _window(self, as_of, days):
        """The window of ``days`` days ending on ``as_of`` included: (start excl., end)."""
        return as_of - timedelta(days=days), as_of

    @api.model
    def _turnover_query(self, company, partner_ids, params, periods):
        """SQL returning ``(partner_id, turnover_1, turnover_2, ...)`` in company currency,
        one column per ``(date_from excluded, date_to included)`` period, from posted
        customer invoices net of credit notes or from confirmed orders (setting)."""
        earliest = min(p[0] for p in periods)
        latest = max(p[1] for p in periods)
        if params.get("turnover_source") == "order":
            columns = SQL(", ").join(
                SQL(
                    "COALESCE(SUM(so.amount_untaxed / COALESCE(NULLIF(so.currency_rate, 0), 1))"
                    " FILTER (WHERE so.date_order >= %s AND so.date_order < %s), 0)",
                    date_from + timedelta(days=1),
                    date_to + timedelta(days=1),
                )
                for date_from, date_to in periods
            )
            return SQL(
                """
                SELECT rp.commercial_partner_id, %(columns)s
                  FROM sale_order so
                  JOIN res_partner rp ON rp.id = so.partner_id
                 WHERE so.state = 'sale'
                   AND so.company_id = %(company)s
                   AND rp.commercial_partner_id = ANY(%(partners)s)
                   AND so.date_order >= %(start)s AND so.date_order < %(stop)s
                 GROUP BY rp.commercial_partner_id
                """,
                columns=columns,
                company=company.id,
                partners=list(partner_ids),
                start=earliest + timedelta(days=1),
                stop=latest + timedelta(days=1),
            )
        columns = SQL(", ").join(
            SQL(
                "COALESCE(SUM(m.amount_untaxed_signed)"
                " FILTER (WHERE m.invoice_date > %s AND m.invoice_date <= %s), 0)",
                date_from,
                date_to,
            )
            for date_from, date_to in periods
        )
        return SQL(
            """
            SELECT m.commercial_partner_id, %(columns)s
              FROM account_move m
             WHERE m.state = 'posted'
               AND m.move_type IN ('out_invoice', 'out_refund')
               AND m.company_id = %(company)s
               AND m.commercial_partner_id = ANY(%(partners)s)
               AND m.invoice_date > %(start)s AND m.invoice_date <= %(stop)s
             GROUP BY m.commercial_partner_id
            """,
            columns=columns,
            company=company.id,
            partners=list(partner_ids),
            start=earliest,
            stop=latest,
        )
