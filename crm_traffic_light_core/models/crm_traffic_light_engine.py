import json
import logging
import threading
from contextlib import contextmanager

from markupsafe import Markup, escape

from odoo import api, fields, models, modules, tools
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)

LEVEL_RANK = {"green": 0, "orange": 1, "red": 2}
RANK_LEVEL = {0: "green", 1: "orange", 2: "red"}


class CrmTrafficLightEngine(models.AbstractModel):
    """Computes the customers' traffic lights, set-based over batches.

    ``evaluate`` is pure; ``_compute_and_store`` evaluates and stores a batch (status
    upsert, partner flags, history, chatter) then calls the ``_after_store`` hook."""

    _name = "crm.traffic.light.engine"
    _description = "Traffic Light Engine"

    def init(self):
        res = super().init()
        cr = self.env.cr
        # Incremental run: documents changed since the last run.
        for table in ("sale_order", "account_move", "account_payment", "calendar_event"):
            cr.execute(
                SQL(
                    "CREATE INDEX IF NOT EXISTS %s ON %s (write_date)",
                    SQL.identifier(f"crm_traffic_light_{table}_write_date_idx"),
                    SQL.identifier(table),
                )
            )
        cr.execute(
            """
            CREATE INDEX IF NOT EXISTS crm_traffic_light_mail_message_write_date_idx
                ON mail_message (write_date)
             WHERE mail_activity_type_id IS NOT NULL
            """
        )
        # Customers of a company and their orders.
        cr.execute(
            """
            CREATE INDEX IF NOT EXISTS crm_traffic_light_sale_order_customer_idx
                ON sale_order (partner_id, company_id, date_order)
             WHERE state = 'sale'
            """
        )
        # Storing the flags rewrites up to every customer's row of res_partner. An index
        # on a column the UPDATE changes makes it a non-HOT update that inserts into every
        # index of the table (about 36): no index on the flag columns (see res_partner.py),
        # and none duplicating base's res_partner__commercial_partner_id_index (created by
        # earlier versions).
        cr.execute(
            """
            DROP INDEX IF EXISTS crm_traffic_light_res_partner_commercial_idx,
                                 res_partner__traffic_light_index,
                                 res_partner__traffic_light_date_index
            """
        )
        return res

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
            ...indicator extras}}}}``; partners that are not customers of the company (no
            confirmed order) are left out.
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
        return results

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

    @api.model
    def _store(self, company, partner_ids, results, as_of, snapshot=False):
        """Store a batch set-based: one status upsert that only touches rows whose flag,
        values or score changed, deletion of the rows of partners no longer evaluated,
        partner flags of the changed partners, history rows, chatter notes.
        Returns ``{partner_id: (old_flag, new_flag)}`` for the partners whose flag
        changed (``None`` = not evaluated)."""
        cr = self.env.cr
        changes = {}
        if results:
            rows = [
                {
                    "partner_id": pid,
                    "flag": result["flag"],
                    "indicator_values": result["indicators"],
                    "score": result["score"],
                }
                for pid, result in results.items()
            ]
            cr.execute(
                SQL(
                    """
                    WITH v AS (
                        SELECT * FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(
                               partner_id int, flag varchar, indicator_values jsonb,
                               score float8)
                    ), cur AS (
                        -- Joined on the unique (partner_id, company_id) index: a lookup
                        -- per row, not a scan of the company's statuses.
                        SELECT s.partner_id, s.flag, s.indicator_values, s.score
                          FROM v
                          JOIN crm_traffic_light_status s
                            ON s.partner_id = v.partner_id AND s.company_id = %(company)s
                    ), diff AS (
                        SELECT v.*, cur.flag AS old_flag
                          FROM v
                          LEFT JOIN cur ON cur.partner_id = v.partner_id
                         WHERE cur.partner_id IS NULL
                            OR cur.flag IS DISTINCT FROM v.flag
                            OR cur.indicator_values IS DISTINCT FROM v.indicator_values
                            OR cur.score IS DISTINCT FROM v.score
                    ), up AS (
                        INSERT INTO crm_traffic_light_status AS s
                               (partner_id, company_id, flag, flag_date, indicator_values,
                                score, computed_date, create_uid, create_date, write_uid,
                                write_date)
                        SELECT v.partner_id, %(company)s, v.flag, %(as_of)s,
                               v.indicator_values, v.score, %(as_of)s, %(uid)s,
                               now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                          FROM diff v
                        ON CONFLICT (partner_id, company_id) DO UPDATE
                           SET flag = EXCLUDED.flag,
                               flag_date = CASE WHEN s.flag IS DISTINCT FROM EXCLUDED.flag
                                                THEN EXCLUDED.flag_date ELSE s.flag_date END,
                               indicator_values = EXCLUDED.indicator_values,
                               score = EXCLUDED.score,
                               computed_date = EXCLUDED.computed_date,
                               write_uid = EXCLUDED.write_uid,
                               write_date = EXCLUDED.write_date
                         WHERE s.flag IS DISTINCT FROM EXCLUDED.flag
                            OR s.indicator_values IS DISTINCT FROM EXCLUDED.indicator_values
                            OR s.score IS DISTINCT FROM EXCLUDED.score
                        RETURNING s.partner_id, s.flag
                    )
                    SELECT up.partner_id, diff.old_flag, up.flag
                      FROM up
                      JOIN diff ON diff.partner_id = up.partner_id
                     WHERE diff.old_flag IS DISTINCT FROM up.flag
                    """,
                    # Compact: the same jsonb, less to write and to send.
                    rows=json.dumps(rows, separators=(",", ":")),
                    company=company.id,
                    as_of=as_of,
                    uid=self.env.uid,
                )
            )
            changes = {pid: (old, new) for pid, old, new in cr.fetchall()}
        removed_ids = [pid for pid in partner_ids if pid not in results]
        if removed_ids:
            cr.execute(
                SQL(
                    """
                    DELETE FROM crm_traffic_light_status
                     WHERE company_id = %s AND partner_id = ANY(%s)
                    RETURNING partner_id, flag
                    """,
                    company.id,
                    removed_ids,
                )
            )
            changes.update((pid, (flag, None)) for pid, flag in cr.fetchall())
        if changes:
            self._store_partner_flags(company, changes, as_of)
        self._store_history(company, changes, results, as_of, snapshot)
        self._log_changes(company, changes, results)
        self.env["crm.traffic.light.status"].invalidate_model()
        return changes

    @api.model
    def _store_partner_flags(self, company, changes, as_of):
        """Set ``res.partner.traffic_light`` / ``traffic_light_date`` (company-dependent,
        jsonb keyed by company id) of the changed partners in one UPDATE, only where the
        value differs."""
        date = fields.Date.to_string(as_of)
        rows = [
            {"partner_id": pid, "flag": new, "flag_date": date if new else None}
            for pid, (_old, new) in changes.items()
        ]
        key = str(company.id)
        self.env.cr.execute(
            SQL(
                """
                UPDATE res_partner p
                   SET traffic_light = CASE WHEN v.flag IS NULL
                           THEN NULLIF(COALESCE(p.traffic_light, '{}'::jsonb) - %(key)s,
                                       '{}'::jsonb)
                           ELSE COALESCE(p.traffic_light, '{}'::jsonb)
                                || jsonb_build_object(%(key)s, v.flag) END,
                       traffic_light_date = CASE WHEN v.flag_date IS NULL
                           THEN NULLIF(COALESCE(p.traffic_light_date, '{}'::jsonb) - %(key)s,
                                       '{}'::jsonb)
                           ELSE COALESCE(p.traffic_light_date, '{}'::jsonb)
                                || jsonb_build_object(%(key)s, v.flag_date) END
                  FROM jsonb_to_recordset(%(rows)s::jsonb)
                       AS v(partner_id int, flag varchar, flag_date varchar)
                 WHERE p.id = v.partner_id
                   AND ((p.traffic_light ->> %(key)s) IS DISTINCT FROM v.flag
                        OR (p.traffic_light_date ->> %(key)s) IS DISTINCT FROM v.flag_date)
                """,
                key=key,
                rows=json.dumps(rows),
            )
        )
        self.env["res.partner"].invalidate_model(["traffic_light", "traffic_light_date"])

    @api.model
    def _store_history(self, company, changes, results, as_of, snapshot):
        """History rows in SQL: one per flag change, and in full runs one monthly snapshot
        per evaluated customer (only if it has none for the month of ``as_of``)."""
        cr = self.env.cr
        uid = self.env.uid
        if changes:
            rows = [
                {"partner_id": pid, "old_flag": old, "new_flag": new}
                for pid, (old, new) in changes.items()
            ]
            cr.execute(
                SQL(
                    """
                    INSERT INTO crm_traffic_light_history
                           (partner_id, company_id, date, old_flag, new_flag, kind,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, %(as_of)s, v.old_flag, v.new_flag,
                           'change', %(uid)s, now() at time zone 'UTC',
                           %(uid)s, now() at time zone 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb)
                           AS v(partner_id int, old_flag varchar, new_flag varchar)
                    """,
                    company=company.id,
                    as_of=as_of,
                    uid=uid,
                    rows=json.dumps(rows),
                )
            )
        if snapshot and results:
            rows = [{"partner_id": pid, "flag": r["flag"]} for pid, r in results.items()]
            cr.execute(
                SQL(
                    """
                    INSERT INTO crm_traffic_light_history
                           (partner_id, company_id, date, old_flag, new_flag, kind,
                            create_uid, create_date, write_uid, write_date)
                    SELECT v.partner_id, %(company)s, %(as_of)s, v.flag, v.flag, 'snapshot',
                           %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                      FROM jsonb_to_recordset(%(rows)s::jsonb) AS v(partner_id int, flag varchar)
                     WHERE NOT EXISTS (
                           SELECT 1 FROM crm_traffic_light_history h
                            WHERE h.company_id = %(company)s
                              AND h.kind = 'snapshot'
                              AND h.partner_id = v.partner_id
                              AND h.date >= date_trunc('month', %(as_of)s::date)::date)
                    """,
                    company=company.id,
                    as_of=as_of,
                    uid=uid,
                    rows=json.dumps(rows),
                )
            )
        if changes or snapshot:
            self.env["crm.traffic.light.history"].invalidate_model()

    @api.model
    def _log_changes(self, company, changes, results):
        """One chatter note per partner whose flag really changed (not on the first
        evaluation), posted in batch."""
        real = {pid: c for pid, c in changes.items() if c[0] and c[1]}
        if not real:
            return
        labels = dict(
            self.env["res.partner"]._fields["traffic_light"]._description_selection(self.env)
        )
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        bodies = {}
        for pid, (old, new) in real.items():
            reasons = [
                definitions[code]["name"]
                for code, entry in results[pid]["indicators"].items()
                if entry.get("level") == new and new != "green" and code in definitions
            ]
            body = escape(
                self.env._(
                    "Traffic light in %(company)s changed from %(old)s to %(new)s.",
                    company=company.name,
                    old=labels.get(old, old),
                    new=labels.get(new, new),
                )
            )
            if reasons:
                body += Markup("<br/>") + escape(
                    self.env._("Because of: %(reasons)s", reasons=", ".join(reasons))
                )
            bodies[pid] = body
        partners = self.env["res.partner"].sudo().browse(list(bodies))
        partners._message_log_batch(bodies=bodies)

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

    # ------------------------------------------------------------------
    # Runs
    # ------------------------------------------------------------------
    @api.model
    def _commit(self):
        """Commit the batch, except in tests (the test transaction must stay open)."""
        testing = (
            modules.module.current_test
            or tools.config["test_enable"]
            or getattr(threading.current_thread(), "testing", False)
        )
        if not testing:
            # Committing each batch is the point: a crash loses at most one batch.
            self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _full_run_candidates(self, company, after_id):
        """Commercial partners to evaluate in a full run, above the cursor: customers with
        a confirmed order in the company, plus partners that still have a status."""
        self.env.cr.execute(
            SQL(
                """
                SELECT rp.commercial_partner_id
                  FROM sale_order so
                  JOIN res_partner rp ON rp.id = so.partner_id
                 WHERE so.state = 'sale' AND so.company_id = %(company)s
                   AND rp.commercial_partner_id > %(after)s
                 UNION
                SELECT partner_id FROM crm_traffic_light_status
                 WHERE company_id = %(company)s AND partner_id > %(after)s
                 ORDER BY 1
                """,
                company=company.id,
                after=after_id,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_full_run(self):
        """Daily full run over all customers of every company, in committed batches.
        Resumable: the cursor of an interrupted run is kept on the company and the next
        run continues after it."""
        companies = self.env["res.company"].sudo().search([])
        return self.sudo()._full_run(companies)

    @api.model
    def _full_run(self, companies, as_of=None):
        as_of = as_of or self._today()
        cron = self.env["ir.cron"]
        todo = {}
        for company in companies:
            if not company.traffic_light_run_active:
                self._before_full_run(company)
                company.write(
                    {
                        "traffic_light_run_active": True,
                        "traffic_light_run_cursor": 0,
                        "traffic_light_run_playbooks": 0,
                    }
                )
                self._commit()
            todo[company] = self._full_run_candidates(company, company.traffic_light_run_cursor)
        remaining = sum(len(ids) for ids in todo.values())
        done = 0
        for company, partner_ids in todo.items():
            batch_size = self._get_params(company)["batch_size"]
            last_snapshot = company.traffic_light_last_snapshot
            snapshot = not last_snapshot or last_snapshot < as_of.replace(day=1)
            # The hooks know they run inside a full run (e.g. the alerts' per-run budget of
            # playbooks, kept on the company with the cursor).
            engine = self.with_context(traffic_light_full_run=True)
            for batch in split_every(batch_size, partner_ids, list):
                engine._compute_and_store(company, batch, as_of, snapshot=snapshot)
                company.traffic_light_run_cursor = batch[-1]
                done += len(batch)
                remaining -= len(batch)
                cron._notify_progress(done=done, remaining=remaining)
                self._commit()
                # Nothing of a committed batch is needed later: the memory stays that of
                # one batch whatever the number of customers.
                self.env.invalidate_all()
                _logger.info(
                    "Traffic light full run of %s: %s customers done, %s remaining",
                    company.name,
                    done,
                    remaining,
                )
            company.write(
                {
                    "traffic_light_run_active": False,
                    "traffic_light_run_cursor": 0,
                    "traffic_light_last_full_run": as_of,
                    "traffic_light_last_snapshot": max(
                        as_of, company.traffic_light_last_snapshot or as_of
                    ),
                }
            )
            self._commit()
        cron._notify_progress(done=done, remaining=0)
        return done

    @api.model
    def _changed_partner_ids(self, company, since):
        """Commercial partners whose orders, invoices, payments, activities/messages,
        calendar events or partner record changed since ``since`` (one SQL)."""
        self.env.cr.execute(
            SQL(
                """
                WITH changed AS (
                    SELECT partner_id FROM sale_order
                     WHERE company_id = %(company)s AND write_date > %(since)s
                    UNION
                    SELECT partner_id FROM account_move
                     WHERE company_id = %(company)s AND write_date > %(since)s
                       AND move_type IN ('out_invoice', 'out_refund')
                    UNION
                    SELECT partner_id FROM account_payment
                     WHERE company_id = %(company)s AND write_date > %(since)s
                    UNION
                    SELECT res_id FROM mail_message
                     WHERE mail_activity_type_id IS NOT NULL AND write_date > %(since)s
                       AND model = 'res.partner'
                    UNION
                    SELECT l.partner_id FROM mail_message mm
                      JOIN crm_lead l ON l.id = mm.res_id
                     WHERE mm.mail_activity_type_id IS NOT NULL AND mm.write_date > %(since)s
                       AND mm.model = 'crm.lead'
                    UNION
                    SELECT so.partner_id FROM mail_message mm
                      JOIN sale_order so ON so.id = mm.res_id
                     WHERE mm.mail_activity_type_id IS NOT NULL AND mm.write_date > %(since)s
                       AND mm.model = 'sale.order'
                    UNION
                    SELECT rel.res_partner_id FROM calendar_event e
                      JOIN calendar_event_res_partner_rel rel ON rel.calendar_event_id = e.id
                     WHERE e.write_date > %(since)s
                    UNION
                    SELECT id FROM res_partner WHERE write_date > %(since)s
                )
                SELECT DISTINCT rp.commercial_partner_id
                  FROM changed c
                  JOIN res_partner rp ON rp.id = c.partner_id
                 ORDER BY 1
                """,
                company=company.id,
                since=since,
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    @api.model
    def _cron_incremental_run(self):
        """Frequent run for the customers whose documents changed since the last run."""
        companies = self.env["res.company"].sudo().search([])
        return self.sudo()._incremental_run(companies)

    @api.model
    def _incremental_run(self, companies, as_of=None):
        as_of = as_of or self._today()
        cron = self.env["ir.cron"]
        self.env.cr.execute("SELECT now() at time zone 'UTC'")
        started = self.env.cr.fetchone()[0]
        todo = {}
        for company in companies:
            since = company.traffic_light_last_incremental
            if not since:
                # Never run: the full run evaluates everybody; start watching from now.
                company.traffic_light_last_incremental = started
                continue
            todo[company] = self._changed_partner_ids(company, since)
        remaining = sum(len(ids) for ids in todo.values())
        done = 0
        for company, partner_ids in todo.items():
            batch_size = self._get_params(company)["batch_size"]
            for batch in split_every(batch_size, partner_ids, list):
                self._compute_and_store(company, batch, as_of)
                done += len(batch)
                remaining -= len(batch)
                cron._notify_progress(done=done, remaining=remaining)
                self._commit()
            company.traffic_light_last_incremental = started
            self._commit()
        cron._notify_progress(done=done, remaining=0)
        return done

    @api.model
    def recompute_partners(self, partners):
        """Recompute now the commercial partners of ``partners`` in every company of the
        current user (``env.companies``). Returns ``{company_id: results}`` as
        :meth:`evaluate` does."""
        commercial_ids = sorted(set(partners.commercial_partner_id.ids))
        output = {}
        engine = self.sudo()
        for company in self.env.companies:
            company = company.sudo()
            batch_size = engine._get_params(company)["batch_size"]
            output[company.id] = {}
            for batch in split_every(batch_size, commercial_ids, list):
                results, _changes = engine._compute_and_store(company, batch)
                output[company.id].update(results)
        return output
