# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from .common import create_customer, create_sales_manager, create_salesperson


@tagged("post_install", "-at_install")
class TestTrafficLightField(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company_b = cls.env["res.company"].create({"name": "Traffic Light Company B"})
        cls.salesperson = create_salesperson(cls.env, "tl_field_sales")

    def test_flag_is_per_company(self):
        customer = create_customer(self.env, "Per Company Customer", flag="red")
        customer.with_company(self.company_b).traffic_light = "green"
        self.assertEqual(customer.with_company(self.env.company).traffic_light, "red")
        self.assertEqual(customer.with_company(self.company_b).traffic_light, "green")

    def test_new_customer_is_not_evaluated(self):
        customer = create_customer(self.env, "Prospect")
        self.assertFalse(customer.traffic_light)

    def test_filter_red_customers(self):
        red = create_customer(self.env, "Filter Red", flag="red")
        orange = create_customer(self.env, "Filter Orange", flag="orange")
        found = self.env["res.partner"].search([("traffic_light", "=", "red")])
        self.assertIn(red, found)
        self.assertNotIn(orange, found)

    def test_salesperson_sees_menu_and_flag(self):
        self.assertTrue(
            self.salesperson.has_group("crm_traffic_light_core.group_traffic_light_user")
        )
        self.assertFalse(
            self.salesperson.has_group("crm_traffic_light_core.group_traffic_light_manager")
        )
        menu = self.env.ref("crm_traffic_light_core.menu_customer_health_customers")
        visible = self.env["ir.ui.menu"].with_user(self.salesperson)._visible_menu_ids()
        self.assertIn(menu.id, visible)
        customer = create_customer(self.env, "Own Customer", self.salesperson, flag="orange")
        self.assertEqual(customer.with_user(self.salesperson).traffic_light, "orange")

    def test_sales_manager_is_traffic_light_manager(self):
        manager = create_sales_manager(self.env, "tl_field_manager")
        self.assertTrue(manager.has_group("crm_traffic_light_core.group_traffic_light_manager"))
        self.assertFalse(manager.has_group("crm_traffic_light_core.group_traffic_light_admin"))
