from odoo import models


class CrmTrafficLightStatus(models.Model):
    _inherit = "crm.traffic.light.status"

    def _format_extras(self, code, entry):
        extras = super()._format_extras(code, entry)
        if code == "p_alive" and entry.get("value") is not None:
            extras.append(self.env["crm.traffic.light.churn.model"]._churn_explanation(entry))
        return extras
