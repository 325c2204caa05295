# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import (
    AlertCase,
    create_customer,
    create_sales_manager,
    create_salesperson,
    create_team,
    sync_flags,
)


@tagged("post_install", "-at_install")
class TestAlertSecurity(AlertCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_sales = create_salesperson(cls.env, "alert_other_sales")
        cls.other_manager = create_sales_manager(cls.env, "alert_other_manager")
        create_team(cls.env, "Other Team", cls.other_manager, cls.other_sales)
        cls.other_customer = create_customer(cls.env, "Other Team Customer", cls.other_sales)
        sync_flags(cls.env, cls.company, {cls.customer: "red", cls.other_customer: "orange"})
        cls.alert = cls.Alert.search([("partner_id", "=", cls.customer.id)])
        cls.other_alert = cls.Alert.search([("partner_id", "=", cls.other_customer.id)])

    def visible(self, user):
        return self.Alert.with_user(user).search([])

    def test_salesperson_sees_and_handles_own_alerts_only(self):
        self.assertEqual(self.visible(self.salesperson), self.alert)
        self.assertEqual(self.visible(self.other_sales), self.other_alert)
        with self.assertRaises(AccessError):
            self.other_alert.with_user(self.salesperson).read(["flag"])
        alert = self.alert.with_user(self.salesperson)
        alert.write({"reason_id": self.reason.id, "note": "Visited the customer."})
        alert.action_resolve()
        self.assertEqual(alert.state, "resolved")

    def test_salesperson_cannot_delete_alerts_or_change_what_the_engine_sets(self):
        alert = self.alert.with_user(self.salesperson)
        with self.assertRaises(AccessError):
            alert.unlink()
        with self.assertRaisesRegex(AccessError, "Only sales managers"):
            alert.write({"flag": "orange"})
        with self.assertRaisesRegex(AccessError, "Only sales managers"):
            alert.write({"user_id": self.other_sales.id})
        with self.assertRaisesRegex(AccessError, "through its buttons"):
            alert.write({"state": "resolved"})
        with self.assertRaises(AccessError):
            self.other_alert.with_user(self.salesperson).action_resolve()
        with self.assertRaises(AccessError):
            self.other_alert.with_user(self.salesperson).action_start()
        with self.assertRaises(AccessError):
            self.Alert.with_user(self.salesperson).create(
                {"partner_id": self.customer.id, "flag": "red"}
            )

    def test_salesperson_cannot_change_reasons_playbooks_or_overrides(self):
        Reason = self.env["crm.traffic.light.alert.reason"].with_user(self.salesperson)
        self.assertTrue(Reason.search([]), "reasons are readable to pick one")
        with self.assertRaises(AccessError):
            Reason.create({"name": "My own reason"})
        with self.assertRaises(AccessError):
            self.reason.with_user(self.salesperson).name = "Renamed"
        template = self.env.ref("crm_traffic_light_alert.activity_plan_alert_orange_contact")
        with self.assertRaises(AccessError):
            template.with_user(self.salesperson).summary = "Skip it"
        with self.assertRaises(AccessError):
            self.env["crm.traffic.light.override"].with_user(self.salesperson).create(
                {
                    "partner_id": self.customer.id,
                    "flag": "green",
                    "reason": "I say so",
                    "date_expiry": "2099-01-01",
                }
            )

    def test_manager_sees_team_alerts_only(self):
        self.assertEqual(self.visible(self.manager), self.alert)
        self.assertEqual(self.visible(self.other_manager), self.other_alert)
        alert = self.alert.with_user(self.manager)
        alert.write({"manager_id": self.manager.id, "reason_id": self.reason.id, "note": "ok"})
        alert.action_resolve()
        self.assertEqual(alert.state, "resolved")
        with self.assertRaises(AccessError):
            alert.unlink()

    def test_explicit_manager_sees_the_alert(self):
        self.other_customer.traffic_light_manager_id = self.manager
        self.other_alert.manager_id = self.manager
        self.assertIn(self.other_alert, self.visible(self.manager))

    def test_manager_edits_reasons_and_playbooks(self):
        reason = (
            self.env["crm.traffic.light.alert.reason"]
            .with_user(self.manager)
            .create({"name": "Bad weather"})
        )
        self.assertTrue(reason.exists())
        template = self.env.ref("crm_traffic_light_alert.activity_plan_alert_orange_contact")
        template.with_user(self.manager).delay_count = 1
        self.assertEqual(template.delay_count, 1)
        plan = (
            self.env["mail.activity.plan"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Key account playbook",
                    "res_model": "crm.traffic.light.alert",
                    "template_ids": [
                        (
                            0,
                            0,
                            {
                                "summary": "Visit the customer",
                                "responsible_type": "traffic_light_salesperson",
                            },
                        )
                    ],
                }
            )
        )
        self.company.traffic_light_orange_plan_id = plan
        customer = create_customer(self.env, "Key Account", self.salesperson)
        result = sync_flags(self.env, self.company, {customer: "orange"})
        self.assertEqual(
            self.activities(result["created"]).mapped("summary"), ["Visit the customer"]
        )

    def test_admin_sees_everything(self):
        admin = new_test_user(
            self.env, login="alert_admin", groups="crm_traffic_light_core.group_traffic_light_admin"
        )
        self.assertEqual(self.visible(admin), self.alert | self.other_alert)

    def test_customer_form_counts_open_alerts(self):
        customer = self.customer.with_user(self.salesperson)
        self.assertEqual(customer.traffic_light_alert_count, 1)
        action = customer.action_view_traffic_light_alerts()
        self.assertEqual(self.Alert.search(action["domain"]), self.alert)
        self.assertEqual(
            self.other_customer.with_user(self.salesperson).traffic_light_alert_count, 0
        )


