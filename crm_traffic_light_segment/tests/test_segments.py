# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from ..models.crm_traffic_light_segment import RFM_SEGMENT_SQL
from .common import create_company, create_customer, create_orders

AS_OF = date(2026, 6, 15)


def days_ago(n):
    return AS_OF - timedelta(days=n)


@tagged("post_install", "-at_install")
class TestSegments(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = create_company(cls.env, "Segments Test Company")
        cls.Segment = cls.env["crm.traffic.light.segment"]

    def _customers(self, *names):
        return [create_customer(self.env, name) for name in names]

    def _compute(self):
        return self.Segment._compute_segments(self.company, as_of=AS_OF)

    def _seen(self, partner):
        return partner.with_company(self.company)

    def test_abc_by_cumulative_share(self):
        c1, c2, c3, c4, c5, old = self._customers("Abc1", "Abc2", "Abc3", "Abc4", "Abc5", "AbcOld")
        for partner, amount in ((c1, 500), (c2, 300), (c3, 100), (c4, 60), (c5, 40)):
            create_orders(self.env, partner, days_ago(10), amount, company=self.company)
        create_orders(self.env, old, days_ago(400), 5000, company=self.company)
        prospect = create_customer(self.env, "AbcProspect")
        self.assertEqual(self._compute(), 6)
        # shares before each customer: 0, 50%, 80%, 90%, 96% -> A A B B C
        classes = [self._seen(p).abc_class for p in (c1, c2, c3, c4, c5)]
        self.assertEqual(classes, ["A", "A", "B", "B", "C"])
        self.assertEqual(self._seen(old).abc_class, "C", "no turnover in the window")
        self.assertFalse(self._seen(prospect).abc_class, "a prospect is not segmented")
        # as another company sees them, the customers have no class
        self.assertFalse(c1.with_company(self.env.ref("base.main_company")).abc_class)
        # searchable and groupable as the current company sees it
        Partner = self.env["res.partner"].with_company(self.company)
        found = Partner.search([("abc_class", "=", "A")])
        self.assertEqual(found, c1 | c2)
        groups = Partner._read_group([("id", "in", (c1 | c2 | c3).ids)], ["abc_class"], ["__count"])
        self.assertEqual(dict(groups), {"A": 2, "B": 1})

    def test_abc_thresholds_are_configurable(self):
        c1, c2 = self._customers("Thr1", "Thr2")
        create_orders(self.env, c1, days_ago(5), 600, company=self.company)
        create_orders(self.env, c2, days_ago(5), 400, company=self.company)
        self._compute()
        self.assertEqual(self._seen(c2).abc_class, "A", "60% before c2 < 80%")
        self.company.traffic_light_abc_a_share = 50
        self._compute()
        self.assertEqual(self._seen(c2).abc_class, "B")

    def test_xyz_by_variation_of_monthly_turnover(self):
        stable, fluctuating, irregular = self._customers("XyzX", "XyzY", "XyzZ")
        for month in range(1, 13):
            order_date = date(2026, 6, 10) - timedelta(days=30.4 * month)
            order_date = order_date.replace(day=10)
            create_orders(self.env, stable, order_date, 100, company=self.company)
            create_orders(
                self.env, fluctuating, order_date, 85 if month % 2 else 115, company=self.company
            )
        create_orders(self.env, irregular, date(2026, 1, 10), 1200, company=self.company)
        self._compute()
        self.assertEqual(self._seen(stable).xyz_class, "X")
        self.assertEqual(self._seen(fluctuating).xyz_class, "Y")
        self.assertEqual(self._seen(irregular).xyz_class, "Z")
        row = self.Segment.search([("partner_id", "=", fluctuating.id)])
        self.assertAlmostEqual(row.turnover_cv, 15.0, places=1)

    def _rfm_data(self):
        customers = self._customers("Rfm1", "Rfm2", "Rfm3", "Rfm4", "Rfm5")
        last = [5, 20, 50, 100, 300]
        for count, (partner, first) in enumerate(zip(customers, last, strict=True)):
            for i in range(5 - count):
                create_orders(self.env, partner, days_ago(first + 3 * i), 100, company=self.company)
        return customers

    def test_rfm_scores_and_segments(self):
        c1, c2, c3, c4, c5 = self._rfm_data()
        self._compute()
        scores = [self._seen(p).rfm_score for p in (c1, c2, c3, c4, c5)]
        self.assertEqual(scores, ["555", "444", "333", "222", "111"])
        segments = [self._seen(p).rfm_segment for p in (c1, c2, c3, c4, c5)]
        self.assertEqual(segments, ["champions", "champions", "loyal", "hibernating", "lost"])
        Partner = self.env["res.partner"].with_company(self.company)
        self.assertEqual(Partner.search([("rfm_segment", "=", "lost")]), c5)

    def test_rfm_segment_mapping(self):
        """The documented R x FM grid: every cell has exactly one named segment."""
        expected = {
            (5, 5): "champions",
            (4, 4): "champions",
            (5, 3): "loyal",
            (3, 5): "loyal",
            (5, 1): "new",
            (4, 1): "potential_loyalist",
            (5, 2): "potential_loyalist",
            (3, 2): "need_attention",
            (1, 5): "at_risk",
            (2, 3): "at_risk",
            (2, 2): "hibernating",
            (1, 2): "lost",
            (1, 1): "lost",
        }
        for (r, fm), segment in expected.items():
            self.env.cr.execute(
                SQL("SELECT %s FROM (SELECT %s AS r, %s AS fm) cell", RFM_SEGMENT_SQL, r, fm)
            )
            self.assertEqual(self.env.cr.fetchone()[0], segment, f"R{r} FM{fm}")

    def test_sleeping_customers_and_history(self):
        c1, c2, c3, c4, c5 = self._rfm_data()
        self._compute()
        self.assertTrue(self._seen(c5).is_sleeping, "last order 300 days ago > 180")
        self.assertFalse(self._seen(c4).is_sleeping, "last order 100 days ago")
        Partner = self.env["res.partner"].with_company(self.company)
        self.assertEqual(Partner.search([("is_sleeping", "=", True)]), c5)
        History = self.env["crm.traffic.light.segment.history"]
        self.assertEqual(History.search_count([("company_id", "=", self.company.id)]), 5)
        # idempotent: a second run writes no history
        self._compute()
        self.assertEqual(History.search_count([("company_id", "=", self.company.id)]), 5)
        # a longer sleeping period wakes c5 up, and the change is kept
        self.company.traffic_light_sleeping_days = 400
        self._compute()
        self.assertFalse(self._seen(c5).is_sleeping)
        change = History.search([("partner_id", "=", c5.id)], order="id desc", limit=1)
        self.assertTrue(change.old_is_sleeping)
        self.assertFalse(change.is_sleeping)
        self.assertEqual(change.rfm_segment, "lost")

    def test_customer_without_orders_loses_segments(self):
        (customer,) = self._customers("Cancelled")
        order = create_orders(self.env, customer, days_ago(3), 100, company=self.company)
        self._compute()
        self.assertEqual(self._seen(customer).abc_class, "A")
        order.with_context(disable_cancel_warning=True).state = "cancel"
        self.assertEqual(self._compute(), 0)
        self.assertFalse(self._seen(customer).abc_class)
        self.assertFalse(self.Segment.search([("partner_id", "=", customer.id)]))

    def test_orders_of_contacts_count_for_commercial_partner(self):
        (customer,) = self._customers("Parent Co")
        contact = self.env["res.partner"].create({"name": "Buyer", "parent_id": customer.id})
        create_orders(self.env, contact, days_ago(3), 100, company=self.company)
        self._compute()
        self.assertEqual(self._seen(customer).abc_class, "A")
        self.assertFalse(self._seen(contact).abc_class)

    def test_bad_settings_are_refused(self):
        with self.assertRaises(ValidationError):
            self.company.traffic_light_abc_a_share = 90  # 90 + 15 > 100
        with self.assertRaises(ValidationError):
            self.company.write({"traffic_light_xyz_x_cv": 30, "traffic_light_xyz_y_cv": 20})
        with self.assertRaises(ValidationError):
            self.company.traffic_light_sleeping_days = 0

    def test_cron_and_sleeping_actions(self):
        c1, c2, c3, c4, c5 = self._rfm_data()
        self.env.ref(
            "crm_traffic_light_segment.ir_cron_traffic_light_segments"
        ).method_direct_trigger()
        row = self.Segment.search([("partner_id", "=", c1.id)])
        self.assertEqual(row.company_id, self.company)
        rows = self.Segment.search([("partner_id", "in", (c4 | c5).ids)])
        action = rows.action_schedule_activity()
        self.assertEqual(action["res_model"], "mail.activity.schedule")
        wizard = (
            self.env["mail.activity.schedule"]
            .with_context(**action["context"])
            .create({"activity_type_id": self.env.ref("mail.mail_activity_data_call").id})
        )
        wizard.action_schedule_activities()
        self.assertEqual(len(c4.activity_ids), 1)
        self.assertEqual(len(c5.activity_ids), 1)
        action = rows.action_send_mail()
        composer = (
            self.env["mail.compose.message"]
            .with_context(**action["context"])
            .create({"subject": "We miss you", "body": "<p>Hello</p>"})
        )
        self.assertEqual(composer.composition_mode, "mass_mail")
        self.assertEqual(sorted(composer._evaluate_res_ids()), sorted((c4 | c5).ids))

    def test_entry_points_return_what_they_did(self):
        """The segmentation and the duplicate finder report their work (what the benchmark,
        scripts/bench.py, prints next to its timings)."""
        self._rfm_data()
        self.assertEqual(self.Segment._compute_segments(self.company), 5)
        stats = self.env["crm.traffic.light.duplicate"]._find_duplicates()
        self.assertIn(stats["method"], ("trigram", "exact"))
        self.assertGreaterEqual(stats["partners"], 5)
        self.assertGreaterEqual(stats["pairs"], 0)
