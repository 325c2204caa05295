# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase, tagged

from .common import create_customer


@tagged("post_install", "-at_install")
class TestCompleteness(TransactionCase):
    def test_percentage_of_key_fields(self):
        full = self.env["res.partner"].create(
            {
                "name": "Full Card",
                "email": "full@example.com",
                "phone": "+48 600 000 000",
                "vat": "PL5260001246",
                "street": "Main 1",
                "city": "Warszawa",
                "country_id": self.env.ref("base.pl").id,
                "user_id": self.env.user.id,
                "industry_id": self.env["res.partner.industry"].create({"name": "Retail"}).id,
            }
        )
        partial = self.env["res.partner"].create({"name": "Thin Card", "email": "a@b.pl"})
        self.assertEqual(full.data_completeness, 100)
        self.assertEqual(partial.data_completeness, 13, "1 of 8 key fields")
        partial.phone = "123456789"
        self.assertEqual(partial.data_completeness, 25)
        found = self.env["res.partner"].search(
            [("data_completeness", "<", 100), ("id", "in", (full | partial).ids)]
        )
        self.assertEqual(found, partial)
        # fewer key fields: recomputed for every card
        self.env.ref("crm_traffic_light_segment.completeness_field_industry").unlink()
        self.env.ref("crm_traffic_light_segment.completeness_field_user").unlink()
        self.assertEqual(partial.data_completeness, 33, "2 of 6 key fields")
        self.assertEqual(full.data_completeness, 100)

    def test_key_field_must_be_stored_scalar(self):
        with self.assertRaises(ValidationError):
            self.env["crm.traffic.light.completeness.field"].create(
                {"field_id": self.env.ref("base.field_res_partner__child_ids").id}
            )


@tagged("post_install", "-at_install")
class TestPotential(TransactionCase):
    def test_potential_scale(self):
        customer = create_customer(self.env, "Potential Customer")
        self.assertEqual(customer.potential, 0)
        customer.potential_step_id = self.env.ref("crm_traffic_light_segment.potential_step_75")
        self.assertEqual(customer.potential, 75)
        self.assertIn(customer, self.env["res.partner"].search([("potential", ">=", 75)]))
        with self.assertRaises(ValidationError):
            self.env["crm.traffic.light.potential.step"].create({"name": "Too", "percent": 120})

    def test_open_opportunities(self):
        customer = create_customer(self.env, "Lead Customer")
        Lead = self.env["crm.lead"]
        Lead.create({"name": "Open", "type": "opportunity", "partner_id": customer.id})
        won = Lead.create({"name": "Won", "type": "opportunity", "partner_id": customer.id})
        won.action_set_won()
        Lead.create(
            {"name": "Lost", "type": "opportunity", "partner_id": customer.id}
        ).action_archive()
        customer.invalidate_recordset()
        self.assertEqual(customer.open_opportunity_count, 1)

    def test_initiator_and_attempts_without_answer(self):
        customer = create_customer(self.env, "Engagement Customer")
        no_answer = self.env.ref("crm_traffic_light_segment.mail_activity_type_no_answer")
        call = self.env.ref("mail.mail_activity_data_call")
        now = datetime.now()

        def message(days_ago, **vals):
            self.env["mail.message"].create(
                {
                    "model": "res.partner",
                    "res_id": customer.id,
                    "date": now - timedelta(days=days_ago),
                    "body": "x",
                    **vals,
                }
            )
            customer.invalidate_recordset()

        self.assertFalse(customer.last_contact_initiator)
        message(10, message_type="notification", mail_activity_type_id=call.id)
        self.assertEqual(customer.last_contact_initiator, "us")
        message(8, message_type="email", author_id=customer.id)
        self.assertEqual(customer.last_contact_initiator, "customer")
        message(5, message_type="notification", mail_activity_type_id=no_answer.id)
        message(3, message_type="notification", mail_activity_type_id=no_answer.id)
        self.assertEqual(customer.unanswered_contact_count, 2)
        self.assertEqual(customer.last_contact_initiator, "customer", "no answer is no contact")
        message(1, message_type="notification", mail_activity_type_id=call.id)
        self.assertEqual(customer.unanswered_contact_count, 0)
        self.assertEqual(customer.last_contact_initiator, "us")
