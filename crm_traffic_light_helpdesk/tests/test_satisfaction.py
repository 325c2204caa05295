# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.addons.crm_traffic_light_core.tests.common import (
    TrafficLightCase,
    ago,
    create_customer,
    create_orders,
    create_sales_manager,
    set_dates,
)
from odoo.tests import tagged


@tagged("post_install", "-at_install")
class TestSatisfaction(TrafficLightCase):
    """Open complaints (helpdesk tickets) of each customer and company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Stage = cls.env["helpdesk.ticket.stage"]
        cls.stage_open = Stage.search([("closed", "=", False)], order="sequence", limit=1)
        cls.stage_closed = Stage.search([("closed", "=", True)], order="sequence", limit=1)
        cls.customer = create_customer(cls.env, "Unhappy Customer", cls.salesperson)
        create_orders(cls.env, cls.customer, ago(10), 100.0)
        cls.contact = cls.env["res.partner"].create(
            {"name": "Unhappy Buyer", "parent_id": cls.customer.id}
        )

    def ticket(self, partner, days_ago=1, closed=False, company=None):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Late delivery",
                "description": "<p>The goods arrived late.</p>",
                "partner_id": partner.id,
                "company_id": (company or self.company).id,
                "stage_id": (self.stage_closed if closed else self.stage_open).id,
            }
        )
        if days_ago:
            set_dates(self.env, ticket, "create_date", datetime.now() - timedelta(days=days_ago))
        return ticket

    def satisfaction(self, partner, company=None, as_of=None):
        return self.indicator(partner, "satisfaction", company=company, as_of=as_of)

    def test_indicator_is_discovered_with_its_default_norm(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        self.assertIn("satisfaction", definitions)
        self.assertEqual(definitions["satisfaction"]["unit"], "count")
        norm = self.env["crm.traffic.light.norm"].search(
            [
                ("company_id", "=", self.company.id),
                ("indicator_code", "=", "satisfaction"),
                ("category_id", "=", False),
            ]
        )
        self.assertEqual((norm.orange, norm.red), (2.0, 4.0))

    def test_open_tickets_of_customer_and_contacts_in_the_window(self):
        other = create_customer(self.env, "Happy Customer")
        create_orders(self.env, other, ago(10), 100.0)
        self.ticket(self.customer, days_ago=5)
        self.ticket(self.contact, days_ago=100)
        self.ticket(self.customer, days_ago=20, closed=True)  # closed: ignored
        self.ticket(self.customer, days_ago=400)  # before the window: ignored
        archived = self.ticket(self.contact, days_ago=3)
        archived.active = False  # archived: ignored
        self.ticket(other, days_ago=2)  # another customer's
        entry = self.satisfaction(self.customer)
        self.assertEqual(entry["value"], 2.0)
        self.assertEqual(entry["tickets"], 3, "open and closed tickets of the window")
        self.assertEqual(entry["level"], "orange")
        self.assertEqual(self.satisfaction(other)["value"], 1.0)
        # a shorter window leaves only the ticket of 5 days ago
        self.company.traffic_light_window_days = 30
        self.assertEqual(self.satisfaction(self.customer)["value"], 1.0)

    def test_customer_without_tickets_is_green(self):
        entry = self.satisfaction(self.customer)
        self.assertEqual((entry["value"], entry["tickets"], entry["level"]), (0.0, 0, "green"))

    def test_level_boundaries(self):
        expected = {1: "green", 2: "orange", 3: "orange", 4: "red", 5: "red"}
        for count, level in expected.items():
            self.ticket(self.contact if count % 2 else self.customer, days_ago=count)
            entry = self.satisfaction(self.customer)
            self.assertEqual(entry["value"], float(count))
            self.assertEqual(entry["level"], level, f"{count} open complaints")

    def test_closing_tickets_turns_the_flag_back(self):
        tickets = self.ticket(self.customer) | self.ticket(self.contact)
        tickets |= self.ticket(self.customer) | self.ticket(self.contact)
        self.engine._full_run(self.company)
        self.assertEqual(self.customer.traffic_light, "red")
        self.assertIn("Open complaints in the window", str(self.customer.traffic_light_explanation))
        tickets[:2].stage_id = self.stage_closed
        self.engine._full_run(self.company)
        self.assertEqual(self.customer.traffic_light, "orange")
        tickets.stage_id = self.stage_closed
        self.engine._full_run(self.company)
        self.assertEqual(self.customer.traffic_light, "green")

    def test_companies_are_separated(self):
        company_b = self.env["res.company"].create({"name": "Traffic Light Helpdesk B"})
        create_orders(self.env, self.customer, ago(5), 100.0, company=company_b)
        for _i in range(4):
            self.ticket(self.contact, company=company_b)
        self.ticket(self.customer)
        self.assertEqual(self.satisfaction(self.customer)["value"], 1.0)
        entry_b = self.satisfaction(self.customer, company=company_b)
        self.assertEqual((entry_b["value"], entry_b["level"]), (4.0, "red"))

    def test_incremental_run_picks_customers_with_changed_tickets(self):
        self.engine._full_run(self.company)
        self.assertEqual(self.customer.traffic_light, "green")
        self.env.flush_all()
        since = self.env.cr.now() - timedelta(seconds=1)
        self.env.cr.execute(
            "UPDATE sale_order SET write_date = %s - interval '1 day' WHERE partner_id = ANY(%s)",
            (since, [self.customer.id, self.contact.id]),
        )
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = %s - interval '1 day' WHERE id = ANY(%s)",
            (since, [self.customer.id, self.contact.id]),
        )
        self.company.traffic_light_last_incremental = since - timedelta(hours=1)
        self.assertNotIn(self.customer.id, self.engine._changed_partner_ids(self.company, since))
        self.ticket(self.contact, days_ago=0)
        self.ticket(self.contact, days_ago=0)
        self.env.flush_all()
        self.assertIn(self.customer.id, self.engine._changed_partner_ids(self.company, since))
        self.engine._incremental_run(self.company)
        self.assertEqual(self.customer.traffic_light, "orange")

    def test_salesperson_and_manager_see_the_complaints(self):
        for _i in range(2):
            self.ticket(self.customer)
        self.customer.with_user(self.salesperson).action_traffic_light_recompute()
        customer = self.customer.with_user(self.salesperson)
        self.assertEqual(customer.traffic_light, "orange")
        html = str(customer.traffic_light_explanation)
        self.assertIn("Open complaints in the window", html)
        self.assertIn("tickets in the window: 2", html)
        manager = create_sales_manager(self.env, "tl_helpdesk_manager")
        self.env["crm.team"].create(
            {
                "name": "Helpdesk Team TL",
                "user_id": manager.id,
                "member_ids": [(6, 0, [self.salesperson.id, manager.id])],
            }
        )
        statuses = (
            self.env["crm.traffic.light.status"]
            .with_user(manager)
            .search([("partner_id", "=", self.customer.id)])
        )
        self.assertEqual(statuses.indicator_values["satisfaction"]["value"], 2.0)

    def test_indicator_name_is_translated(self):
        self.env["res.lang"]._activate_lang("pl_PL")
        self.env["res.lang"]._activate_lang("ru_RU")
        Indicator = self.env["crm.traffic.light.indicator.satisfaction"]
        names = {
            lang: Indicator.with_context(lang=lang)._indicator_definition()["name"]
            for lang in ("pl_PL", "ru_RU")
        }
        self.assertEqual(names["pl_PL"], "Otwarte reklamacje w okresie")
        self.assertEqual(names["ru_RU"], "Открытые жалобы за период")
