# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models
from odoo.tools import SQL


class CrmTrafficLightEngine(models.AbstractModel):
    _inherit = "crm.traffic.light.engine"

    @api.model
    def _changed_partner_ids(self, company, since):
        """Also the customers whose helpdesk tickets of the company changed (created,
        moved to another stage, closed, reopened, archived) since ``since``."""
        partner_ids = super()._changed_partner_ids(company, since)
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT rp.commercial_partner_id
                  FROM helpdesk_ticket t
                  JOIN res_partner rp ON rp.id = t.partner_id
                 WHERE t.company_id = %s AND t.write_date > %s
                """,
                company.id,
                since,
            )
        )
        ticket_partner_ids = [row[0] for row in self.env.cr.fetchall()]
        return sorted(set(partner_ids).union(ticket_partner_ids))
