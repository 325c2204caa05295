# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import fields, models
from odoo.tools.misc import formatLang

from ..tools.plural import DAYS
from .res_partner import TRAFFIC_LIGHT_SELECTION


def _flag_labels(env):
    """The flag labels translated in the language of ``env``."""
    field = env["crm.traffic.light.status"]._fields["flag"]
    return field._description_selection(env)


class CrmTrafficLightStatus(models.Model):
    """The last evaluation of one customer in one company: flag, flag date and every
    indicator's value, norm and level (JSON, see crm.traffic.light.engine.evaluate).

    Written by the engine in SQL, one statement per batch; read to render the
    explanation in the reader's language."""

    _name = "crm.traffic.light.status"
    _description = "Traffic Light Status"
    _order = "company_id, partner_id"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one("res.company", required=True, index=True, ondelete="cascade")
    flag = fields.Selection(TRAFFIC_LIGHT_SELECTION, string="Traffic Light")
    flag_date = fields.Date(string="Traffic Light Since")
    indicator_values = fields.Json(string="Indicators")
    score = fields.Float(help="Weighted score (0 = green .. 2 = red) in weighted mode.")
    computed_date = fields.Date(string="Values Changed On")

    _sql_constraints = [
        (
            "partner_company_uniq",
            "unique(partner_id, company_id)",
            "A customer has one traffic light status per company.",
        )
    ]

    # ------------------------------------------------------------------
    # Explanation
    # ------------------------------------------------------------------
    def _format_measure(self, unit, value):
        if value is None:
            return self.env._("no data")
        if unit == "days":
            return DAYS.format(self.env, round(value))
        if unit == "percent":
            return self.env._("%(percent)s %%", percent=formatLang(self.env, value, digits=1))
        if unit == "amount":
            return formatLang(self.env, value, currency_obj=self.company_id.currency_id)
        if unit == "count":
            return formatLang(self.env, value, digits=0)
        return formatLang(self.env, value, digits=2)

    def _format_norm(self, definition, entry):
        orange, red = entry.get("orange"), entry.get("red")
        if orange is None or red is None:
            return self.env._("no norm")
        unit = definition.get("unit")
        up = definition.get("direction", "up") == "up"
        strict = definition.get("strict", True)
        sign = (">" if strict else "≥") if up else ("<" if strict else "≤")
        if entry.get("mode") == "relative":
            baseline = entry.get("baseline")
            if not baseline:
                return self.env._("no baseline yet")
            return self.env._(
                "orange %(sign)s %(orange)s ×, red %(sign)s %(red)s × the usual %(baseline)s",
                sign=sign,
                orange=formatLang(self.env, orange, digits=1),
                red=formatLang(self.env, red, digits=1),
                baseline=self._format_measure(unit, baseline),
            )
        return self.env._(
            "orange %(sign)s %(orange)s, red %(sign)s %(red)s",
            sign=sign,
            orange=self._format_measure(unit, orange),
            red=self._format_measure(unit, red),
        )

    def _render_explanation(self):
        """HTML table of every indicator's value, norm and level, red and orange first,
        in the reader's language."""
        self.ensure_one()
        indicators = {
            indicator._indicator_code: indicator
            for indicator in self.env["crm.traffic.light.indicator.mixin"]._get_indicators()
        }
        definitions = {
            code: indicator._indicator_definition() for code, indicator in indicators.items()
        }
        levels = dict(_flag_labels(self.env))
        order = {"red": 0, "orange": 1, "green": 2, None: 3}
        entries = [
            (code, entry)
            for code, entry in (self.indicator_values or {}).items()
            if code in definitions
        ]
        sequence = list(definitions)
        entries.sort(key=lambda e: (order.get(e[1].get("level"), 3), sequence.index(e[0])))
        badge = {"red": "text-bg-danger", "orange": "text-bg-warning", "green": "text-bg-success"}
        rows = Markup()
        for code, entry in entries:
            definition = definitions[code]
            level = entry.get("level")
            value = self._format_measure(definition.get("unit"), entry.get("value"))
            # Each indicator adds its own phrases (overdue amount, previous turnover...).
            extras = indicators[code]._indicator_explain(entry, self)
            if extras:
                value = f"{value} ({'; '.join(extras)})"
            rows += Markup(
                "<tr><td>%s</td><td>%s</td><td>%s</td>"
                '<td><span class="badge rounded-pill %s">%s</span></td></tr>'
            ) % (
                definition["name"],
                value,
                self._format_norm(definition, entry),
                badge.get(level, "text-bg-light"),
                levels.get(level) or self.env._("Not rated"),
            )
        header = Markup("<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>") % (
            self.env._("Indicator"),
            self.env._("Value"),
            self.env._("Norm"),
            self.env._("Level"),
        )
        return Markup(
            '<table class="table table-sm o_traffic_light_explanation">'
            "<thead>%s</thead><tbody>%s</tbody></table>"
        ) % (header, rows)
