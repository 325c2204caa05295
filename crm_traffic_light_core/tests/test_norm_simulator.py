# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Norm simulator: replayed weekly flags, alerts per salesperson, precision and recall, on a
hand-made history."""

import datetime

from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_orders, create_salesperson

END = datetime.date(2026, 6, 1)


def week(n):
    """The replay day ``n`` of a 4-week replay ending at END (0 = starting flags)."""
    return END - datetime.timedelta(weeks=4 - n)


@tagged("post_install", "-at_install")
class TestNormSimulator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Simulator = cls.env["crm.traffic.light.norm.simulator"]
        cls.ann = create_salesperson(cls.env, "sim_ann")
        cls.bob = create_salesperson(cls.env, "sim_bob")
        cls.a = create_customer(cls.env, "Sim A", cls.ann)
        cls.b = create_customer(cls.env, "Sim B", cls.bob)
        cls.c = create_customer(cls.env, "Sim C")
        d = datetime.timedelta
        create_orders(cls.env, cls.a, [END - d(weeks=10), week(1) + d(days=3)])
        create_orders(cls.env, cls.b, [END - d(weeks=6)])
        create_orders(cls.env, cls.c, [week(3) - d(days=1)])
        # a draft order never counts as buying
        create_orders(cls.env, cls.b, [week(1) + d(days=2)], state="draft")

    def flags(self):
        a, b, c = self.a.id, self.b.id, self.c.id
        return {
            week(0): {a: "green", b: "orange"},
            week(1): {a: "orange", b: "red"},
            week(2): {a: "orange", b: "red"},
            week(3): {a: "red", b: "green", c: "green"},
            week(4): {a: "green", b: "orange", c: "red"},
        }

    def test_replay_counts_alerts_and_scores_flags(self):
        flags = self.flags()
        asked = {}

        def flags_at(as_of, partner_ids):
            asked[as_of] = set(partner_ids)
            return {pid: flags[as_of][pid] for pid in partner_ids}

        result = self.Simulator._replay(
            self.env.company, flags_at, weeks=4, horizon_days=14, end=END
        )
        a, b, c = self.a.id, self.b.id, self.c.id
        # only customers with a confirmed order on or before the day are evaluated
        self.assertEqual(
            asked,
            {
                week(0): {a, b},
                week(1): {a, b},
                week(2): {a, b},
                week(3): {a, b, c},
                week(4): {a, b, c},
            },
        )
        # week 1: A green -> orange (Ann), B orange -> red (Bob); week 3: A orange -> red (Ann);
        # week 4: B green -> orange (Bob), C green -> red (nobody's customer)
        self.assertEqual(
            result["alerts"],
            {
                self.ann.id: {"orange": 1, "red": 1},
                self.bob.id: {"orange": 1, "red": 1},
                False: {"orange": 0, "red": 1},
            },
        )
        # Scored weeks: 1 and 2 (their 14 days have passed by END). A bought 3 days after
        # week 1, nothing after week 2; B never bought again.
        # at least orange: flagged A1 B1 A2 B2, stopped B1 A2 B2, hits B1 A2 B2
        self.assertEqual(
            result["orange"],
            {"flagged": 4, "stopped": 3, "hits": 3, "precision": 0.75, "recall": 1.0},
        )
        # red: flagged B1 B2, both stopped
        self.assertEqual(
            result["red"],
            {"flagged": 2, "stopped": 3, "hits": 2, "precision": 1.0, "recall": 2 / 3},
        )

    def test_empty_replay(self):
        company = self.env["res.company"].create({"name": "Simulator Empty Company"})
        result = self.Simulator._replay(company, lambda day, ids: {}, weeks=2, end=END)
        self.assertEqual(result["alerts"], {})
        self.assertIsNone(result["red"]["precision"])
        self.assertIsNone(result["orange"]["recall"])
