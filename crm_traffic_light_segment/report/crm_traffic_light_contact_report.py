# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL

from ..models.crm_traffic_light_segment import ABC_SELECTION


class CrmTrafficLightContactReport(models.Model):
    """Contact discipline: customers and the date of their last commercial contact.

    A commercial contact is a done activity (a message with an activity type) of a type that
    counts as commercial contact and is not negative, on the customer, one of its contacts or
    one of its leads, or a past calendar event with the customer or one of its contacts.
    """

    _name = "crm.traffic.light.contact.report"
    _inherit = ["crm.traffic.light.report.mixin"]
    _description = "Contact Discipline Report"
    _auto = False
    _order = "days_without_contact desc, id"
    _rec_name = "partner_id"

    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class", readonly=True)
    interval_days = fields.Integer(string="Required Every (days)", readonly=True)
    last_contact_date = fields.Datetime(string="Last Commercial Contact", readonly=True)
    days_without_contact = fields.Integer(string="Days Without Contact", readonly=True)
    is_overdue = fields.Boolean(string="Contact Overdue", readonly=True)
    days_overdue = fields.Integer(string="Days Overdue", readonly=True)

    def _with(self):
        return SQL(
            """
            family AS (
                SELECT DISTINCT s.partner_id, p.id AS member_id
                  FROM crm_traffic_light_segment s
                  JOIN res_partner p ON p.commercial_partner_id = s.partner_id
            ), contacts AS (
                SELECT f.partner_id, m.date
                  FROM family f
                  JOIN mail_message m ON m.model = 'res.partner' AND m.res_id = f.member_id
                  JOIN mail_activity_type t ON t.id = m.mail_activity_type_id
                 WHERE t.traffic_light_contact AND NOT COALESCE(t.traffic_light_negative, FALSE)
                UNION ALL
                SELECT f.partner_id, m.date
                  FROM family f
                  JOIN crm_lead l ON l.partner_id = f.member_id
                  JOIN mail_message m ON m.model = 'crm.lead' AND m.res_id = l.id
                  JOIN mail_activity_type t ON t.id = m.mail_activity_type_id
                 WHERE t.traffic_light_contact AND NOT COALESCE(t.traffic_light_negative, FALSE)
                UNION ALL
                SELECT f.partner_id, e.start
                  FROM family f
                  JOIN calendar_event_res_partner_rel r ON r.res_partner_id = f.member_id
                  JOIN calendar_event e ON e.id = r.calendar_event_id
                 WHERE e.active AND e.start <= now() at time zone 'UTC'
            ), last_contact AS (
                SELECT partner_id, MAX(date) AS date FROM contacts GROUP BY partner_id
            )
            """
        )

    def _select(self):
        return SQL(
            """
            s.id, s.partner_id, s.company_id, p.user_id, s.abc_class,
            fq.interval_days,
            lc.date AS last_contact_date,
            (CURRENT_DATE - lc.date::date) AS days_without_contact,
            (lc.date IS NULL
             OR lc.date::date < CURRENT_DATE - fq.interval_days) AS is_overdue,
            GREATEST(CURRENT_DATE - COALESCE(lc.date::date, s.last_order_date)
                     - fq.interval_days, 0) AS days_overdue
            """
        )

    def _from(self):
        return SQL(
            """
            crm_traffic_light_segment s
            JOIN res_partner p ON p.id = s.partner_id
            JOIN LATERAL (
                 SELECT f.interval_days FROM crm_traffic_light_contact_frequency f
                  WHERE f.abc_class = s.abc_class
                    AND (f.company_id = s.company_id OR f.company_id IS NULL)
                  ORDER BY f.company_id NULLS LAST LIMIT 1
            ) fq ON TRUE
            LEFT JOIN last_contact lc ON lc.partner_id = s.partner_id
            """
        )

    def action_schedule_activity(self):
        return self.partner_id._tl_action_schedule()

    def action_send_mail(self):
        return self.partner_id._tl_action_mail()