@tagged("post_install", "-at_install")
class TestAlertMultiCompany(AlertCase):
    def test_companies_are_isolated(self):
        company_b = self.env["res.company"].create({"name": "Alert Company B"})
        sales_b = new_test_user(
            self.env,
            login="alert_sales_b",
            groups="sales_team.group_sale_salesman",
            company_id=company_b.id,
            company_ids=[(6, 0, company_b.ids)],
        )
        self.customer.user_id = sales_b  # shared partner, one salesperson
        sync_flags(self.env, self.company, {self.customer: "red"})
        sync_flags(self.env, company_b, {self.customer: "orange"})
        alerts = self.Alert.search([("partner_id", "=", self.customer.id)])
        self.assertEqual(len(alerts), 2, "one open alert per customer and company")
        alert_a = alerts.filtered(lambda a: a.company_id == self.company)
        alert_b = alerts - alert_a
        self.assertEqual((alert_a.flag, alert_b.flag), ("red", "orange"))
        # the salesperson of company B sees only company B's alert
        self.assertEqual(self.Alert.with_user(sales_b).search([]), alert_b)
        with self.assertRaises(AccessError):
            alert_a.with_user(sales_b).read(["flag"])
        # an administrator of both companies working in company A does not see company B's
        admin = new_test_user(
            self.env,
            login="alert_admin_ab",
            groups="crm_traffic_light_core.group_traffic_light_admin",
            company_ids=[(6, 0, (self.company | company_b).ids)],
        )
        Alert = self.Alert.with_user(admin)
        domain = [("partner_id", "=", self.customer.id)]
        self.assertEqual(
            Alert.with_context(allowed_company_ids=self.company.ids).search(domain), alert_a
        )
        self.assertEqual(
            Alert.with_context(allowed_company_ids=company_b.ids).search(domain), alert_b
        )
        # green in company B resolves only company B's alert
        sync_flags(self.env, company_b, {self.customer: "green"})
        self.assertEqual(alert_b.state, "auto_resolved")
        self.assertEqual(alert_a.state, "new")
        # the customer form counts the alerts of the current company
        self.assertEqual(
            self.customer.with_user(sales_b).with_company(company_b).traffic_light_alert_count, 0
        )
        self.assertEqual(self.customer.with_company(self.company).traffic_light_alert_count, 1)
