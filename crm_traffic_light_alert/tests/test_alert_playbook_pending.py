# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from unittest.mock import patch

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import AlertCase, create_customer, sync_flags


@tagged("post_install", "-at_install")
class TestAlertPlaybookPending(AlertCase):
    """Beyond the per-batch bound, playbooks wait for the playbook cron, exactly once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["ir.config_parameter"].sudo().set_param(
            "crm_traffic_light.alert_playbook_batch_limit", "2"
        )
        cls.customers = [
            create_customer(cls.env, f"Batch Customer {i}", cls.salesperson) for i in range(5)
        ]
        cls.cron = cls.env.ref("crm_traffic_light_alert.ir_cron_traffic_light_alert_playbooks")

    def alerts_of(self, customers):
        return self.Alert.search(
            [("partner_id", "in", [c.id for c in customers]), ("is_open", "=", True)],
            order="id",
        )

    def run_cron(self):
        """What the cron does, in the test's transaction (the cron commits each batch)."""
        return self.Alert._launch_pending_playbooks()

    def test_cron_is_scheduled_every_five_minutes(self):
        self.assertTrue(self.cron.active)
        self.assertEqual((self.cron.interval_number, self.cron.interval_type), (5, "minutes"))

    def test_cron_commits_each_batch(self):
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        self.assertEqual(len(self.alerts_of(self.customers).filtered("playbook_pending")), 3)
        # The test transaction must stay open: the cron's commits are only counted.
        with patch.object(self.env.cr, "commit") as commit:
            self.cron.method_direct_trigger()
        self.assertTrue(commit.called)
        alerts = self.alerts_of(self.customers)
        self.assertFalse(alerts.filtered("playbook_pending"))
        self.assertTrue(all(alert.activity_ids for alert in alerts))

    def test_small_batch_launches_at_once(self):
        sync_flags(self.env, self.company, dict.fromkeys(self.customers[:2], "orange"))
        alerts = self.alerts_of(self.customers[:2])
        self.assertEqual(len(alerts), 2)
        self.assertFalse(alerts.filtered("playbook_pending"))
        self.assertTrue(all(alert.activity_ids for alert in alerts))
        self.assertEqual(self.run_cron(), 0)

    def test_batch_over_the_bound_leaves_the_rest_pending(self):
        result = sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        self.assertEqual(len(result["created"]), 5)
        alerts = self.alerts_of(self.customers)
        launched = alerts.filtered(lambda a: not a.playbook_pending)
        pending = alerts - launched
        self.assertEqual(len(launched), 2)
        self.assertEqual(len(pending), 3)
        self.assertEqual(set(pending.mapped("playbook_pending")), {"raised"})
        self.assertTrue(all(alert.activity_ids for alert in launched))
        self.assertFalse(self.activities(pending))
        # the salesperson sees the alert raised even before its activities exist
        own = self.Alert.with_user(self.salesperson).search([("id", "in", pending.ids)])
        self.assertEqual(own, pending)
        per_alert = len(launched[0].activity_ids)
        # the cron creates the missing activities, exactly once
        self.assertEqual(self.run_cron(), 3)
        self.assertFalse(alerts.filtered("playbook_pending"))
        for alert in pending:
            self.assertEqual(len(alert.activity_ids), per_alert)
        count = len(self.activities(alerts))
        self.assertEqual(count, 5 * per_alert)
        self.assertEqual(self.run_cron(), 0)
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        self.assertEqual(len(self.activities(alerts)), count)

    def test_resolved_pending_alert_gets_no_activities(self):
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        pending = self.alerts_of(self.customers).filtered("playbook_pending")
        back_to_green, closed_by_manager = pending[0], pending[1]
        sync_flags(self.env, self.company, {back_to_green.partner_id: "green"})
        self.assertEqual(back_to_green.state, "auto_resolved")
        self.assertFalse(back_to_green.playbook_pending)
        closed_by_manager.with_user(self.manager).action_resolve()
        self.assertEqual(closed_by_manager.state, "resolved")
        self.assertEqual(self.run_cron(), 1)
        self.assertFalse(self.activities(back_to_green | closed_by_manager))
        self.assertTrue(pending[2].activity_ids)

    def test_pending_alert_turning_red_launches_red_plan_once(self):
        red_plan = self.company._traffic_light_alert_plan("red")
        orange_plan = self.company._traffic_light_alert_plan("orange")
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        pending = self.alerts_of(self.customers).filtered("playbook_pending")
        alert = pending[0]
        result = sync_flags(self.env, self.company, {alert.partner_id: "red"})
        self.assertEqual(result["upgraded"], alert)
        self.assertEqual(alert.flag, "red")
        # still waiting: the cron launches orange and red together
        self.assertEqual(alert.playbook_pending, "raised")
        self.assertFalse(alert.activity_ids)
        self.run_cron()
        expected = len(orange_plan.template_ids) + len(red_plan.template_ids)
        self.assertEqual(len(alert.activity_ids), expected)
        self.assertEqual(self.run_cron(), 0)
        self.assertEqual(len(alert.activity_ids), expected)

    def test_upgrades_over_the_bound_wait_for_the_red_plan(self):
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_traffic_light.alert_playbook_batch_limit", "10"
        )
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        alerts = self.alerts_of(self.customers)
        before = {alert.id: len(alert.activity_ids) for alert in alerts}
        self.env["ir.config_parameter"].sudo().set_param(
            "crm_traffic_light.alert_playbook_batch_limit", "2"
        )
        result = sync_flags(self.env, self.company, dict.fromkeys(self.customers, "red"))
        self.assertEqual(len(result["upgraded"]), 5)
        pending = alerts.filtered("playbook_pending")
        self.assertEqual(len(pending), 3)
        self.assertEqual(set(pending.mapped("playbook_pending")), {"upgraded"})
        for alert in pending:
            self.assertEqual(len(alert.activity_ids), before[alert.id])
        red_templates = len(self.company._traffic_light_alert_plan("red").template_ids)
        self.assertEqual(self.run_cron(), 3)
        self.assertEqual(self.run_cron(), 0)
        for alert in alerts:
            self.assertEqual(len(alert.activity_ids), before[alert.id] + red_templates)

    def test_salesperson_cannot_clear_the_pending_mark(self):
        sync_flags(self.env, self.company, dict.fromkeys(self.customers, "orange"))
        pending = self.alerts_of(self.customers).filtered("playbook_pending")[0]
        with self.assertRaises(AccessError):
            pending.with_user(self.salesperson).write({"playbook_pending": False})
        self.assertEqual(pending.playbook_pending, "raised")
