# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, tagged

from .common import (
    create_company,
    create_customer,
    create_orders,
    create_sales_manager,
    create_salesperson,
    create_team,
)


@tagged("post_install", "-at_install")
class TestSegmentSecurity(TransactionCase):
    """Salespeople see their customers, managers their team, administrators everything."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = create_company(cls.env, "Security Segment Company")
        cls.other_company = create_company(cls.env, "Security Other Company")
        groups = "sales_team.group_sale_salesman"
        cls.anna = create_salesperson(cls.env, "tl_seg_anna", groups=groups)
        cls.boris = create_salesperson(cls.env, "tl_seg_boris", groups=groups)
        cls.manager = create_sales_manager(cls.env, "tl_seg_manager")
        cls.admin = create_salesperson(
            cls.env, "tl_seg_admin", groups="crm_traffic_light_core.group_traffic_light_admin"
        )
        users = cls.anna | cls.boris | cls.manager | cls.admin
        users.write(
            {
                "company_ids": [(4, cls.company.id), (4, cls.other_company.id)],
                "company_id": cls.company.id,
            }
        )
        create_team(cls.env, "Anna's team", cls.manager, cls.anna, cls.company)
        old = date.today() - timedelta(days=400)
        cls.anna_customers = cls.env["res.partner"]
        cls.boris_customers = cls.env["res.partner"]
        for i in range(2):
            for user, attr in ((cls.anna, "anna_customers"), (cls.boris, "boris_customers")):
                partner = create_customer(cls.env, f"Hygiene {user.login} {i}", user)
                partner.vat = False
                create_orders(cls.env, partner, old, 100 + i, company=cls.company)
                setattr(cls, attr, getattr(cls, attr) | partner)
        # a customer of Anna in the other company
        cls.other = create_customer(cls.env, "Hygiene other company", cls.anna)
        create_orders(cls.env, cls.other, old, 100, company=cls.other_company)
        # duplicates: Anna's pair, Boris's pair
        cls.env["res.partner"].create({"name": "Hygiene tl_seg_anna 0 Sp. z o.o."})
        Segment = cls.env["crm.traffic.light.segment"]
        Segment._compute_segments(cls.company)
        Segment._compute_segments(cls.other_company)
        cls.env["crm.traffic.light.duplicate"]._find_duplicates()

    def _visible(self, user, model, companies=None):
        companies = companies or self.company
        env = self.env(user=user, context={"allowed_company_ids": companies.ids})
        records = env[model].search([])
        return records.mapped("partner_id") if "partner_id" in env[model] else records

    def test_lists_as_salesperson(self):
        mine = self.anna_customers
        for model in (
            "crm.traffic.light.segment",
            "crm.traffic.light.segment.history",
            "crm.traffic.light.contact.report",
        ):
            seen = self._visible(self.anna, model)
            self.assertEqual(seen & (mine | self.boris_customers), mine, model)
        sleeping = (
            self.env["crm.traffic.light.segment"]
            .with_user(self.anna)
            .search([("is_sleeping", "=", True), ("company_id", "=", self.company.id)])
        )
        self.assertEqual(sleeping.partner_id, mine)
        incomplete = (
            self.env["crm.traffic.light.segment"]
            .with_user(self.anna)
            .search([("data_completeness", "<", 100), ("company_id", "=", self.company.id)])
        )
        self.assertEqual(incomplete.partner_id, mine)
        pairs = self.env["crm.traffic.light.duplicate"].with_user(self.anna).search([])
        self.assertTrue(pairs)
        self.assertFalse(
            (pairs.partner1_id | pairs.partner2_id) & self.boris_customers,
            "no duplicate pair of Boris's customers",
        )
        boris_pairs = self.env["crm.traffic.light.duplicate"].with_user(self.boris).search([])
        self.assertFalse((boris_pairs.partner1_id | boris_pairs.partner2_id) & mine)

    def test_salesperson_cannot_change_segments_or_settings(self):
        row = self.env["crm.traffic.light.segment"].with_user(self.anna).search([], limit=1)
        with self.assertRaises(AccessError):
            row.abc_class = "A"
        with self.assertRaises(AccessError):
            self.env["crm.traffic.light.contact.frequency"].with_user(self.anna).create(
                {"abc_class": "A", "interval_days": 1}
            )

    def test_manager_sees_team(self):
        seen = self._visible(self.manager, "crm.traffic.light.segment")
        self.assertEqual(seen & (self.anna_customers | self.boris_customers), self.anna_customers)
        seen = self._visible(self.manager, "crm.traffic.light.contact.report")
        self.assertFalse(seen & self.boris_customers)

    def test_admin_sees_all(self):
        seen = self._visible(self.admin, "crm.traffic.light.segment")
        self.assertLessEqual(self.anna_customers | self.boris_customers, seen)

    def test_multi_company(self):
        seen = self._visible(self.anna, "crm.traffic.light.segment")
        self.assertNotIn(self.other, seen, "other company not allowed")
        seen = self._visible(
            self.anna, "crm.traffic.light.segment", self.company | self.other_company
        )
        self.assertIn(self.other, seen)

    def test_salesperson_opens_every_list(self):
        """Each menu of the feature opens for a salesperson (views, fields, rules)."""
        actions = (
            "action_traffic_light_segments",
            "action_traffic_light_sleeping",
            "action_traffic_light_incomplete",
            "action_traffic_light_contact_report",
            "action_traffic_light_duplicates",
            "action_traffic_light_segment_history",
        )
        for xmlid in actions:
            action = self.env.ref(f"crm_traffic_light_segment.{xmlid}")
            Model = self.env[action.res_model].with_user(self.anna)
            views = Model.get_views([(False, "list"), (False, "search")])
            fields_spec = {name: {} for name in views["models"][action.res_model]["fields"]}
            records = Model.web_search_read([], fields_spec)["records"]
            partner_ids = {
                record[key]["id"] if isinstance(record[key], dict) else record[key]
                for record in records
                for key in ("partner_id", "partner1_id", "partner2_id")
                if record.get(key)
            }
            self.assertFalse(partner_ids & set(self.boris_customers.ids), xmlid)
            self.assertTrue(partner_ids & set(self.anna_customers.ids), xmlid)
