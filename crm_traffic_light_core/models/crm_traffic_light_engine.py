# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from contextlib import contextmanager

from odoo import api, fields, models
from odoo.tools import SQL

LEVEL_RANK = {"green": 0, "orange": 1, "red": 2}
RANK_LEVEL = {0: "green", 1: "orange", 2: "red"}


class CrmTrafficLightEngine(models.AbstractModel):
    """Computes the customers' traffic lights, set-based over batches.

    ``evaluate`` is pure; ``_compute_and_store`` evaluates and stores a batch (status
    upsert, partner flags, history, chatter: ``crm.traffic.light.engine.store``) then calls
    the ``_after_store`` hook. The runs and their crons: ``crm.traffic.light.engine.run``."""

    _name = "crm.traffic.light.engine"
    _inherit = ["crm.traffic.light.engine.store", "crm.traffic.light.engine.run"]
    _description = "Traffic Light Engine"

    # ------------------------------------------------------------------
    # Indexes on Odoo's own tables
    # ------------------------------------------------------------------
    @api.model
    def _core_table_indexes(self):
        """The indexes the runs need on Odoo's own tables, ``{name: SQL(definition)}``: the
        engine's and those of every indicator (``_indicator_indexes``). Created by the
        addons' ``post_init_hook`` (and so by the upgrade from the single addon, which
        installs the family), dropped by the core's ``uninstall_hook``: never in
        ``init()``, which runs on every update of the addon."""
        indexes = {
            # Incremental run: documents changed since the last run.
            f"crm_traffic_light_{table}_write_date_idx": SQL(
                "ON %s (write_date)", SQL.identifier(table)
            )
            for table in ("sale_order", "account_move", "account_payment", "calendar_event")
        }
        indexes["crm_traffic_light_mail_message_write_date_idx"] = SQL(
            "ON mail_message (write_date) WHERE mail_activity_type_id IS NOT NULL"
        )
        # Customers of a company and their orders.
        indexes["crm_traffic_light_sale_order_customer_idx"] = SQL(
            "ON sale_order (partner_id, company_id, date_order) WHERE state = 'sale'"
        )
        for indicator in self.env["crm.traffic.light.indicator.mixin"]._get_indicators():
            indexes.update(indicator._indicator_indexes())
        return indexes

    @api.model
    def _create_core_table_indexes(self):
        """Create the missing indexes of ``_core_table_indexes`` (idempotent)."""
        for name, definition in self._core_table_indexes().items():
            self.env.cr.execute(
                SQL("CREATE INDEX IF NOT EXISTS %s %s", SQL.identifier(name), definition)
            )

    @api.model
    def _drop_core_table_indexes(self, names=None):
        """Drop ``names`` (default: every ``crm_traffic_light_*`` index on a table that is not
        one of the addons' own ``crm_traffic_light_*`` tables)."""
        if names is None:
            self.env.cr.execute(
                r"""
                SELECT indexname FROM pg_indexes
                 WHERE schemaname = current_schema()
                   AND indexname LIKE 'crm\_traffic\_light\_%'
                   AND tablename NOT LIKE 'crm\_traffic\_light\_%'
                """
            )
            names = [name for (name,) in self.env.cr.fetchall()]
        for name in names:
            self.env.cr.execute(SQL("DROP INDEX IF EXISTS %s", SQL.identifier(name)))

    # ------------------------------------------------------------------
    # Parameters
    # ------------------------------------------------------------------
    @api.model
    def _get_params(self, company):
        return {
            "window_days": company.traffic_light_window_days or 365,
            "interval_days": company.traffic_light_interval_days or 730,
            "turnover_source": company.traffic_light_turnover_source or "invoice",
            "score_mode": company.traffic_light_score_mode or "worst",
            "score_orange": company.traffic_light_score_orange,
            "score_red": company.traffic_light_score_red,
            "batch_size": company.traffic_light_batch_size or 5000,
        }

    @contextmanager
    def _planner_settings(self):
        """Batch aggregates probe a few thousand customers through indexes. PostgreSQL's
        default costs (random_page_cost 4, made for spinning disks) make it scan whole
        tables for every batch instead, and parallel workers cost more than they bring on
        such small queries. Use SSD-like costs for the engine's statements only
        (transaction-local, restored afterwards)."""
        cr = self.env.cr
        cr.execute(
            "SELECT current_setting('random_page_cost'),"
            " current_setting('max_parallel_workers_per_gather')"
        )
        page_cost, workers = cr.fetchone()
        cr.execute(
            "SELECT set_config('random_page_cost', LEAST(%s::float, 1.1)::text, true),"
            " set_config('max_parallel_workers_per_gather', '0', true)",
            (page_cost,),
        )
        yield
        # Not reached on error: the transaction is rolled back, and the settings with it.
        cr.execute(
            "SELECT set_config('random_page_cost', %s, true),"
            " set_config('max_parallel_workers_per_gather', %s, true)",
            (page_cost, workers),
        )

    @api.model
    def _today(self):
        return fields.Date.context_today(self)

    # ------------------------------------------------------------------
    # Evaluation (pure)
    # ------------------------------------------------------------------
    @api.model
    def _customer_ids(self, company, partner_ids):
        """The commercial partners among ``partner_ids`` that are active customers of
        ``company`` (at least one confirmed order in it)."""
        if not partner_ids:
            return []
        self.env.cr.execute(
            SQL(
                """
                SELECT cp.id
                  FROM res_partner cp
                 WHERE cp.id = ANY(%(partners)s)
                   AND cp.active
                   AND cp.commercial_partner_id = cp.id
                   AND EXISTS (
                       SELECT 1
                         FROM res_partner rp
                         JOIN sale_order so ON so.partner_id = rp.id
                        WHERE rp.commercial_partner_id = cp.id
                          AND so.state = 'sale'
                          AND so.company_id = %(company)s)
                 ORDER BY cp.id
                """,
                partners=list(partner_ids),
                company=company.id,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def evaluate(self, company, partner_ids, as_of=None):
        """Evaluate the customers ``partner_ids`` (commercial partner ids) of ``company`` on
        ``as_of`` (default: today). Pure: writes nothing.

        :return: ``{partner_id: {"flag": "green"|"orange"|"red", "score": float|None,
            "indicators": {code: {"value", "baseline", "orange", "red", "mode", "level",
            ...indicator extras}}, "override": {...} when a manual override
            (``crm.traffic.light.override``) replaced the computed flag}}``; partners that are
            not customers of the company (no confirmed order) are left out.
        """
        as_of = as_of or self._today()
        self.env.flush_all()
        params = self._get_params(company)
        indicators = self.env["crm.traffic.light.indicator.mixin"]._get_indicators()
        definitions = {}
        values = {}
        with self._planner_settings():
            customers = self._customer_ids(company, partner_ids)
            if not customers:
                return {}
            for indicator in indicators:
                definition = indicator._indicator_definition()
                definitions[definition["code"]] = definition
                values[definition["code"]] = indicator._indicator_values(
                    company, customers, as_of, params
                )
        norms = self.env["crm.traffic.light.norm"]._norms_for_partners(
            company, customers, definitions
        )
        empty = {"value": None, "baseline": None}
        results = {}
        for pid in customers:
            partner_norms = norms[pid]
            evaluated = {}
            for code, definition in definitions.items():
                entry = dict(values[code].get(pid) or empty)
                entry.update(self._level(definition, partner_norms.get(code), entry))
                evaluated[code] = entry
            flag, score = self._flag(evaluated, params)
            results[pid] = {"flag": flag, "score": score, "indicators": evaluated}
        # Manual overrides replace the computed flag; the computed one stays in "override".
        return self.env["crm.traffic.light.override"]._apply_overrides(
            company, results, as_of=as_of
        )

    @api.model
    def _level(self, definition, norm, entry):
        """Level of one indicator value under a norm: ``{"level", "orange", "red",
        "mode", "weight"}`` (+ ``ratio`` for relative norms). Level None = not rated."""
        res = {"level": None, "orange": None, "red": None, "mode": None, "weight": 0.0}
        if not norm:
            return res
        value, baseline = entry.get("value"), entry.get("baseline")
        mode, orange, red = norm["mode"], norm["orange"], norm["red"]
        if mode == "relative" and not baseline:
            if norm.get("fallback_orange") is None or norm.get("fallback_red") is None:
                res.update(mode=mode, orange=orange, red=red)
                return res
            mode, orange, red = "absolute", norm["fallback_orange"], norm["fallback_red"]
        res.update(mode=mode, orange=orange, red=red, weight=norm.get("weight", 1.0))
        if value is None:
            return res
        measured = value
        if mode == "relative":
            measured = round(value / baseline, 4)
            res["ratio"] = measured
        up = definition.get("direction", "up") == "up"
        strict = definition.get("strict", True)

        def beyond(threshold):
            if up:
                return measured > threshold if strict else measured >= threshold
            return measured < threshold if strict else measured <= threshold

        res["level"] = "red" if beyond(red) else "orange" if beyond(orange) else "green"
        return res

    @api.model
    def _flag(self, evaluated, params):
        """The flag from the indicator levels: the worst level, or in weighted mode the
        weighted average of the levels (green 0, orange 1, red 2) against the company's
        score thresholds. Returns ``(flag, score)``."""
        rated = [e for e in evaluated.values() if e.get("level")]
        if not rated:
            return "green", None
        if params.get("score_mode") != "weighted":
            return RANK_LEVEL[max(LEVEL_RANK[e["level"]] for e in rated)], None
        total_weight = sum(e["weight"] for e in rated)
        if not total_weight:
            return "green", 0.0
        score = round(sum(LEVEL_RANK[e["level"]] * e["weight"] for e in rated) / total_weight, 4)
        if score >= params["score_red"]:
            return "red", score
        if score >= params["score_orange"]:
            return "orange", score
        return "green", score

    # ------------------------------------------------------------------
    # Storage
    # ------------------------------------------------------------------
    @api.model
    def _compute_and_store(self, company, partner_ids, as_of=None, snapshot=False):
        """Evaluate and store one batch; returns ``(results, changes)``."""
        as_of = as_of or self._today()
        results = self.evaluate(company, partner_ids, as_of)
        changes = self._store(company, partner_ids, results, as_of, snapshot=snapshot)
        self._after_store(company, results, changes)
        return results, changes

    # ------------------------------------------------------------------
    # Hooks
    # ------------------------------------------------------------------
    @api.model
    def _before_full_run(self, company):
        """Hook run once per company before the batches of a full run (company-wide
        computations such as segments or model fits). Extensions call ``super()``."""
        self.env["crm.traffic.light.norm"]._ensure_default_norms(company)

    @api.model
    def _after_store(self, company, results, changes):
        """Hook after a batch was stored. ``results`` is the output of :meth:`evaluate`
        for every evaluated partner of the batch; ``changes`` is ``{partner_id:
        (old_flag, new_flag)}`` for the partners whose flag changed (``old_flag`` None on
        the first evaluation, ``new_flag`` None when no longer evaluated)."""
        return None
