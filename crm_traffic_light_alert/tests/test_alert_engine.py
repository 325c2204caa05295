# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo.tests import tagged

from .common import (
    TrafficLightCase,
    ago,
    create_customer,
    create_orders,
    create_sales_manager,
    create_team,
)


@tagged("post_install", "-at_install")
class TestAlertsThroughTheEngine(TrafficLightCase):
    """The engine's stored results drive the alerts, the overrides and the sales plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Alert = cls.env["crm.traffic.light.alert"]
        cls.manager = create_sales_manager(cls.env, "engine_alert_manager")
        create_team(cls.env, "Engine Alert Team", cls.manager, cls.salesperson)
        cls.customer = create_customer(cls.env, "Sleeping Customer", cls.salesperson)
        # one order long ago: far beyond the 180 days of the red norm without usual interval
        create_orders(cls.env, cls.customer, ago(200), 1000.0)

    def run_engine(self, partner=None):
        partner = partner or self.customer
        results, _changes = self.engine._compute_and_store(self.company, [partner.id])
        return results.get(partner.id)

    def alerts(self, partner=None):
        return self.Alert.search([("partner_id", "=", (partner or self.customer).id)])

    def test_engine_run_raises_red_alert_once(self):
        result = self.run_engine()
        self.assertEqual(result["indicators"]["last_order"]["level"], "red")
        self.assertEqual(result["flag"], "red")
        alert = self.alerts()
        self.assertEqual(len(alert), 1)
        self.assertEqual((alert.flag, alert.state), ("red", "new"))
        self.assertEqual(alert.user_id, self.salesperson)
        self.assertEqual(alert.manager_id, self.manager)
        self.assertEqual(alert.indicator_snapshot["last_order"]["level"], "red")
        self.assertIn("Days since the last order", alert.explanation_html)
        self.assertIn("Days since the last order", alert.cause_summary)
        activities = alert.activity_ids
        self.assertIn(self.manager, activities.user_id)
        # a rerun of the engine changes nothing
        self.run_engine()
        self.assertEqual(self.alerts(), alert)
        self.assertEqual(alert.activity_ids, activities)

    def test_override_through_the_engine(self):
        self.run_engine()
        alert = self.alerts()
        override = self.env["crm.traffic.light.override"].create(
            {
                "partner_id": self.customer.id,
                "flag": "green",
                "reason": "Seasonal customer: orders once a year",
                "date_expiry": self.today + timedelta(days=30),
            }
        )
        result = self.run_engine()
        self.assertEqual(result["flag"], "green")
        self.assertEqual(result["override"]["computed_flag"], "red")
        self.assertEqual(self.customer.with_company(self.company).traffic_light, "green")
        self.assertEqual(alert.state, "auto_resolved")
        self.assertFalse(alert.activity_ids)
        # once the override has expired, the computed flag applies again: a new episode
        self.env["crm.traffic.light.override"]._expire_overrides(self.today + timedelta(days=31))
        self.assertFalse(override.active)
        self.assertEqual(self.run_engine()["flag"], "red")
        self.assertEqual(len(self.alerts()), 2)
        self.assertEqual(self.alerts().filtered("is_open").flag, "red")

    def test_sales_plan_is_an_indicator(self):
        customer = create_customer(self.env, "Recovering Customer", self.salesperson)
        create_orders(self.env, customer, ago(10), 300.0)
        plan = self.env["crm.traffic.light.sales.plan"].create(
            {
                "partner_id": customer.id,
                "target_amount": 1000.0,
                "date_start": self.today - timedelta(days=30),
                "date_control": self.today - timedelta(days=1),
            }
        )
        entry = self.run_engine(customer)["indicators"]["sales_plan"]
        self.assertEqual((entry["value"], entry["baseline"]), (300.0, 1000.0))
        self.assertEqual(entry["level"], "red")
        self.assertEqual(entry["plan_id"], plan.id)
        alert = self.alerts(customer)
        self.assertEqual(alert.flag, "red")
        self.assertIn("Sales plan", alert.cause_summary)
        self.assertIn("Sales plan", customer.with_company(self.company).traffic_light_explanation)
        # the plan met: the indicator is green
        create_orders(self.env, customer, ago(5), 800.0)
        self.assertEqual(self.run_engine(customer)["indicators"]["sales_plan"]["level"], "green")
        # a customer without a due plan is not rated on it
        self.assertIsNone(self.run_engine()["indicators"]["sales_plan"]["level"])

    def test_customer_no_longer_evaluated_closes_the_alert(self):
        customer = create_customer(self.env, "Cancelled Customer", self.salesperson)
        order = create_orders(self.env, customer, ago(200), 500.0)
        self.run_engine(customer)
        alert = self.alerts(customer)
        self.assertEqual(alert.state, "new")
        order.with_context(disable_cancel_warning=True).action_cancel()
        self.assertIsNone(self.run_engine(customer), "no confirmed order: not evaluated")
        self.assertEqual(alert.state, "auto_resolved")
