# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.mail import generate_tracking_message_id


class CrmTrafficLightAlertChatter(models.AbstractModel):
    """What the alerts write in the chatter: the salesperson as follower, the creation notes of
    new alerts and the notes on their customers, set-based. Inherited by the alert."""

    _name = "crm.traffic.light.alert.chatter"
    _description = "Customer Alert: Chatter"

    def _subscribe_salespeople(self):
        """The salesperson follows their new alerts with the default subtypes, as the
        ORM's auto-subscription of ``user_id`` would do (without notifying them: the
        activities tell them). One INSERT for the followers and their subtypes."""
        subtype_ids = self.env["mail.message.subtype"]._get_auto_subscription_subtypes(self._name)[
            1
        ]
        self.env.cr.execute(
            SQL(
                """
                WITH f AS (
                    INSERT INTO mail_followers (res_model, res_id, partner_id)
                    SELECT %(model)s, a.id, u.partner_id
                      FROM crm_traffic_light_alert a
                      JOIN res_users u ON u.id = a.user_id
                     WHERE a.id = ANY(%(ids)s) AND u.active AND u.partner_id IS NOT NULL
                        ON CONFLICT DO NOTHING
                 RETURNING id
                )
                INSERT INTO mail_followers_mail_message_subtype_rel
                       (mail_followers_id, mail_message_subtype_id)
                SELECT f.id, s.id FROM f CROSS JOIN unnest(%(subtypes)s::int[]) AS s(id)
                """,
                model=self._name,
                ids=self.ids,
                subtypes=list(subtype_ids),
            )
        )
        self.env["mail.followers"].invalidate_model()
        self.invalidate_recordset(["message_follower_ids", "message_partner_ids"])

    def _log_creation(self):
        """The creation note of new alerts, as ``mail.thread.create`` logs it (the
        salesperson and manager are set at creation: no tracking values, as with any record
        created with them)."""
        self._log_notes_sql(dict.fromkeys(self.ids, self[:1]._creation_message()))

    @api.model
    def _log_notes_sql(self, bodies, model=None):
        """Log internal notes ``{res_id: body}`` on records of ``model`` (default: alerts)
        in one INSERT, with the values ``mail.thread._message_log_batch`` gives them. The
        bodies are ``Markup`` built from escaped values, in the form the HTML sanitizer
        gives (double-quoted attributes); plain strings are escaped. Returns
        ``{res_id: message_id}``."""
        model = model or self._name
        Thread = self.env[model]
        Message = self.env["mail.message"]
        author_id, email_from = Thread._message_compute_author(None, None, raise_on_email=False)
        res_ids = list(bodies)
        # Markup built from escaped values is stored as it is (plain strings are escaped):
        # sanitizing each body again would cost more than the rest of the batch.
        texts = [str(escape(bodies[res_id])) for res_id in res_ids]
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO mail_message
                       (res_id, model, body, author_id, email_from, message_type, is_internal,
                        subtype_id, message_id, reply_to, email_add_signature, date,
                        create_uid, create_date, write_uid, write_date)
                SELECT v.res_id, %(model)s, v.body, %(author)s, %(email_from)s,
                       'notification', TRUE, %(subtype)s, %(message_id)s, %(reply_to)s, FALSE,
                       %(now)s, %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(res_ids)s::int[], %(bodies)s::text[]) WITH ORDINALITY
                       AS v(res_id, body, n)
                 ORDER BY v.n
             RETURNING res_id, id
                """,
                model=model,
                author=author_id or None,
                email_from=email_from or None,
                subtype=self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
                message_id=generate_tracking_message_id("message-notify"),
                reply_to=Thread._notify_get_reply_to(default=email_from)[False] or None,
                now=fields.Datetime.now(),
                uid=self.env.uid,
                res_ids=res_ids,
                bodies=texts,
            )
        )
        message_ids = dict(self.env.cr.fetchall())
        Message.invalidate_model()
        Thread.browse(res_ids).invalidate_recordset(["message_ids"])
        return message_ids

    def _customer_messages(self):
        return {
            "raised": self.env._("Traffic light alert raised (%(flag)s): %(causes)s"),
            "upgraded": self.env._("Traffic light alert upgraded to %(flag)s: %(causes)s"),
            "auto_resolved": self.env._(
                "Traffic light alert closed automatically: the customer is back to green."
            ),
            "resolved": self.env._(
                "Traffic light alert (%(flag)s) closed by %(user)s. Reason: %(reason)s. "
                "Note: %(note)s"
            ),
        }

    @api.model
    def _customer_note(self, text, alert_id, alert_name):
        """The note on the customer's chatter: ``text`` and a link to the alert."""
        link = Markup('<a href="#" data-oe-model="%s" data-oe-id="%s">%s</a>') % (
            self._name,
            alert_id,
            alert_name,
        )
        return Markup("<p>%s</p><p>%s</p>") % (text, link)

    def _log_on_customers(self, event):
        """One note per alert on its customer's chatter, linking to the alert (one INSERT)."""
        flags = dict(self._fields["flag"]._description_selection(self.env))
        messages = self._customer_messages()
        bodies = {}
        for alert in self:
            text = messages[event] % {
                "flag": flags.get(alert.flag, ""),
                "causes": alert.cause_summary or "-",
                "user": self.env.user.name,
                "reason": alert.reason_id.name or "-",
                "note": alert.note or "-",
            }
            bodies[alert.partner_id.id] = self._customer_note(text, alert.id, alert.display_name)
        self._log_notes_sql(bodies, model="res.partner")
