# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.tests import HttpCase, tagged

from .common import (
    create_customer,
    create_orders,
    create_salesperson,
)


@tagged("post_install", "-at_install")
class TestSleepingCustomersTour(HttpCase):
    def test_salesperson_schedules_activity_for_sleeping_customer(self):
        salesperson = create_salesperson(self.env, "tour_sleeping", name="Tour Sleeping Sales")
        sleeping = create_customer(self.env, "Tour Sleeping Customer", salesperson)
        create_orders(self.env, sleeping, date.today() - timedelta(days=400), 100)
        self.env["crm.traffic.light.segment"]._compute_segments(self.env.company)
        self.start_tour("/odoo", "crm_traffic_light_sleeping_customers_tour", login="tour_sleeping")
        self.assertEqual(len(sleeping.activity_ids), 1)
        self.assertEqual(sleeping.activity_ids.user_id, salesperson)
