# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import TrafficLightCase, ago, create_customer, create_invoice, create_orders


@tagged("post_install", "-at_install")
class TestSegmentNorms(TrafficLightCase):
    """Norm overrides per ABC class and segments computed by the engine's full run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Norm = cls.env["crm.traffic.light.norm"]
        cls.Norm._ensure_default_norms(cls.company)
        cls.big = create_customer(cls.env, "Norm Big", cls.salesperson)
        cls.small = create_customer(cls.env, "Norm Small", cls.salesperson)
        for partner, amount in ((cls.big, 9000.0), (cls.small, 100.0)):
            create_orders(cls.env, partner, ago(5), amount)
            create_invoice(cls.env, partner, 80, 100.0, due_days_ago=60)

    def test_full_run_computes_segments_first(self):
        self.engine._full_run(self.company)
        self.assertEqual(self.big.with_company(self.company).abc_class, "A")
        self.assertEqual(self.small.with_company(self.company).abc_class, "C")
        self.assertTrue(
            self.env["crm.traffic.light.segment"].search([("partner_id", "=", self.big.id)])
        )

    def test_norm_per_abc_class(self):
        self.env["crm.traffic.light.segment"]._compute_segments(self.company)
        self.assertEqual(self.indicator(self.big, "payment")["level"], "red")
        self.Norm.create({"indicator_code": "payment", "abc_class": "A", "orange": 90, "red": 120})
        entry = self.indicator(self.big, "payment")
        self.assertEqual((entry["orange"], entry["red"], entry["level"]), (90, 120, "green"))
        # class C keeps the company default
        entry = self.indicator(self.small, "payment")
        self.assertEqual((entry["red"], entry["level"]), (45, "red"))

    def test_norm_is_for_a_tag_or_a_class(self):
        tag = self.env["res.partner.category"].create({"name": "Norm Tag"})
        with self.assertRaises(ValidationError):
            self.Norm.create(
                {
                    "indicator_code": "payment",
                    "abc_class": "A",
                    "category_id": tag.id,
                    "orange": 90,
                    "red": 120,
                }
            )
        self.Norm.create({"indicator_code": "payment", "abc_class": "B", "orange": 9, "red": 12})
        with self.assertRaises(ValidationError):
            self.Norm.create(
                {"indicator_code": "payment", "abc_class": "B", "orange": 9, "red": 12}
            )
