from odoo import api, models


class CrmTrafficLightEngine(models.AbstractModel):
    _inherit = "crm.traffic.light.engine"

    @api.model
    def evaluate(self, company, partner_ids, as_of=None):
        """Manual overrides (``crm.traffic.light.override``) replace the computed flag
        before the results are stored; the computed one stays in ``override``."""
        results = super().evaluate(company, partner_ids, as_of=as_of)
        return self.env["crm.traffic.light.override"]._apply_overrides(
            company, results, as_of=as_of
        )

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
