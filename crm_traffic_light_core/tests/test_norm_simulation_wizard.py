# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The norm simulator in Settings: current against proposed norms on a hand-made history."""

from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_orders, create_salesperson


@tagged("post_install", "-at_install")
class TestNormSimulationWizard(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.admin = create_salesperson(
            cls.env,
            "sim_wizard_admin",
            groups="sales_team.group_sale_manager,crm_traffic_light_core.group_traffic_light_admin",
        )
        cls.ann = create_salesperson(cls.env, "sim_wizard_ann")
        cls.customer = create_customer(cls.env, "Simulated Customer", cls.ann)
        today = date.today()
        # Orders every 10 days, the last one 40 days ago: usual interval 10 days.
        create_orders(cls.env, cls.customer, [today - timedelta(days=d) for d in (70, 60, 50, 40)])
        cls.env["crm.traffic.light.norm"]._ensure_default_norms(cls.env.company)
        cls.norm = cls.env["crm.traffic.light.norm"].search(
            [
                ("company_id", "=", cls.env.company.id),
                ("indicator_code", "=", "last_order"),
                ("category_id", "=", False),
            ]
        )

    def simulate(self, orange, red):
        wizard = (
            self.env["crm.traffic.light.norm.simulation"]
            .with_user(self.admin)
            .create({"weeks": 4, "horizon_days": 14})
        )
        line = wizard.line_ids.filtered(lambda line: line.indicator_code == "last_order")
        self.assertEqual((line.orange, line.red), (self.norm.orange, self.norm.red))
        line.write({"orange": orange, "red": red})
        wizard.action_simulate()
        return {
            (r.norm_set, r.user_id): (
                r.orange_alerts,
                r.red_alerts,
                r.orange_precision,
                r.orange_recall,
                r.red_precision,
                r.red_recall,
            )
            for r in wizard.result_ids
        }

    def test_current_against_proposed_norms(self):
        self.assertEqual((self.norm.orange, self.norm.red), (1.5, 2.5))
        results = self.simulate(3.0, 5.0)
        # Silence / usual interval on the replayed days (4, 3, 2, 1, 0 weeks ago):
        # 1.2 (start), 1.9, 2.6, 3.3, 4.0.
        # Current norms: orange at 1.9, red at 2.6: one orange and one red alert for Ann;
        # scored weeks (horizon passed): 3 and 2 weeks ago, the customer never bought again.
        self.assertEqual(results[("current", self.ann)], (1, 1, 1.0, 1.0, 1.0, 0.5))
        # Proposed 3 x / 5 x: orange from 3.3 on, never red; nothing flagged in scored weeks.
        self.assertEqual(results[("proposed", self.ann)], (1, 0, 0.0, 0.0, 0.0, 0.0))
        # Simulating saved nothing.
        self.assertEqual((self.norm.orange, self.norm.red), (1.5, 2.5))
        self.assertFalse(self.customer.traffic_light)

    def test_bad_proposal_and_access(self):
        with self.assertRaises(UserError):
            self.simulate(3.0, 2.0)  # orange beyond red
        with self.assertRaises(AccessError):
            self.env["crm.traffic.light.norm.simulation"].with_user(self.ann).create({})
