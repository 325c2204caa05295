# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import PartnerMergeCase


@tagged("post_install", "-at_install")
class TestPartnerMerge(PartnerMergeCase):
    """Merged customers keep their traffic light data: one status per company, the history,
    one active override per company."""

    def test_statuses_and_history_follow_the_customer(self):
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
        self.merge()
        # One status per customer and company: the destination's; the flag is recomputed soon.
        self.assertEqual(
            self.Status.search([("partner_id", "=", self.dst.id)]), dst_status | src_status_b
        )
        self.assertFalse(src_status.exists())
        cron = self.env.ref("crm_traffic_light_core.ir_cron_traffic_light_incremental")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)]))
        self.assertEqual(history.partner_id, self.dst)

    def test_two_active_overrides_the_latest_applies(self):
        Override = self.env["crm.traffic.light.override"]
        until = fields.Date.today() + timedelta(days=10)
        dst_override = Override.create(
            {"partner_id": self.dst.id, "flag": "green", "reason": "Known", "date_expiry": until}
        )
        src_override = Override.create(
            {"partner_id": self.src.id, "flag": "red", "reason": "Later", "date_expiry": until}
        )
        self.merge()
        overrides = Override.with_context(active_test=False).search(
            [("partner_id", "=", self.dst.id)]
        )
        self.assertEqual(overrides, dst_override | src_override, "both kept")
        self.assertEqual(overrides.filtered("active"), src_override, "the latest one applies")
        self.assertTrue(
            any(
                "alerts and overrides were merged" in body and "override" in body
                for body in self.dst.message_ids.mapped("body")
            )
        )
