# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models
from odoo.tools import SQL


class CrmTrafficLightIndicatorContact(models.AbstractModel):
    """Days since the last commercial contact: the latest done activity of a counting
    activity type (a message with an activity type) on the customer, its contacts, its
    leads or its orders, or a past calendar event with the customer or one of its contacts
    as attendee. Negative contact types (debt collection, ...) never count."""

    _name = "crm.traffic.light.indicator.contact"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Days Since Last Contact"

    _indicator_code = "contact"
    _indicator_sequence = 40

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Days since the last commercial contact"),
            "unit": "days",
            "direction": "up",
            "strict": True,
            "orange": 60.0,
            "red": 120.0,
            "mode": "absolute",
        }

    def _indicator_indexes(self):
        return {
            "crm_traffic_light_mail_message_activity_idx": SQL(
                "ON mail_message (model, res_id, date) WHERE mail_activity_type_id IS NOT NULL"
            )
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        stop = as_of + timedelta(days=1)
        rows = self._fetch(
            SQL(
                """
                WITH types AS (
                    SELECT id FROM mail_activity_type
                     WHERE traffic_light_contact AND NOT COALESCE(traffic_light_negative, FALSE)
                ), members AS (
                    SELECT id, commercial_partner_id AS pid
                      FROM res_partner
                     WHERE commercial_partner_id = ANY(%(partners)s)
                ), docs AS (
                    SELECT 'res.partner'::varchar AS model, m.id AS res_id, m.pid
                      FROM members m
                    UNION ALL
                    SELECT 'crm.lead', l.id, m.pid
                      FROM crm_lead l
                      JOIN members m ON m.id = l.partner_id
                     WHERE l.company_id = %(company)s OR l.company_id IS NULL
                    UNION ALL
                    SELECT 'sale.order', so.id, m.pid
                      FROM sale_order so
                      JOIN members m ON m.id = so.partner_id
                     WHERE so.company_id = %(company)s
                ), contacts AS (
                    SELECT d.pid, mm.date AS contact_date
                      FROM docs d
                      JOIN mail_message mm ON mm.model = d.model AND mm.res_id = d.res_id
                     WHERE mm.mail_activity_type_id IN (SELECT id FROM types)
                       AND mm.date < %(stop)s
                    UNION ALL
                    SELECT m.pid, e.start
                      FROM calendar_event_res_partner_rel rel
                      JOIN members m ON m.id = rel.res_partner_id
                      JOIN calendar_event e ON e.id = rel.calendar_event_id
                     WHERE e.active AND e.start < %(stop)s
                )
                SELECT pid, %(as_of)s - MAX(contact_date)::date
                  FROM contacts
                 GROUP BY pid
                """,
                partners=list(partner_ids),
                company=company.id,
                stop=stop,
                as_of=as_of,
            )
        )
        result = {pid: {"value": None, "baseline": None} for pid in partner_ids}
        for pid, days in rows:
            result[pid] = {"value": float(max(days, 0)), "baseline": None}
        return result
