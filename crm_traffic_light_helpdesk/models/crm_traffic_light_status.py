from odoo import models
from odoo.tools.misc import formatLang


class CrmTrafficLightStatus(models.Model):
    _inherit = "crm.traffic.light.status"

    def _format_measure(self, unit, value):
        if unit == "count" and value is not None:
            return formatLang(self.env, value, digits=0)
        return super()._format_measure(unit, value)

    def _format_extras(self, code, entry):
        extras = super()._format_extras(code, entry)
        if code == "satisfaction" and entry.get("tickets"):
            extras.append(self.env._("tickets in the window: %(count)s", count=entry["tickets"]))
        return extras
