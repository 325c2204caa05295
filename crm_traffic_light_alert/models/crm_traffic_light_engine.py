# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class CrmTrafficLightEngine(models.AbstractModel):
    _inherit = "crm.traffic.light.engine"

    @api.model
    def _before_full_run(self, company):
        """A new full run starts a new budget of playbooks (counted over its batches on the
        company, see crm.traffic.light.alert._playbook_limit)."""
        res = super()._before_full_run(company)
        company.sudo().traffic_light_run_playbooks = 0
        return res

    @api.model
    def _after_store(self, company, results, changes):
        """Alerts follow the stored flags: raised, upgraded, auto-resolved (also for
        customers no longer evaluated)."""
        res = super()._after_store(company, results, changes)
        to_sync = dict(results)
        for partner_id, (_old, new) in changes.items():
            if new is None and partner_id not in to_sync:
                to_sync[partner_id] = {"flag": None, "indicators": {}}
        self.env["crm.traffic.light.alert"].with_context(
            traffic_light_status_stored=True
        )._sync_from_results(company, to_sync)
        return res
