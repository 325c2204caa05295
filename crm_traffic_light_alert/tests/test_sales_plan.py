# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import ago, create_customer, create_orders, create_salesperson


@tagged("post_install", "-at_install")
class TestSalesPlan(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.Plan = cls.env["crm.traffic.light.sales.plan"]
        cls.salesperson = create_salesperson(cls.env, "plan_sales")
        cls.customer = create_customer(cls.env, "Plan Customer", cls.salesperson)
        cls.contact = cls.env["res.partner"].create(
            {"name": "Plan Contact", "parent_id": cls.customer.id}
        )
        cls.today = fields.Date.context_today(cls.Plan)

    def plan(self, target, start_days_ago, control_days_ago, partner=None):
        return self.Plan.create(
            {
                "partner_id": (partner or self.customer).id,
                "target_amount": target,
                "date_start": self.today - timedelta(days=start_days_ago),
                "date_control": self.today - timedelta(days=control_days_ago),
            }
        )

    def test_plan_behind_target_after_control_date_is_red(self):
        plan = self.plan(1000.0, 60, 1)
        create_orders(self.env, self.customer, ago(30), 300.0)
        # a contact's order counts for the customer
        create_orders(self.env, self.contact, ago(20), 200.0)
        create_orders(self.env, self.customer, ago(90), 5000.0)  # before the plan
        create_orders(self.env, self.customer, ago(10), 5000.0, state="draft")  # quotation
        values = self.Plan._sales_plan_values(self.company, [self.customer.id])
        self.assertEqual(
            values[self.customer.id],
            {
                "value": 500.0,
                "baseline": 1000.0,
                "level": "red",
                "plan_id": plan.id,
                "date_control": fields.Date.to_string(plan.date_control),
            },
        )
        self.assertEqual(plan.result, "missed")
        self.assertAlmostEqual(plan.progress, 50.0)

    def test_plan_met_is_green_and_running_plan_is_not_reported(self):
        met = create_customer(self.env, "Plan Met", self.salesperson)
        running = create_customer(self.env, "Plan Running", self.salesperson)
        self.plan(1000.0, 60, 1, met)
        create_orders(self.env, met, ago(10), 1200.0)
        self.plan(1000.0, 10, -20, running)
        values = self.Plan._sales_plan_values(self.company, [met.id, running.id, self.customer.id])
        self.assertEqual(values[met.id]["level"], "green")
        self.assertEqual(values[met.id]["value"], 1200.0)
        self.assertNotIn(running.id, values, "control date not reached yet")
        self.assertNotIn(self.customer.id, values, "no plan")
        # the running plan is checked once its control date has passed
        later = self.Plan._sales_plan_values(
            self.company, [running.id], as_of=self.today + timedelta(days=21)
        )
        self.assertEqual(later[running.id]["level"], "red")

    def test_latest_plan_counts_and_closed_plans_are_ignored(self):
        self.plan(100.0, 200, 150)
        latest = self.plan(1000.0, 60, 1)
        values = self.Plan._sales_plan_values(self.company, [self.customer.id])
        self.assertEqual(values[self.customer.id]["plan_id"], latest.id)
        latest.action_close()
        values = self.Plan._sales_plan_values(self.company, [self.customer.id])
        self.assertNotEqual(values[self.customer.id]["plan_id"], latest.id)
        company_b = self.env["res.company"].create({"name": "Plan Company B"})
        self.assertEqual(self.Plan._sales_plan_values(company_b, [self.customer.id]), {})

    def test_bad_plans_are_refused(self):
        with self.assertRaisesRegex(ValidationError, "target turnover must be positive"):
            self.plan(0.0, 10, -10)
        with self.assertRaisesRegex(ValidationError, "control date must be after"):
            self.plan(100.0, 10, 20)

    def test_salesperson_sets_a_plan_for_own_customer(self):
        plan = self.Plan.with_user(self.salesperson).create(
            {
                "partner_id": self.customer.id,
                "target_amount": 500.0,
                "date_control": self.today + timedelta(days=30),
            }
        )
        self.assertEqual(plan.result, "running")
        self.assertEqual(plan.user_id, self.salesperson)
