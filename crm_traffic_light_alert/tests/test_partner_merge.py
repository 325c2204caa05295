# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PartnerMergeCase, create_salesperson, set_dates, sync_flags

MERGED_REASON = "crm_traffic_light_alert.alert_reason_merged"


@tagged("post_install", "-at_install")
class TestPartnerMerge(PartnerMergeCase):
    """Odoo's merge wizard (Contacts > Merge, and the duplicate finder's Merge button) on
    customers that carry alerts: nothing is lost, nothing breaks a unique rule."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Alert = cls.env["crm.traffic.light.alert"]

    def alerts(self, partner=None, company=None):
        domain = [("partner_id", "=", (partner or self.dst).id)]
        if company:
            domain.append(("company_id", "=", company.id))
        return self.Alert.search(domain)

    def generated_activities(self, alerts):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "crm.traffic.light.alert"),
                ("res_id", "in", alerts.ids),
                ("automated", "=", True),
            ]
        )

    def test_both_customers_with_an_open_alert_in_the_same_company(self):
        sync_flags(self.env, self.company, {self.src: "red", self.dst: "orange"})
        src_alert, dst_alert = self.alerts(self.src), self.alerts(self.dst)
        set_dates(self.env, src_alert, "date_raised", fields.Datetime.now() - timedelta(days=3))
        self.assertTrue(self.generated_activities(dst_alert))
        # the names the alerts had when they were merged
        src_name, dst_name = src_alert.display_name, dst_alert.display_name
        src_status = self.status(self.src, self.company, "red")
        dst_status = self.status(self.dst, self.company, "orange")
        # the source alone is evaluated in company B: its status there is the customer's
        src_status_b = self.status(self.src, self.company_b, "orange")
        history = self.env["crm.traffic.light.history"].create(
            {
                "partner_id": self.src.id,
                "company_id": self.company.id,
                "date": fields.Date.today(),
                "old_flag": "orange",
                "new_flag": "red",
            }
        )
        # the source had another salesperson: what moves follows the destination's
        self.src.user_id = create_salesperson(self.env, "merge_sales_src")
        plan = self.env["crm.traffic.light.sales.plan"].create(
            {
                "partner_id": self.src.id,
                "alert_id": src_alert.id,
                "target_amount": 1000.0,
                "date_control": fields.Date.today() + timedelta(days=30),
            }
        )

        self.merge()

        alerts = self.alerts()
        self.assertEqual(alerts, src_alert | dst_alert, "both alerts are the customer's now")
        self.assertEqual(alerts.filtered("is_open"), src_alert, "the worst (red) alert is kept")
        self.assertEqual(src_alert.state, "new")
        self.assertEqual(dst_alert.state, "resolved")
        self.assertEqual(dst_alert.reason_id, self.env.ref(MERGED_REASON))
        self.assertTrue(dst_alert.date_closed)
        self.assertIn(src_name, dst_alert.note)
        self.assertFalse(self.generated_activities(dst_alert), "its playbook is cancelled")
        self.assertTrue(self.generated_activities(src_alert), "the kept alert keeps its playbook")
        self.assertIn("merged", dst_alert.message_ids[0].body)
        self.assertIn(dst_name, src_alert.message_ids[0].body)
        notes = self.dst.message_ids.mapped("body")
        self.assertTrue(
            any(
                "alerts and overrides were merged" in body and src_name in body and dst_name in body
                for body in notes
            ),
            notes,
        )
        # One status per customer and company: the destination's; the flag is recomputed soon.
        self.assertEqual(
            self.Status.search([("partner_id", "=", self.dst.id)]), dst_status | src_status_b
        )
        self.assertFalse(src_status.exists())
        cron = self.env.ref("crm_traffic_light_core.ir_cron_traffic_light_incremental")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        # History and plans follow the customer.
        self.assertEqual(history.partner_id, self.dst)
        self.assertEqual(plan.partner_id, self.dst)
        self.assertEqual(plan.user_id, self.salesperson)
        self.assertEqual(plan.alert_id, src_alert)

    def test_same_flag_keeps_the_oldest_alert(self):
        sync_flags(self.env, self.company, {self.src: "red", self.dst: "red"})
        src_alert, dst_alert = self.alerts(self.src), self.alerts(self.dst)
        set_dates(self.env, dst_alert, "date_raised", fields.Datetime.now() - timedelta(days=9))
        dst_name = dst_alert.display_name
        self.merge()
        self.assertEqual(self.alerts(), src_alert | dst_alert)
        self.assertEqual(self.alerts().filtered("is_open"), dst_alert)
        # A red alert closes only with a reason and a note: the merge gives both.
        self.assertEqual(src_alert.state, "resolved")
        self.assertEqual(src_alert.reason_id, self.env.ref(MERGED_REASON))
        self.assertIn(dst_name, src_alert.note)

    def test_alerts_in_different_companies_stay_open(self):
        sync_flags(self.env, self.company, {self.dst: "orange"})
        sync_flags(self.env, self.company_b, {self.src: "red"})
        self.status(self.dst, self.company, "orange")
        self.status(self.src, self.company_b, "red")
        self.merge()
        alerts = self.alerts()
        self.assertEqual(len(alerts), 2)
        self.assertEqual(alerts.mapped("state"), ["new", "new"])
        self.assertEqual(alerts.company_id, self.company | self.company_b)
        statuses = self.Status.search([("partner_id", "=", self.dst.id)])
        self.assertEqual(statuses.company_id, self.company | self.company_b)

    def test_only_the_source_has_an_alert(self):
        sync_flags(self.env, self.company, {self.src: "orange"})
        alert = self.alerts(self.src)
        activities = self.generated_activities(alert)
        self.assertTrue(activities)
        # a closed alert of the past goes along
        old = self.Alert.sudo().create(
            {
                "partner_id": self.src.id,
                "company_id": self.company.id,
                "flag": "orange",
                "state": "auto_resolved",
                "date_closed": fields.Datetime.now(),
            }
        )
        self.merge()
        self.assertEqual(self.alerts(), alert | old)
        self.assertEqual(alert.state, "new")
        self.assertEqual(self.generated_activities(alert), activities)
        self.assertEqual(old.state, "auto_resolved")
