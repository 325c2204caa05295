# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import (
    TrafficLightCase,
    ago,
    create_customer,
    create_orders,
    create_sales_manager,
    create_team,
    make_result,
)


@tagged("post_install", "-at_install")
class TestOverride(TrafficLightCase):
    """A manager forces a customer's traffic light until a date: the engine's evaluation
    applies it, in its company only, until it expires."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Override = cls.env["crm.traffic.light.override"]
        cls.manager = create_sales_manager(cls.env, "override_manager")
        create_team(cls.env, "Override Team", cls.manager, [cls.salesperson])
        cls.customer = create_customer(cls.env, "Override Customer", cls.salesperson)

    def test_override_applies_and_expires(self):
        today = fields.Date.context_today(self.Override)
        other = create_customer(self.env, "Not Overridden", self.salesperson)
        # Both customers are red: their only order is far beyond the 180 days of the norm.
        for partner in (self.customer, other):
            create_orders(self.env, partner, ago(200), 100.0)
        override = self.Override.with_user(self.manager).create(
            {
                "partner_id": self.customer.id,
                "flag": "green",
                "reason": "Paid everything yesterday, data not yet in Odoo",
                "date_expiry": today + timedelta(days=5),
            }
        )
        self.assertIn("manually set to Green", self.customer.message_ids[0].body)
        results = self.engine.evaluate(self.company, (self.customer | other).ids)
        self.assertEqual(results[self.customer.id]["flag"], "green")
        self.assertEqual(results[self.customer.id]["override"]["computed_flag"], "red")
        self.assertEqual(results[other.id]["flag"], "red")
        computed = {self.customer.id: make_result("red", payment="red")}
        applied = self.Override._apply_overrides(self.company, computed)
        self.assertEqual(applied[self.customer.id]["flag"], "green")
        self.assertEqual(computed[self.customer.id]["flag"], "red", "input left untouched")
        # not in another company
        company_b = self.env["res.company"].create({"name": "Override Company B"})
        create_orders(self.env, self.customer, ago(200), 100.0, company=company_b)
        self.assertEqual(
            self.engine.evaluate(company_b, self.customer.ids)[self.customer.id]["flag"], "red"
        )
        # expiry
        self.assertFalse(self.Override._expire_overrides(today + timedelta(days=5)))
        self.assertEqual(self.Override._expire_overrides(today + timedelta(days=6)), override)
        self.assertFalse(override.active)
        self.assertIn("expired", self.customer.message_ids[0].body)
        expired = self.engine.evaluate(self.company, self.customer.ids)[self.customer.id]
        self.assertEqual(expired["flag"], "red")
        self.assertNotIn("override", expired)

    def test_override_validation(self):
        today = fields.Date.context_today(self.Override)
        with (
            self.assertRaisesRegex(ValidationError, "valid until today or a later date"),
            self.cr.savepoint(),
        ):
            self.Override.create(
                {
                    "partner_id": self.customer.id,
                    "flag": "green",
                    "reason": "x",
                    "date_expiry": today - timedelta(days=1),
                }
            )
        first = self.Override.create(
            {"partner_id": self.customer.id, "flag": "orange", "reason": "a", "date_expiry": today}
        )
        second = self.Override.create(
            {"partner_id": self.customer.id, "flag": "red", "reason": "b", "date_expiry": today}
        )
        self.assertFalse(first.active, "a new override replaces the previous one")
        self.assertTrue(second.active)
