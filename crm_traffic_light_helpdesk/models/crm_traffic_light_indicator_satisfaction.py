# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import models
from odoo.tools import SQL


class CrmTrafficLightIndicatorSatisfaction(models.AbstractModel):
    """Satisfaction: open complaints, i.e. helpdesk tickets of the customer or its contacts
    in the company, created in the window and not in a closed stage."""

    _name = "crm.traffic.light.indicator.satisfaction"
    _inherit = "crm.traffic.light.indicator.mixin"
    _description = "Traffic Light Indicator: Open Complaints"

    _indicator_code = "satisfaction"
    _indicator_sequence = 70

    def _indicator_definition(self):
        return {
            "code": self._indicator_code,
            "name": self.env._("Open complaints in the window"),
            "unit": "count",
            "direction": "up",
            "strict": False,
            "orange": 2.0,
            "red": 4.0,
            "mode": "absolute",
        }

    def _indicator_indexes(self):
        return {
            "crm_traffic_light_helpdesk_ticket_partner_idx": SQL(
                "ON helpdesk_ticket (partner_id, company_id, create_date) WHERE active"
            ),
            # The incremental run: tickets changed since the last run.
            "crm_traffic_light_helpdesk_ticket_write_date_idx": SQL(
                "ON helpdesk_ticket (write_date)"
            ),
        }

    def _indicator_values(self, company, partner_ids, as_of, params):
        date_from, date_to = self._window(as_of, params["window_days"])
        rows = self._fetch(
            SQL(
                """
                SELECT rp.commercial_partner_id,
                       COUNT(*) FILTER (WHERE NOT COALESCE(st.closed, FALSE)),
                       COUNT(*)
                  FROM helpdesk_ticket t
                  JOIN res_partner rp ON rp.id = t.partner_id
                  LEFT JOIN helpdesk_ticket_stage st ON st.id = t.stage_id
                 WHERE t.active
                   AND t.company_id = %(company)s
                   AND rp.commercial_partner_id = ANY(%(partners)s)
                   AND t.create_date >= %(start)s AND t.create_date < %(stop)s
                 GROUP BY rp.commercial_partner_id
                """,
                company=company.id,
                partners=list(partner_ids),
                start=date_from + timedelta(days=1),
                stop=date_to + timedelta(days=1),
            )
        )
        result = {pid: {"value": 0.0, "baseline": None, "tickets": 0} for pid in partner_ids}
        for pid, open_count, total in rows:
            result[pid] = {"value": float(open_count), "baseline": None, "tickets": total}
        return result

    def _indicator_explain(self, entry, status):
        extras = super()._indicator_explain(entry, status)
        if entry.get("tickets"):
            extras.append(self.env._("tickets in the window: %(count)s", count=entry["tickets"]))
        return extras
