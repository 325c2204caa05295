# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every


class CrmTrafficLightNormSimulation(models.TransientModel):
    """Norm simulator: replays the last weeks with the current and with proposed norms, and
    shows per salesperson the alerts each would have produced, and how many flagged
    customers really stopped buying (precision and recall). Writes no norm and no flag."""

    _name = "crm.traffic.light.norm.simulation"
    _description = "Traffic Light Norm Simulator"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    weeks = fields.Integer(default=52, required=True, help="Weeks replayed, one as-of day each.")
    horizon_days = fields.Integer(
        string="Stopped Buying Within (days)",
        default=90,
        required=True,
        help="A flagged customer counts as a hit when it placed no confirmed order in the "
        "following days.",
    )
    line_ids = fields.One2many(
        "crm.traffic.light.norm.simulation.line", "simulation_id", string="Proposed Norms"
    )
    result_ids = fields.One2many(
        "crm.traffic.light.norm.simulation.result", "simulation_id", string="Results"
    )
    simulated = fields.Boolean(readonly=True)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "line_ids" in fields_list:
            company = self.env["res.company"].browse(values.get("company_id")) or self.env.company
            definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
            norms = self.env["crm.traffic.light.norm"].search(
                [("company_id", "=", company.id), ("category_id", "=", False)]
            )
            current = {n.indicator_code: n for n in norms}
            lines = []
            for code, definition in definitions.items():
                norm = current.get(code)
                orange = norm.orange if norm else definition.get("orange")
                red = norm.red if norm else definition.get("red")
                if orange is None or red is None:
                    continue
                lines.append((0, 0, {"indicator_code": code, "orange": orange, "red": red}))
            values["line_ids"] = lines
        return values

    def _flags_at(self, overrides=None):
        engine = self.env["crm.traffic.light.engine"].sudo()
        if overrides:
            engine = engine.with_context(traffic_light_norm_overrides=overrides)
        company = self.company_id.sudo()
        batch_size = engine._get_params(company)["batch_size"]

        def flags_at(as_of, partner_ids):
            flags = {}
            for batch in split_every(batch_size, partner_ids, list):
                results = engine.evaluate(company, batch, as_of=as_of)
                flags.update({pid: result["flag"] for pid, result in results.items()})
            return flags

        return flags_at

    def action_simulate(self):
        self.ensure_one()
        if not self.env.user.has_group("crm_traffic_light_core.group_traffic_light_admin"):
            raise UserError(self.env._("Only Traffic Light administrators can simulate norms."))
        if self.weeks < 1 or self.weeks > 104 or self.horizon_days < 1:
            raise UserError(
                self.env._("Replay between 1 and 104 weeks, with a horizon of at least one day.")
            )
        self.line_ids._check_lines()
        overrides = {
            line.indicator_code: {"orange": line.orange, "red": line.red} for line in self.line_ids
        }
        simulator = self.env["crm.traffic.light.norm.simulator"].sudo()
        rows = []
        for norm_set, flags_at in (
            ("current", self._flags_at()),
            ("proposed", self._flags_at(overrides)),
        ):
            replay = simulator._replay(
                self.company_id, flags_at, weeks=self.weeks, horizon_days=self.horizon_days
            )
            common = {
                "norm_set": norm_set,
                "orange_precision": replay["orange"]["precision"] or 0.0,
                "orange_recall": replay["orange"]["recall"] or 0.0,
                "red_precision": replay["red"]["precision"] or 0.0,
                "red_recall": replay["red"]["recall"] or 0.0,
            }
            for user_id, counts in replay["alerts"].items() or [(False, {})]:
                rows.append(
                    dict(
                        common,
                        user_id=user_id,
                        orange_alerts=counts.get("orange", 0),
                        red_alerts=counts.get("red", 0),
                    )
                )
        self.result_ids.unlink()
        self.write({"result_ids": [(0, 0, row) for row in rows], "simulated": True})
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }


class CrmTrafficLightNormSimulationLine(models.TransientModel):
    _name = "crm.traffic.light.norm.simulation.line"
    _description = "Traffic Light Norm Simulator: proposed norm"

    simulation_id = fields.Many2one(
        "crm.traffic.light.norm.simulation", required=True, ondelete="cascade"
    )
    indicator_code = fields.Selection(
        selection=lambda self: self.env["crm.traffic.light.norm"]._selection_indicator_code(),
        string="Indicator",
        required=True,
    )
    orange = fields.Float(string="Orange Threshold", required=True)
    red = fields.Float(string="Red Threshold", required=True)

    def _check_lines(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        for line in self:
            direction = definitions.get(line.indicator_code, {}).get("direction", "up")
            wrong = line.orange > line.red if direction == "up" else line.orange < line.red
            if wrong or min(line.orange, line.red) < 0:
                raise UserError(
                    self.env._(
                        "Proposed norm of %(indicator)s: orange %(orange)s and red %(red)s are "
                        "not in the order of the indicator (or are negative).",
                        indicator=definitions.get(line.indicator_code, {}).get("name"),
                        orange=line.orange,
                        red=line.red,
                    )
                )


class CrmTrafficLightNormSimulationResult(models.TransientModel):
    _name = "crm.traffic.light.norm.simulation.result"
    _description = "Traffic Light Norm Simulator: result"
    _order = "norm_set, user_id"

    simulation_id = fields.Many2one(
        "crm.traffic.light.norm.simulation", required=True, ondelete="cascade"
    )
    norm_set = fields.Selection(
        [("current", "Current Norms"), ("proposed", "Proposed Norms")], required=True
    )
    user_id = fields.Many2one("res.users", string="Salesperson")
    orange_alerts = fields.Integer()
    red_alerts = fields.Integer()
    orange_precision = fields.Float(string="Orange Precision", digits=(16, 3))
    orange_recall = fields.Float(string="Orange Recall", digits=(16, 3))
    red_precision = fields.Float(string="Red Precision", digits=(16, 3))
    red_recall = fields.Float(string="Red Recall", digits=(16, 3))
