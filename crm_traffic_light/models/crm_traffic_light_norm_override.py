from odoo import api, models


class CrmTrafficLightNorm(models.Model):
    _inherit = "crm.traffic.light.norm"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _norms_for_partners(self, company, partner_ids, definitions):
        """With ``traffic_light_norm_overrides`` in the context (``{code: {"orange": x,
        "red": y}}``, the norm simulator's proposed norms), every norm of those indicators
        uses the proposed thresholds instead. Nothing is written."""
        result = super()._norms_for_partners(company, partner_ids, definitions)
        overrides = self.env.context.get("traffic_light_norm_overrides")
        if not overrides:
            return result
        for per_code in result.values():
            for code, proposed in overrides.items():
                norm = per_code.get(code)
                if norm:
                    per_code[code] = dict(norm, **proposed)
                elif code in definitions:
                    definition = definitions[code]
                    per_code[code] = {
                        "norm_id": None,
                        "mode": definition.get("mode") or "absolute",
                        "fallback_orange": definition.get("fallback_orange"),
                        "fallback_red": definition.get("fallback_red"),
                        "weight": 1.0,
                        **proposed,
                    }
        return result
