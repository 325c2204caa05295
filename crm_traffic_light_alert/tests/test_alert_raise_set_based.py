# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import tagged

from .common import AlertCase, ago, create_customer, create_orders, make_result, sync_flags

RUN = {"traffic_light_full_run": True}


@tagged("post_install", "-at_install")
class TestAlertRaisedSetBased(AlertCase):
    """Alerts are raised in a few INSERTs per batch; a user sees them as before: the
    salesperson and manager on the alert, its creation note, the salesperson following it,
    the note on the customer linking to it."""

    def test_alert_chatter_followers_and_customer_note(self):
        result = sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        self.assertEqual(result["created"], alert)
        self.assertEqual((alert.state, alert.flag), ("new", "orange"))
        self.assertEqual(alert.create_uid, self.env.user)
        self.assertEqual((alert.response_hours, alert.handling_days), (0.0, 0.0))
        # the salesperson follows the alert (default subtypes), nobody else was added
        self.assertEqual(alert.message_partner_ids, self.salesperson.partner_id)
        follower = alert.message_follower_ids
        self.assertIn(self.env.ref("mail.mt_comment"), follower.subtype_ids)
        # creation note, as the ORM logs it for a record created with its people set
        created = alert.message_ids.filtered(lambda m: "Alert created" in m.body)
        self.assertEqual(len(created), 1)
        self.assertEqual(created.subtype_id, self.env.ref("mail.mt_note"))
        self.assertEqual(created.message_type, "notification")
        self.assertEqual(created.author_id, self.env.user.partner_id)
        self.assertFalse(created.sudo().tracking_value_ids)
        # the playbook note comes after it (one batch of customers: launched at once)
        self.assertIn("Playbook", alert.message_ids[0].body)
        # the customer's chatter links to the alert
        note = self.customer.message_ids[0]
        self.assertIn("Traffic light alert raised (Orange): Days since the last order", note.body)
        self.assertIn(f'data-oe-id="{alert.id}"', note.body)
        self.assertIn('data-oe-model="crm.traffic.light.alert"', note.body)
        self.assertEqual(note.subtype_id, self.env.ref("mail.mt_note"))
        # the salesperson reads both, and is not notified (the activities tell them)
        own = alert.with_user(self.salesperson)
        self.assertIn(created, own.message_ids)
        self.assertIn(note, self.customer.with_user(self.salesperson).message_ids)
        self.assertFalse(
            self.env["mail.notification"].search(
                [("mail_message_id", "in", (alert.message_ids | note).ids)]
            )
        )

    def test_customer_without_salesperson_or_manager(self):
        orphan = create_customer(self.env, "Nobody's Customer")
        sync_flags(self.env, self.company, {orphan: "red"})
        alert = self.open_alert(orphan)
        self.assertFalse(alert.user_id | alert.manager_id)
        self.assertFalse(alert.message_partner_ids)
        created = alert.message_ids.filtered(lambda m: "Alert created" in m.body)
        self.assertEqual(len(created), 1)
        self.assertTrue(alert.date_red)

    def test_archived_salesperson_is_not_assigned(self):
        customer = create_customer(self.env, "Former Salesperson's Customer", self.salesperson)
        self.salesperson.active = False
        sync_flags(self.env, self.company, {customer: "orange"})
        alert = self.open_alert(customer)
        self.assertFalse(alert.user_id)
        self.assertFalse(alert.message_partner_ids)

    def test_alert_opened_meanwhile_is_not_duplicated(self):
        """Another transaction raised the customer's alert first: the batch skips it."""
        other = self.Alert.create(
            {"partner_id": self.customer.id, "company_id": self.company.id, "flag": "orange"}
        )
        alerts = self.Alert._create_alerts(
            self.company, {self.customer.id: make_result("red", last_order="red")}
        )
        self.assertFalse(alerts)
        self.assertEqual(self.open_alert(), other)
        self.assertEqual(other.flag, "orange")


