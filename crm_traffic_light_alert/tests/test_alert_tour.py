# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import create_customer, create_salesperson, sync_flags


@tagged("post_install", "-at_install")
class TestAlertTour(HttpCase):
    def test_salesperson_closes_orange_alert(self):
        salesperson = create_salesperson(self.env, "tour_alert_sales")
        customer = create_customer(self.env, "Tour Orange Customer", salesperson)
        result = sync_flags(self.env, self.env.company, {customer: "orange"})
        alert = result["created"]
        self.start_tour("/odoo", "crm_traffic_light_alert_tour", login="tour_alert_sales")
        self.assertEqual(alert.state, "resolved")
        self.assertEqual(
            alert.reason_id, self.env.ref("crm_traffic_light_alert.alert_reason_price")
        )
        self.assertIn("competitor", alert.note)
        self.assertIn("closed by", customer.message_ids[0].body)
