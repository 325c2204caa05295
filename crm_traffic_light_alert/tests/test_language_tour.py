# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import HttpCase, tagged

from .common import ago, create_customer, create_orders, create_salesperson, load_languages

LANGS = ("pl_PL", "ru_RU")


@tagged("post_install", "-at_install")
class TestLanguageTour(HttpCase):
    """A salesperson working in Polish, then in Russian, reads the customer's flag explanation
    and the alert screen in that language."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        load_languages(cls.env, *LANGS)
        company = cls.env.company
        cls.env["crm.traffic.light.norm"]._ensure_default_norms(company)
        cls.salesperson = create_salesperson(cls.env, "tour_lang_sales")
        cls.salesperson.lang = "pl_PL"
        cls.customer = create_customer(cls.env, "Tour Language Customer", cls.salesperson)
        # The last order is long ago: the engine flags the customer red.
        create_orders(cls.env, cls.customer, ago(400), 100.0)
        output = cls.env["crm.traffic.light.engine"].recompute_partners(cls.customer)
        cls.env["crm.traffic.light.alert"]._sync_from_results(company, output[company.id])
        cls.alert = cls.env["crm.traffic.light.alert"].search(
            [("partner_id", "=", cls.customer.id)]
        )

    def test_salesperson_reads_flag_and_alert_in_polish_and_russian(self):
        self.assertEqual(self.customer.traffic_light, "red")
        self.assertEqual(len(self.alert), 1)
        url = f"/odoo/res.partner/{self.customer.id}"
        self.start_tour(url, "crm_traffic_light_language_pl_tour", login="tour_lang_sales")
        self.salesperson.lang = "ru_RU"
        self.start_tour(url, "crm_traffic_light_language_ru_tour", login="tour_lang_sales")
