# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

from odoo import api, models
from odoo.tools import SQL, split_every

_logger = logging.getLogger(__name__)


class CrmTrafficLightEngineRun(models.AbstractModel):
    """The engine's runs: the daily full run (resumable, in batches) and the incremental run
    of the customers whose documents changed, their cron entry points (the only callers that
    commit), and the Recompute button. Inherited by ``crm.traffic.light.engine``."""

    _name = "crm.traffic.light.engine.run"
    _description = "Traffic Light Engine: Runs"

    @api.model
    def _commit(self):
        """Commit the work done so far. Only the scheduled entry points ask for it
        (``commit=True``): a crash then loses at most the current batch. Everything else
        (the Recompute button, tests, scripts) runs in its caller's transaction."""
        self.env.cr.commit()  # pylint: disable=invalid-commit

    @api.model
    def _full_run_candidates(self, company, after_id):
        """Commercial partners to evaluate in a full run, above the cursor: customers with
        a confirmed order in the company, plus partners that still have a status."""
        # Orders and partners written in this transaction count (SQL below).
        self.env.flush_all()
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
        return self.sudo()._full_run(companies, commit=True)

    @api.model
    def _full_run(self, companies, as_of=None, commit=False):
        """Full run of ``companies`` on ``as_of`` (default today), in batches; with
        ``commit``, each batch is committed (the cron); without, nothing is committed."""
        as_of = as_of or self._today()
        cron = self.env["ir.cron"]
        todo = {}
        for company in companies:
            if not company.traffic_light_run_active:
                self._before_full_run(company)
                company.write({"traffic_light_run_active": True, "traffic_light_run_cursor": 0})
                if commit:
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
                if commit:
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
            if commit:
                self._commit()
        cron._notify_progress(done=done, remaining=0)
        return done

    @api.model
    def _changed_partner_ids(self, company, since):
        """Commercial partners whose orders, invoices, payments, activities/messages,
        calendar events or partner record changed since ``since`` (one SQL)."""
        self.env.flush_all()
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
        return self.sudo()._incremental_run(companies, commit=True)

    @api.model
    def _incremental_run(self, companies, as_of=None, commit=False):
        """Recompute the customers of ``companies`` whose documents changed since the last
        incremental run; with ``commit``, each batch is committed (the cron)."""
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
                if commit:
                    self._commit()
            company.traffic_light_last_incremental = started
            if commit:
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
