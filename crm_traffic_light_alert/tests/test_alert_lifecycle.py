# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import mute_logger

from .common import (
    AlertCase,
    create_customer,
    create_sales_manager,
    create_salesperson,
    create_team,
    load_languages,
    make_result,
    sync_flags,
)


@tagged("post_install", "-at_install")
class TestAlertLifecycle(AlertCase):
    def test_orange_alert_proposes_activities_to_the_salesperson(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        self.assertEqual(len(alert), 1)
        self.assertEqual(alert.flag, "orange")
        self.assertEqual(alert.state, "new")
        self.assertEqual(alert.user_id, self.salesperson)
        self.assertEqual(alert.manager_id, self.manager)
        self.assertEqual(alert.main_indicator_code, "last_order")
        self.assertIn("Days since the last order", alert.explanation_html)
        self.assertEqual(alert.cause_summary, "Days since the last order")
        own = self.activities(alert, self.salesperson)
        self.assertEqual(
            own.mapped("summary"),
            [
                "Customer at risk: read the alert",
                "Contact the customer and explain (call or e-mail)",
                "Note the reason from the list",
                "Recovery plan: change the classification or set a sales plan",
            ],
        )
        self.assertEqual(
            own.filtered(lambda a: "Contact" in a.summary).activity_type_id,
            self.env.ref("mail.mail_activity_data_call"),
        )
        self.assertFalse(self.activities(alert, self.manager), "orange: manager not involved")
        self.assertIn(self.salesperson.partner_id, alert.message_partner_ids)

    def test_red_alert_involves_the_manager(self):
        sync_flags(self.env, self.company, {self.customer: "red"})
        alert = self.open_alert()
        self.assertEqual(alert.flag, "red")
        self.assertTrue(alert.date_red)
        self.assertEqual(len(self.activities(alert, self.salesperson)), 5)
        manager_activities = self.activities(alert, self.manager)
        self.assertEqual(len(manager_activities), 1)
        self.assertIn("review the recovery", manager_activities.summary)
        self.assertIn(self.manager.partner_id, alert.message_partner_ids)

    def test_playbook_activities_read_in_the_assignees_language(self):
        """A red alert: the Polish salesperson's steps read in Polish, the Russian manager's
        in Russian, whoever runs the engine (here: English)."""
        load_languages(self.env, "pl_PL", "ru_RU")
        self.salesperson.lang = "pl_PL"
        self.manager.lang = "ru_RU"
        sync_flags(self.env(context=dict(self.env.context, lang="en_US")), self.company,
                   {self.customer: "red"})  # fmt: skip
        alert = self.open_alert()
        own = self.activities(alert, self.salesperson)
        self.assertIn("Klient zagrożony: przeczytaj alert", own.mapped("summary"))
        self.assertIn("Obowiązkowo: zamknij alert z przyczyną i notatką", own.mapped("summary"))
        self.assertIn("Zadzwoń lub napisz do klienta", "".join(own.mapped("note")))
        managers = self.activities(alert, self.manager)
        self.assertEqual(
            managers.mapped("summary"),
            ["Красный клиент: обсудите с менеджером план возврата"],
        )

    def test_manager_from_sales_team_or_customer(self):
        other_leader = create_sales_manager(self.env, "alert_other_leader")
        explicit = create_customer(self.env, "Explicit Manager Customer", self.salesperson)
        explicit.traffic_light_manager_id = other_leader
        no_team_sales = create_salesperson(self.env, "alert_no_team")
        orphan = create_customer(self.env, "No Team Customer", no_team_sales)
        sync_flags(
            self.env,
            self.company,
            {self.customer: "red", explicit: "red", orphan: "red"},
        )
        self.assertEqual(self.open_alert().manager_id, self.manager)
        self.assertEqual(self.open_alert(explicit).manager_id, other_leader)
        orphan_alert = self.open_alert(orphan)
        self.assertFalse(orphan_alert.manager_id)
        self.assertEqual(self.activities(orphan_alert, other_leader).ids, [])
        self.assertIn("nobody to assign", "".join(orphan_alert.message_ids.mapped("body")))

    def test_rerun_creates_nothing_new(self):
        sync_flags(self.env, self.company, {self.customer: "red"})
        alert = self.open_alert()
        activities = self.activities(alert)
        messages = alert.message_ids
        result = sync_flags(self.env, self.company, {self.customer: "red"})
        self.assertFalse(result["created"] | result["upgraded"] | result["resolved"])
        self.assertEqual(self.open_alert(), alert)
        self.assertEqual(self.activities(alert), activities)
        self.assertEqual(alert.message_ids, messages)
        self.assertEqual(self.Alert.search_count([("partner_id", "=", self.customer.id)]), 1)

    def test_one_open_alert_per_customer_and_company_in_database(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError), self.cr.savepoint():
            self.Alert.create(
                {"partner_id": self.customer.id, "company_id": self.company.id, "flag": "red"}
            )

    def test_upgrade_orange_to_red(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        self.assertFalse(self.activities(alert, self.manager))
        result = sync_flags(self.env, self.company, {self.customer: "red"})
        self.assertEqual(result["upgraded"], alert)
        self.assertEqual(self.open_alert(), alert, "the same alert is upgraded")
        self.assertEqual(alert.flag, "red")
        self.assertTrue(alert.date_red)
        self.assertEqual(len(self.activities(alert, self.manager)), 1)
        self.assertEqual(len(self.activities(alert, self.salesperson)), 5)
        # red going back to orange keeps the red episode (its actions stay mandatory)
        sync_flags(self.env, self.company, {self.customer: "orange"})
        self.assertEqual(alert.flag, "red")
        self.assertEqual(len(self.activities(alert)), 6)

    def test_auto_resolve_on_green_cancels_generated_activities(self):
        sync_flags(self.env, self.company, {self.customer: "red"})
        alert = self.open_alert()
        manual = alert.activity_schedule(
            "mail.mail_activity_data_todo",
            summary="Manual follow-up",
            automated=False,
            user_id=self.salesperson.id,
        )
        result = sync_flags(self.env, self.company, {self.customer: "green"})
        self.assertEqual(result["resolved"], alert)
        self.assertEqual(alert.state, "auto_resolved")
        self.assertTrue(alert.date_closed)
        self.assertEqual(self.activities(alert), manual, "only generated activities cancelled")
        body = alert.message_ids[0].body
        self.assertIn("back to green", body)
        self.assertIn("Contact the customer and explain", body)
        self.assertIn("closed automatically", self.customer.message_ids[0].body)
        # a new deviation opens a new episode
        sync_flags(self.env, self.company, {self.customer: "orange"})
        self.assertNotEqual(self.open_alert(), alert)
        self.assertEqual(self.Alert.search_count([("partner_id", "=", self.customer.id)]), 2)

    def test_orange_alert_can_be_closed_without_actions(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert().with_user(self.salesperson)
        alert.action_resolve()
        self.assertEqual(alert.state, "resolved")
        self.assertTrue(alert.date_closed)
        self.assertGreaterEqual(alert.handling_hours, 0.0)
        self.assertFalse(self.activities(alert))

    def test_red_alert_needs_reason_and_note(self):
        sync_flags(self.env, self.company, {self.customer: "red"})
        alert = self.open_alert().with_user(self.salesperson)
        with self.assertRaisesRegex(UserError, "Choose a reason from the list and write a note"):
            alert.action_resolve()
        alert.reason_id = self.reason
        with self.assertRaisesRegex(UserError, r"missing: a note"):
            alert.action_resolve()
        self.assertEqual(alert.state, "in_progress", "writing a reason starts the handling")
        self.assertTrue(alert.date_first_action)
        alert.note = "Competitor offered 10% less; we matched the price."
        alert.action_resolve()
        self.assertEqual(alert.state, "resolved")
        self.assertIn("Price or competitor offer", self.customer.message_ids[0].body)

    def test_red_alert_without_any_reason_configured(self):
        sync_flags(self.env, self.company, {self.customer: "red"})
        self.env["crm.traffic.light.alert.reason"].search([]).action_archive()
        alert = self.open_alert()
        alert.note = "Called."
        with self.assertRaisesRegex(UserError, "no reason is configured"):
            alert.action_resolve()

    def test_done_activity_is_the_first_action(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        activity = self.activities(alert, self.salesperson)[1]
        activity.with_user(self.salesperson).action_feedback(feedback="Called them")
        self.assertEqual(alert.state, "in_progress")
        self.assertTrue(alert.date_first_action)

    def test_escalation_of_overdue_alerts(self):
        self.company.traffic_light_escalation_days = 3
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        today = fields.Date.context_today(self.Alert)
        self.assertFalse(self.Alert._escalate_overdue(self.company, today + timedelta(days=3)))
        escalated = self.Alert._escalate_overdue(self.company, today + timedelta(days=4))
        self.assertEqual(escalated, alert)
        self.assertEqual(alert.state, "escalated")
        self.assertTrue(alert.date_escalated)
        manager_activity = self.activities(alert, self.manager)
        self.assertEqual(manager_activity.summary, "Escalated alert: the actions are overdue")
        # escalation happens once
        self.assertFalse(self.Alert._escalate_overdue(self.company, today + timedelta(days=9)))
        self.assertEqual(len(self.activities(alert, self.manager)), 1)

    def test_negative_escalation_days_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.traffic_light_escalation_days = -1

    def test_snooze_and_expiry(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        self.env.flush_all()
        self.env.cr.precommit.run()  # as if the engine's batch was committed
        alert = self.open_alert().with_user(self.salesperson)
        today = fields.Date.context_today(self.Alert)
        wizard = (
            self.env["crm.traffic.light.alert.snooze"]
            .with_user(self.salesperson)
            .create(
                {
                    "alert_ids": [(6, 0, alert.ids)],
                    "date_until": today + timedelta(days=10),
                    "reason": "Customer on holiday",
                }
            )
        )
        wizard.action_snooze()
        self.assertTrue(alert.is_snoozed)
        self.assertIn(alert, self.Alert.search([("is_snoozed", "=", True)]))
        self.assertTrue(
            all(
                d >= today + timedelta(days=10)
                for d in self.activities(alert).mapped("date_deadline")
            ),
            "generated activities wait with the alert",
        )
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking messages are written at commit
        self.env.invalidate_all()
        tracked = alert.sudo().message_ids.tracking_value_ids.mapped("field_id.name")
        self.assertIn("snooze_reason", tracked)
        # no escalation while snoozed
        self.assertFalse(self.Alert._escalate_overdue(self.company, today + timedelta(days=9)))
        self.assertFalse(self.Alert._expire_snoozes(today + timedelta(days=10)))
        self.assertEqual(self.Alert._expire_snoozes(today + timedelta(days=11)), alert)
        self.assertFalse(alert.snoozed_until)
        self.assertIn("snooze has expired", alert.message_ids[0].body)

    def test_snooze_needs_reason_and_future_date(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        today = fields.Date.context_today(self.Alert)
        with self.assertRaisesRegex(UserError, "reason"):
            alert._snooze(today + timedelta(days=3), " ")
        with self.assertRaisesRegex(UserError, "future"):
            alert._snooze(today, "Holiday")

    def test_upgrade_to_red_ends_snooze(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        alert._snooze(fields.Date.context_today(self.Alert) + timedelta(days=5), "Holiday")
        sync_flags(self.env, self.company, {self.customer: "red"})
        self.assertFalse(alert.is_snoozed)

    def test_cron_runs(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        self.env.ref(
            "crm_traffic_light_alert.ir_cron_traffic_light_alert_escalation"
        ).method_direct_trigger()
        self.assertEqual(self.open_alert().state, "new")

    def test_batch_is_set_based(self):
        """The number of queries of each step does not grow with the number of customers."""
        small = [create_customer(self.env, f"Small {i}", self.salesperson) for i in range(3)]
        large = [create_customer(self.env, f"Large {i}", self.salesperson) for i in range(30)]

        def count(customers, flag):
            results = {c.id: make_result(flag, turnover=flag) for c in customers}
            self.env.flush_all()
            self.env.cr.precommit.run()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            self.Alert._sync_from_results(self.company, results)
            self.env.flush_all()
            self.env.cr.precommit.run()
            return self.cr.sql_log_count - before

        warm_up = [create_customer(self.env, "Warm-up", self.salesperson)]
        for flag in ("orange", "red", "green"):
            count(warm_up, flag)  # caches (plans, models, translations) filled once
            # 27 more customers, a handful more queries at most (never one per customer)
            self.assertLessEqual(count(large, flag), count(small, flag) + 5, flag)
        self.assertLessEqual(count(large, "green"), 3, "rerun")

    def test_creation_queries_do_not_grow_per_partner_reads(self):
        customers = [create_customer(self.env, f"Batch {i}", self.salesperson) for i in range(20)]
        result = sync_flags(self.env, self.company, dict.fromkeys(customers, "red"))
        self.assertEqual(len(result["created"]), 20)
        self.assertEqual(len(self.activities(result["created"])), 20 * 6)

    def test_changing_the_salesperson_proposes_their_team_leader(self):
        other_leader = create_sales_manager(self.env, "alert_leader_2")
        other_sales = create_salesperson(self.env, "alert_sales_2")
        create_team(self.env, "Second Team", other_leader, other_sales)
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert()
        with Form(alert) as form:
            form.user_id = other_sales
            self.assertEqual(form.manager_id, other_leader)

    def test_recovery_sales_plan_from_the_alert(self):
        sync_flags(self.env, self.company, {self.customer: "orange"})
        alert = self.open_alert().with_user(self.salesperson)
        action = alert.action_new_sales_plan()
        plan = (
            self.env["crm.traffic.light.sales.plan"]
            .with_user(self.salesperson)
            .with_context(**action["context"])
            .create(
                {
                    "target_amount": 5000.0,
                    "date_control": fields.Date.context_today(self.Alert) + timedelta(days=60),
                }
            )
        )
        self.assertEqual(plan.partner_id, self.customer)
        self.assertEqual(alert.sales_plan_ids, plan)
        alert.write({"recovery_type": "sales_plan", "recovery_note": "5000 by the end of Q1"})
        self.assertEqual(alert.state, "in_progress")
