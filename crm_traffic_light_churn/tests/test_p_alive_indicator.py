# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""P(alive) as an engine indicator: fitted before the full run, rated under its norm,
explained in plain words, money at risk on the customer, and the as-of evaluation that
writes nothing."""

from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_orders, create_salesperson


def days_ago(*offsets):
    today = date.today()
    return [today - timedelta(days=offset) for offset in offsets]


@tagged("post_install", "-at_install")
class TestPAliveIndicator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.engine = cls.env["crm.traffic.light.engine"]
        cls.Churn = cls.env["crm.traffic.light.churn.model"]
        cls.salesperson = create_salesperson(cls.env, "p_alive_sales")
        # every 3 weeks, 11 order days; silent for 9 weeks / ordered last week
        cls.silent = create_customer(cls.env, "P Alive Silent", cls.salesperson)
        create_orders(cls.env, cls.silent, days_ago(*range(63, 274, 21)))
        cls.regular = create_customer(cls.env, "P Alive Regular", cls.salesperson)
        create_orders(cls.env, cls.regular, days_ago(*range(7, 218, 21)))
        cls.others = cls.env["res.partner"]
        for i in range(10):
            other = create_customer(cls.env, "P Alive Other %s" % i)
            step = 14 + 7 * i
            create_orders(
                cls.env, other, days_ago(*range(3 * i + 2, 3 * i + 3 + step * (1 + i % 4), step))
            )
            cls.others |= other
        for i in range(6):
            gone = create_customer(cls.env, "P Alive Gone %s" % i)
            create_orders(
                cls.env, gone, days_ago(*range(180 + 20 * i, 180 + 20 * i + 14 * (4 + i), 14))
            )
            cls.others |= gone
        cls.customers = cls.silent | cls.regular | cls.others

    def test_full_run_fits_rates_and_explains(self):
        self.engine._full_run(self.company)
        model = self.Churn.search([("company_id", "=", self.company.id)])
        self.assertEqual(model.as_of, date.today())
        self.assertGreaterEqual(model.customer_count, 18)
        status = self.env["crm.traffic.light.status"].search(
            [("partner_id", "=", self.silent.id), ("company_id", "=", self.company.id)]
        )
        entry = status.indicator_values["p_alive"]
        self.assertEqual((entry["orange"], entry["red"], entry["mode"]), (0.5, 0.3, "absolute"))
        expected_level = (
            "red" if entry["value"] < 0.3 else "orange" if entry["value"] < 0.5 else "green"
        )
        self.assertEqual(entry["level"], expected_level)
        regular = self.engine.evaluate(self.company, self.regular.ids)[self.regular.id]
        self.assertGreater(regular["indicators"]["p_alive"]["value"], entry["value"])
        self.assertGreater(regular["indicators"]["p_alive"]["baseline"], entry["baseline"])
        # the explanation says it in plain words
        explanation = self.silent.with_user(self.salesperson).traffic_light_explanation
        self.assertIn("Likely still active", explanation)
        self.assertIn(
            "usually orders every 3 weeks; 9 weeks silent; %s%% likely still active"
            % round(entry["value"] * 100),
            explanation,
        )
        # money at risk is on the customer, for the current company
        self.assertEqual(self.silent.money_at_risk, entry["money_at_risk"])
        self.assertGreater(self.silent.money_at_risk, self.regular.money_at_risk)
        # the shipped norm, refused when orange is below red for a lower-is-worse indicator
        norm = self.env["crm.traffic.light.norm"].search(
            [("company_id", "=", self.company.id), ("indicator_code", "=", "p_alive")]
        )
        self.assertEqual((norm.orange, norm.red), (0.5, 0.3))
        with self.assertRaises(ValidationError):
            norm.write({"orange": 0.2})

    def test_as_of_a_past_day_changes_no_stored_value(self):
        self.engine._full_run(self.company)
        self.env.flush_all()
        statuses = self.env["crm.traffic.light.status"].search(
            [("partner_id", "in", self.customers.ids)]
        )
        models = self.Churn.search([])

        def stored():
            self.env.invalidate_all()
            return (
                statuses.read(["flag", "flag_date", "indicator_values", "score", "write_date"]),
                models.read(["r", "alpha", "a", "b", "as_of", "fitted_at", "write_date"]),
                self.customers.read(["traffic_light", "traffic_light_date", "money_at_risk"]),
                self.env["crm.traffic.light.history"].search_count([]),
            )

        before = stored()
        today = self.engine.evaluate(self.company, self.customers.ids)
        past_day = date.today() - timedelta(days=60)  # the silent customer ordered 3 days before
        past = self.engine.evaluate(self.company, self.customers.ids, as_of=past_day)
        self.env.flush_all()
        self.assertEqual(stored(), before)
        was = past[self.silent.id]["indicators"]["p_alive"]
        now = today[self.silent.id]["indicators"]["p_alive"]
        self.assertGreater(was["value"], now["value"])
        self.assertAlmostEqual(was["silent_weeks"], 3 / 7, places=2)
        # the past day is scored with a model fitted on the orders up to that day only
        params_past, _variant = self.Churn._churn_params(self.company, past_day)
        self.assertNotEqual(params_past, (models.r, models.alpha, models.a, models.b))
