# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The churn model in Odoo: history from confirmed orders, one fit per company, P(alive),
expected orders, money at risk and the plain-words explanation."""

import datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_orders, create_sales_manager, create_salesperson

AS_OF = datetime.date(2026, 6, 1)


def days_before(days, *offsets):
    return [AS_OF - datetime.timedelta(days=days + offset) for offset in offsets]


@tagged("post_install", "-at_install")
class TestChurnModel(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Churn Company B"})
        cls.Churn = cls.env["crm.traffic.light.churn.model"]
        cls.salesperson = create_salesperson(cls.env, "churn_sales")
        # Every 3 weeks, 11 orders; the last one 9 weeks ago (silent) or 1 week ago (regular).
        cls.silent = create_customer(cls.env, "Silent Regular", cls.salesperson)
        create_orders(cls.env, cls.silent, days_before(63, *range(0, 211, 21)), 100)
        cls.regular = create_customer(cls.env, "Regular", cls.salesperson)
        create_orders(cls.env, cls.regular, days_before(7, *range(0, 211, 21)), 100)
        # A single order 30 weeks ago.
        cls.once = create_customer(cls.env, "One Time Buyer")
        create_orders(cls.env, cls.once, days_before(210, 0), 500)
        # A company whose contact also orders; two orders on one day count as one occasion.
        cls.parent = create_customer(cls.env, "Parent Company")
        cls.contact = cls.env["res.partner"].create(
            {"name": "Buyer At Parent", "parent_id": cls.parent.id, "type": "contact"}
        )
        create_orders(cls.env, cls.parent, days_before(28, 0, 0, 400), 50)
        create_orders(cls.env, cls.contact, days_before(14, 0), 50)
        # Documents that never count: draft, cancelled, after the day, another company.
        create_orders(cls.env, cls.parent, days_before(1, 0), 999, state="draft")
        create_orders(cls.env, cls.parent, days_before(2, 0), 999, state="cancel")
        create_orders(cls.env, cls.parent, [AS_OF + datetime.timedelta(days=3)], 999)
        create_orders(cls.env, cls.parent, days_before(5, 0), 999, company=cls.company_b)
        # More customers with assorted rhythms so that the model has a history to learn from.
        cls.others = cls.env["res.partner"]
        for i in range(10):
            other = create_customer(cls.env, "Churn Other %s" % i)
            step = 14 + 7 * i
            create_orders(
                cls.env, other, days_before(3 * i + 2, *range(0, step * (2 + i % 4), step)), 80
            )
            cls.others |= other
        # Customers who bought every 2 weeks for months, then left half a year ago or more.
        for i in range(6):
            gone = create_customer(cls.env, "Churn Gone %s" % i)
            create_orders(cls.env, gone, days_before(180 + 20 * i, *range(0, 14 * (4 + i), 14)), 60)
            cls.others |= gone
        # Company B: too little history for a model.
        cls.b_customer = create_customer(cls.env, "Company B Customer")
        create_orders(cls.env, cls.b_customer, days_before(10, 0, 30), 10, company=cls.company_b)
        cls.prospect = create_customer(cls.env, "Prospect Without Orders")

    def history(self, company, partners):
        ids, x, t_x, age, turnover = self.Churn._churn_history(company, AS_OF, partners.ids)
        return {pid: (x[i], t_x[i], age[i], turnover[i]) for i, pid in enumerate(ids.tolist())}

    def test_history_from_confirmed_order_days(self):
        history = self.history(self.company, self.silent | self.parent | self.once | self.prospect)
        # 11 order days every 3 weeks: x = 10 repeat orders over 30 weeks, first 39 weeks ago
        self.assertEqual(history[self.silent.id], (10.0, 30.0, 39.0, 1100.0))
        # parent: days -428, -28 (twice), and its contact's -14; 365-day turnover: 3 x 50
        x, t_x, age, turnover = history[self.parent.id]
        self.assertEqual((x, t_x, age, turnover), (2.0, 414 / 7, 428 / 7, 150.0))
        self.assertEqual(history[self.once.id], (0.0, 0.0, 30.0, 500.0))
        self.assertNotIn(self.prospect.id, history)
        self.assertNotIn(self.contact.id, history)
        other = self.history(self.company_b, self.parent | self.b_customer)
        self.assertEqual(other[self.parent.id], (0.0, 0.0, 5 / 7, 999.0))
        self.assertEqual(other[self.b_customer.id][:2], (1.0, 30 / 7))

    def test_refit_stores_one_model_per_company(self):
        model = self.Churn._refit_company(self.company, AS_OF)
        self.assertEqual(model.company_id, self.company)
        self.assertEqual(model.variant, "mbgnbd")
        self.assertEqual(model.as_of, AS_OF)
        self.assertGreaterEqual(model.customer_count, 14)
        self.assertGreaterEqual(model.repeat_customer_count, 13)
        self.assertTrue(min(model.r, model.alpha, model.a, model.b) > 0)
        self.assertLess(model.log_likelihood, 0)
        again = self.Churn._refit_company(self.company, AS_OF)
        self.assertEqual(again, model, "a refit updates the company's model, never adds one")
        self.assertEqual(self.Churn.search_count([("company_id", "=", self.company.id)]), 1)
        # Company B has two customers: no model, customers get no P(alive).
        self.assertFalse(self.Churn._refit_company(self.company_b, AS_OF))
        values = self.Churn._churn_values(self.company_b, self.b_customer.ids, AS_OF)
        self.assertIsNone(values[self.b_customer.id]["value"])
        self.assertIsNone(values[self.b_customer.id]["money_at_risk"])
        self.assertIn(
            "not enough order history",
            self.Churn._churn_explanation(values[self.b_customer.id]),
        )

    def test_churn_values(self):
        self.Churn._refit_company(self.company, AS_OF)
        partners = self.silent | self.regular | self.once | self.prospect
        values = self.Churn._churn_values(self.company, partners.ids, AS_OF)
        self.assertEqual(set(values), {self.silent.id, self.regular.id, self.once.id})
        silent, regular, once = (
            values[self.silent.id],
            values[self.regular.id],
            values[self.once.id],
        )
        # Same rhythm, longer silence: less likely still active, fewer orders to expect.
        self.assertGreater(regular["value"], 0.8)
        self.assertLess(silent["value"], regular["value"])
        self.assertLess(silent["baseline"], regular["baseline"])
        # Every 3 weeks for the next 90 days: about 4 orders from the regular customer.
        self.assertGreater(regular["baseline"], 2.5)
        self.assertLess(regular["baseline"], 5.0)
        # A one-time buyer is not believed alive forever (MBG/NBD).
        self.assertLess(once["value"], 1.0)
        for entry in (silent, regular, once):
            self.assertAlmostEqual(
                entry["money_at_risk"], round(entry["turnover"] * (1 - entry["value"]), 2)
            )
        self.assertEqual(once["money_at_risk"], round(500 * (1 - once["value"]), 2))
        self.assertEqual((silent["orders"], silent["interval_weeks"]), (11, 3.0))
        self.assertEqual(silent["silent_weeks"], 9.0)
        self.assertIsNone(once["interval_weeks"])

    def test_explanation_in_plain_words(self):
        self.Churn._refit_company(self.company, AS_OF)
        values = self.Churn._churn_values(self.company, (self.silent | self.once).ids, AS_OF)
        silent = values[self.silent.id]
        self.assertEqual(
            self.Churn._churn_explanation(silent),
            "usually orders every 3 weeks; 9 weeks silent; %s%% likely still active"
            % round(silent["value"] * 100),
        )
        once = values[self.once.id]
        self.assertEqual(
            self.Churn._churn_explanation(once),
            "ordered only once; 30 weeks silent; %s%% likely still active"
            % round(once["value"] * 100),
        )
        self.assertEqual(self.Churn._format_weeks(1 / 7), "1 day")
        self.assertEqual(self.Churn._format_weeks(10 / 7), "10 days")

    def test_as_of_a_past_day_writes_nothing(self):
        model = self.Churn._refit_company(self.company, AS_OF)
        self.env.flush_all()
        stored = model.read(["r", "alpha", "a", "b", "as_of", "fitted_at", "write_date"])
        today = self.Churn._churn_values(self.company, self.silent.ids, AS_OF)
        past_day = AS_OF - datetime.timedelta(days=60)  # 3 days after the silent one's order
        past = self.Churn._churn_values(self.company, self.silent.ids, past_day)
        self.assertGreater(past[self.silent.id]["value"], today[self.silent.id]["value"])
        self.assertEqual(past[self.silent.id]["orders"], 11)
        self.assertAlmostEqual(past[self.silent.id]["silent_weeks"], 3 / 7, places=2)
        self.env.flush_all()
        model.invalidate_recordset()
        self.assertEqual(
            model.read(["r", "alpha", "a", "b", "as_of", "fitted_at", "write_date"]), stored
        )
        self.assertEqual(self.Churn.search_count([]), 1)
        # Before the company's first orders there is nothing to score.
        self.assertEqual(
            self.Churn._churn_values(self.company, self.silent.ids, datetime.date(2020, 1, 1)),
            {},
        )

    def test_salesperson_reads_but_cannot_refit(self):
        model = self.Churn._refit_company(self.company, AS_OF)
        as_salesperson = model.with_user(self.salesperson)
        self.assertEqual(as_salesperson.r, model.r)
        with self.assertRaises(UserError):
            as_salesperson.action_refit()
        with self.assertRaises(AccessError):
            as_salesperson.write({"r": 1.0})

    def test_manager_and_companies(self):
        manager = create_sales_manager(self.env, "churn_manager")
        model = self.Churn._refit_company(self.company, AS_OF)
        self.assertEqual(self.Churn.with_user(manager).search([]), model)
        with self.assertRaises(UserError):
            model.with_user(manager).action_refit()
        # A user of company B only never sees company A's model.
        user_b = create_salesperson(self.env, "churn_user_b")
        user_b.write({"company_ids": [(6, 0, self.company_b.ids)], "company_id": self.company_b.id})
        self.assertFalse(self.Churn.with_user(user_b).search([]))
        admin = self.env.ref("base.user_admin")
        self.assertTrue(admin.has_group("crm_traffic_light_core.group_traffic_light_admin"))
        self.assertTrue(model.with_user(admin).action_refit())

    def test_batches_score_alike_from_run_cache_and_query(self):
        partners = self.silent | self.regular | self.once | self.parent | self.prospect
        self.Churn._refit_company(self.company, AS_OF)  # keeps the company history
        from_cache = self.Churn._churn_values(self.company, partners.ids, AS_OF)
        self.env.cr.cache.clear()
        from_query = self.Churn._churn_values(self.company, partners.ids, AS_OF)
        self.assertEqual(from_cache, from_query)
        self.assertEqual(len(from_query), 4)
        # A new order drops what the cursor kept: the silent customer is silent no more.
        create_orders(self.env, self.silent, days_before(0, 0), 100)
        fresh = self.Churn._churn_values(self.company, self.silent.ids, AS_OF)
        self.assertEqual(fresh[self.silent.id]["silent_weeks"], 0.0)
        self.assertGreater(fresh[self.silent.id]["value"], from_query[self.silent.id]["value"])
        # Cancelling it (no new order id) drops it too.
        self.Churn._refit_company(self.company, AS_OF)
        self.env["sale.order"].search(
            [("partner_id", "=", self.silent.id), ("date_order", ">=", AS_OF)]
        ).filtered(lambda order: order.state == "sale").write({"state": "cancel"})
        again = self.Churn._churn_values(self.company, self.silent.ids, AS_OF)
        self.assertEqual(again[self.silent.id]["silent_weeks"], 9.0)

    def test_money_at_risk_on_partner_per_company_and_sortable(self):
        self.Churn._refit_company(self.company, AS_OF)
        values = self.Churn._churn_values(self.company, self.others.ids + self.silent.ids, AS_OF)
        partners = (self.silent | self.regular | self.once | self.others).with_company(self.company)
        for partner in partners:
            self.assertAlmostEqual(
                partner.money_at_risk,
                self.Churn._churn_values(self.company, partner.ids, AS_OF)[partner.id][
                    "money_at_risk"
                ],
                places=2,
            )
        self.assertEqual(
            self.silent.with_company(self.company).money_at_risk,
            values[self.silent.id]["money_at_risk"],
        )
        self.assertFalse(self.prospect.with_company(self.company).money_at_risk)
        # Company B has no model: nothing at risk there, and company A's figure stays its own.
        self.Churn._refit_company(self.company_b, AS_OF)
        self.assertFalse(self.parent.with_company(self.company_b).money_at_risk)
        self.assertTrue(self.parent.with_company(self.company).money_at_risk)
        # Lists rank by it.
        ranked = (
            self.env["res.partner"]
            .with_company(self.company)
            .search([("id", "in", partners.ids)], order="money_at_risk desc, id")
        )
        amounts = ranked.mapped("money_at_risk")
        self.assertEqual(amounts, sorted(amounts, reverse=True))
        self.assertGreater(amounts[0], amounts[-1])
        at_risk = self.env["res.partner"].search(
            [("id", "in", partners.ids), ("money_at_risk", ">", 0)]
        )
        self.assertIn(self.silent, at_risk)
        # A salesperson sees the figure of their own customer.
        self.assertEqual(
            self.silent.with_user(self.salesperson).money_at_risk,
            values[self.silent.id]["money_at_risk"],
        )
        # Refitting again changes nothing (idempotent).
        self.Churn._refit_company(self.company, AS_OF)
        partners.invalidate_recordset()
        self.assertEqual(ranked.mapped("money_at_risk"), amounts)
