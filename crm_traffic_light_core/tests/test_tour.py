# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import create_customer, create_salesperson


@tagged("post_install", "-at_install")
class TestTrafficLightTour(HttpCase):
    def test_salesperson_filters_red_customers(self):
        salesperson = create_salesperson(self.env, "tour_sales")
        create_customer(self.env, "Tour Red Customer", salesperson, flag="red")
        create_customer(self.env, "Tour Green Customer", salesperson, flag="green")
        colleague = create_salesperson(self.env, "tour_colleague")
        create_customer(self.env, "Tour Colleague Red Customer", colleague, flag="red")
        self.start_tour("/odoo", "crm_traffic_light_red_customer_tour", login="tour_sales")
