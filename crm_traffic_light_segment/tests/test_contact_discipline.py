# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .common import create_company, create_customer, create_orders, create_salesperson


@tagged("post_install", "-at_install")
class TestContactDiscipline(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = create_company(cls.env, "Contact Discipline Company")
        cls.salesperson = create_salesperson(cls.env, "tl_contact_sales")
        cls.contact_type = cls.env["mail.activity.type"].create(
            {"name": "TL Visit", "traffic_light_contact": True}
        )
        cls.negative_type = cls.env["mail.activity.type"].create(
            {
                "name": "TL Debt Collection",
                "traffic_light_contact": True,
                "traffic_light_negative": True,
            }
        )
        today = fields.Date.today()
        cls.cust_a = create_customer(cls.env, "Discipline A", cls.salesperson)
        cls.cust_b = create_customer(cls.env, "Discipline B", cls.salesperson)
        cls.cust_c = create_customer(cls.env, "Discipline C", cls.salesperson)
        for partner, amount in ((cls.cust_a, 800), (cls.cust_b, 150), (cls.cust_c, 50)):
            create_orders(cls.env, partner, today - timedelta(days=5), amount, company=cls.company)
        cls.env["crm.traffic.light.segment"]._compute_segments(cls.company)
        cls.Report = cls.env["crm.traffic.light.contact.report"]

    def _done(self, partner, activity_type, days_ago):
        return self.env["mail.message"].create(
            {
                "model": "res.partner",
                "res_id": partner.id,
                "message_type": "notification",
                "mail_activity_type_id": activity_type.id,
                "date": datetime.now() - timedelta(days=days_ago),
                "body": "done",
            }
        )

    def _row(self, partner):
        self.env.flush_all()
        return self.Report.search(
            [("partner_id", "=", partner.id), ("company_id", "=", self.company.id)]
        )

    def test_required_frequency_per_class(self):
        self.assertEqual(
            [self._row(p).abc_class for p in (self.cust_a, self.cust_b, self.cust_c)],
            ["A", "B", "C"],
        )
        self.assertEqual(self._row(self.cust_a).interval_days, 14)
        self.assertEqual(self._row(self.cust_c).interval_days, 60)

    def test_overdue_customers(self):
        self._done(self.cust_a, self.contact_type, 20)  # A: every 14 days -> overdue
        self._done(self.cust_b, self.contact_type, 10)  # B: every 30 days -> in time
        self._done(self.cust_c, self.negative_type, 2)  # negative contacts never count
        person = self.env["res.partner"].create({"name": "C Buyer", "parent_id": self.cust_c.id})
        self.env["calendar.event"].create(
            {
                "name": "Visit",
                "start": datetime.now() - timedelta(days=70),
                "stop": datetime.now() - timedelta(days=70, hours=-1),
                "partner_ids": [(6, 0, person.ids)],
            }
        )
        row_a, row_b, row_c = (self._row(p) for p in (self.cust_a, self.cust_b, self.cust_c))
        self.assertTrue(row_a.is_overdue)
        self.assertEqual(row_a.days_without_contact, 20)
        self.assertEqual(row_a.days_overdue, 6)
        self.assertFalse(row_b.is_overdue)
        self.assertTrue(row_c.is_overdue, "meeting 70 days ago, class C needs one every 60")
        self.assertEqual(row_c.days_without_contact, 70)
        overdue = self.Report.search(
            [("company_id", "=", self.company.id), ("is_overdue", "=", True)]
        )
        self.assertEqual(overdue.partner_id, self.cust_a | self.cust_c)

    def test_done_activity_counts_as_contact(self):
        activity = self.env["mail.activity"].create(
            {
                "res_model_id": self.env.ref("base.model_res_partner").id,
                "res_id": self.cust_a.id,
                "activity_type_id": self.contact_type.id,
                "user_id": self.salesperson.id,
            }
        )
        self.assertTrue(self._row(self.cust_a).is_overdue, "never contacted")
        activity.action_feedback(feedback="Talked about the next order")
        row = self._row(self.cust_a)
        self.assertFalse(row.is_overdue)
        self.assertEqual(row.days_without_contact, 0)

    def test_company_specific_frequency_wins(self):
        self._done(self.cust_a, self.contact_type, 20)
        self.env["crm.traffic.light.contact.frequency"].create(
            {"abc_class": "A", "interval_days": 30, "company_id": self.company.id}
        )
        self.assertFalse(self._row(self.cust_a).is_overdue)

    def test_activity_from_report(self):
        rows = self.Report.search([("company_id", "=", self.company.id)])
        action = rows.action_schedule_activity()
        self.assertEqual(action["context"]["active_ids"], rows.partner_id.ids)