@tagged("post_install", "-at_install")
class TestAlertPlaybookRunBudget(AlertCase):
    """A full run launches at most ``alert_playbook_run_limit`` playbooks over all its
    batches; the others wait for the playbook cron, which launches each exactly once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        params = cls.env["ir.config_parameter"].sudo()
        params.set_param("crm_traffic_light.alert_playbook_batch_limit", "2")
        params.set_param("crm_traffic_light.alert_playbook_run_limit", "3")
        cls.customers = [
            create_customer(cls.env, f"Run Customer {i}", cls.salesperson) for i in range(9)
        ]

    def launched(self, customers):
        alerts = self.Alert.search([("partner_id", "in", [c.id for c in customers])])
        return alerts.filtered(lambda a: a.activity_ids and not a.playbook_pending)

    def test_budget_spans_the_batches_of_a_run(self):
        self.company.traffic_light_run_playbooks = 0
        env = self.env(context=dict(self.env.context, **RUN))
        batches = [self.customers[0:3], self.customers[3:6], self.customers[6:9]]
        expected = [2, 1, 0]  # 2 = the bound of a batch, then what is left of the run's 3
        for batch, count in zip(batches, expected, strict=True):
            sync_flags(env, self.company, dict.fromkeys(batch, "orange"))
            self.assertEqual(len(self.launched(batch)), count)
        self.assertEqual(self.company.traffic_light_run_playbooks, 3)
        alerts = self.Alert.search([("partner_id", "in", [c.id for c in self.customers])])
        pending = alerts.filtered("playbook_pending")
        self.assertEqual(len(pending), 6)
        # every alert raised is visible at once; the cron launches the rest exactly once
        self.assertEqual(len(alerts), 9)
        self.assertEqual(self.Alert._launch_pending_playbooks(), 6)
        per_alert = len(alerts[0].activity_ids)
        for alert in alerts:
            self.assertEqual(len(alert.activity_ids), per_alert)
        self.assertEqual(self.Alert._launch_pending_playbooks(), 0)

    def test_upgrades_count_in_the_budget(self):
        self.company.traffic_light_run_playbooks = 0
        sync_flags(self.env, self.company, dict.fromkeys(self.customers[:2], "orange"))
        env = self.env(context=dict(self.env.context, **RUN))
        red = self.customers[:2] + self.customers[2:4]
        sync_flags(env, self.company, dict.fromkeys(red, "red"))
        # 2 new red alerts launched (bound of the batch), the 2 upgrades wait
        self.assertEqual(self.company.traffic_light_run_playbooks, 2)
        upgraded = self.Alert.search(
            [("partner_id", "in", [c.id for c in self.customers[:2]]), ("is_open", "=", True)]
        )
        self.assertEqual(set(upgraded.mapped("playbook_pending")), {"upgraded"})
        sync_flags(env, self.company, {self.customers[4]: "red"})
        self.assertEqual(self.company.traffic_light_run_playbooks, 3)
        self.assertEqual(len(self.launched(self.customers[4:5])), 1)

    def test_outside_a_full_run_only_the_batch_bound_applies(self):
        self.company.traffic_light_run_playbooks = 50
        sync_flags(self.env, self.company, dict.fromkeys(self.customers[:3], "orange"))
        self.assertEqual(len(self.launched(self.customers[:3])), 2)
        self.assertEqual(self.company.traffic_light_run_playbooks, 50)

    def test_full_run_starts_a_new_budget(self):
        customer = create_customer(self.env, "Sleeping Run Customer", self.salesperson)
        create_orders(self.env, customer, ago(400), 100.0)
        self.company.traffic_light_run_playbooks = 3  # budget spent by an earlier run
        self.env["crm.traffic.light.engine"]._full_run(self.company)
        alert = self.open_alert(customer)
        self.assertEqual(alert.flag, "red")
        self.assertFalse(alert.playbook_pending)
        self.assertTrue(alert.activity_ids)
        self.assertGreaterEqual(self.company.traffic_light_run_playbooks, 1)
        # the snapshot was copied from the status the engine had just stored
        status = self.env["crm.traffic.light.status"].search(
            [("partner_id", "=", customer.id), ("company_id", "=", self.company.id)]
        )
        self.assertEqual(alert.indicator_snapshot, status.indicator_values)
        self.assertEqual(alert.main_indicator_code, "last_order")
        self.assertIn("Days since the last order", alert.cause_summary)
        self.assertIn("Days since the last order", alert.explanation_html)
        self.assertIn("Days since the last order", customer.message_ids[0].body)
