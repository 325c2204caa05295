# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models
from odoo.tools import SQL


class CrmTrafficLightIndicatorPayment(models.AbstractModel):
    """Payments: days overdue of the most overdue open posted customer invoice; extra
    values: overdue amount and average payment delay of the invoices paid in the window."""

    _name = "crm.traffic.light.indicator.payment"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Overdue Payments"

    _indicator_code = "payment"
    _indicator_sequence = 50

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Days overdue of the most overdue invoice"),
            "unit": "days",
            "direction": "up",
            "strict": True,
            "orange": 15.0,
            "red": 45.0,
            "mode": "absolute",
        }

    def _indicator_indexes(self):
        return {
            "crm_traffic_light_account_move_customer_idx": SQL(
                "ON account_move (commercial_partner_id, company_id, invoice_date)"
                " WHERE state = 'posted' AND move_type IN ('out_invoice', 'out_refund')"
            )
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        window_start = as_of - timedelta(days=params["window_days"])
        rows = self._fetch(
            SQL(
                """
                WITH inv AS (
                    SELECT m.id, m.commercial_partner_id AS pid, m.invoice_date,
                           m.invoice_date_due, m.amount_residual_signed, m.payment_state
                      FROM account_move m
                     WHERE m.state = 'posted'
                       AND m.move_type = 'out_invoice'
                       AND m.company_id = %(company)s
                       AND m.commercial_partner_id = ANY(%(partners)s)
                       AND m.invoice_date <= %(as_of)s
                       AND (m.payment_state IN ('not_paid', 'partial')
                            OR m.invoice_date > %(window_start)s)
                ), overdue AS (
                    SELECT pid, MAX(%(as_of)s - invoice_date_due) AS days,
                           SUM(amount_residual_signed) AS amount
                      FROM inv
                     WHERE payment_state IN ('not_paid', 'partial')
                       AND amount_residual_signed > 0
                       AND invoice_date_due < %(as_of)s
                     GROUP BY pid
                ), paid AS (
                    SELECT inv.pid, MAX(apr.max_date) - inv.invoice_date_due AS delay
                      FROM inv
                      JOIN account_move_line aml
                        ON aml.move_id = inv.id AND aml.display_type = 'payment_term'
                      JOIN account_partial_reconcile apr ON apr.debit_move_id = aml.id
                     WHERE inv.payment_state IN ('paid', 'in_payment')
                       AND inv.invoice_date > %(window_start)s
                     GROUP BY inv.pid, inv.id, inv.invoice_date_due
                ), delays AS (
                    SELECT pid, AVG(GREATEST(delay, 0)) AS delay FROM paid GROUP BY pid
                )
                SELECT COALESCE(o.pid, d.pid), o.days, o.amount, d.delay
                  FROM overdue o
                  FULL JOIN delays d ON d.pid = o.pid
                """,
                company=company.id,
                partners=list(partner_ids),
                as_of=as_of,
                window_start=window_start,
            )
        )
        result = {
            pid: {"value": 0.0, "baseline": None, "overdue_amount": 0.0, "payment_delay": None}
            for pid in partner_ids
        }
        for pid, days, amount, delay in rows:
            result[pid] = {
                "value": float(days or 0),
                "baseline": None,
                "overdue_amount": round(float(amount or 0.0), 2),
                "payment_delay": round(float(delay), 2) if delay is not None else None,
            }
        return result

    def _indicator_explain(self, entry, status):
        extras = super()._indicator_explain(entry, status)
        if entry.get("overdue_amount"):
            extras.append(
                self.env._(
                    "overdue amount %(amount)s",
                    amount=status._format_measure("amount", entry["overdue_amount"]),
                )
            )
        if entry.get("payment_delay") is not None:
            extras.append(
                self.env._(
                    "average payment delay %(delay)s",
                    delay=status._format_measure("days", entry["payment_delay"]),
                )
            )
        return extras
