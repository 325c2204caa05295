# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL


class CrmTrafficLightNorm(models.Model):
    """Orange and red thresholds of one indicator, for a company, optionally only for a
    segment. The most specific norm wins: a segment norm over the company default, and
    among segment norms the lowest sequence.

    Segments are extensible: a norm names its segment with :meth:`_get_segment_key` and
    :meth:`_partner_segment_keys` lists the segment keys of each customer. Partner tags
    ship here; an ABC class field is added by overriding both methods."""

    _name = "crm.traffic.light.norm"
    _description = "Traffic Light Norm"
    _order = "company_id, indicator_code, sequence, id"

    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
    indicator_code = fields.Selection(
        selection="_selection_indicator_code", string="Indicator", required=True
    )
    category_id = fields.Many2one(
        "res.partner.category",
        string="Segment: Tag",
        ondelete="cascade",
        help="Only for customers with this tag. Leave empty for the company default.",
    )
    sequence = fields.Integer(default=10, help="Among segment norms, the lowest wins.")
    mode = fields.Selection(
        [("absolute", "Absolute"), ("relative", "Relative to the customer's baseline")],
        required=True,
        default="absolute",
    )
    orange = fields.Float(string="Orange Threshold", required=True)
    red = fields.Float(string="Red Threshold", required=True)
    fallback_orange = fields.Float(
        string="Orange Without Baseline",
        help="Relative norms: absolute orange threshold for customers without a baseline.",
    )
    fallback_red = fields.Float(
        string="Red Without Baseline",
        help="Relative norms: absolute red threshold for customers without a baseline.",
    )
    weight = fields.Float(default=1.0, help="Weight of the indicator in weighted-score mode.")
    active = fields.Boolean(default=True)
    unit = fields.Char(compute="_compute_definition")
    direction = fields.Selection(
        [("up", "Higher is worse"), ("down", "Lower is worse")], compute="_compute_definition"
    )

    @api.model
    def _selection_indicator_code(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        return [(code, definition["name"]) for code, definition in definitions.items()]

    @api.depends("indicator_code")
    def _compute_definition(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        for norm in self:
            definition = definitions.get(norm.indicator_code) or {}
            norm.unit = definition.get("unit")
            norm.direction = definition.get("direction")

    @api.depends("indicator_code", "category_id", "company_id")
    def _compute_display_name(self):
        labels = dict(self._selection_indicator_code())
        for norm in self:
            name = labels.get(norm.indicator_code, norm.indicator_code or "")
            if norm.category_id:
                name = f"{name} ({norm.category_id.display_name})"
            norm.display_name = name

    # ------------------------------------------------------------------
    # Validation
    # ------------------------------------------------------------------
    @api.constrains("orange", "red", "fallback_orange", "fallback_red", "indicator_code", "weight")
    def _check_thresholds(self):
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        for norm in self:
            label = norm.display_name
            if min(norm.orange, norm.red, norm.fallback_orange, norm.fallback_red) < 0:
                raise ValidationError(
                    self.env._(
                        "Norm %(norm)s: thresholds cannot be negative.",
                        norm=label,
                    )
                )
            if norm.weight < 0:
                raise ValidationError(
                    self.env._("Norm %(norm)s: the weight cannot be negative.", norm=label)
                )
            direction = definitions.get(norm.indicator_code, {}).get("direction", "up")
            pairs = [(norm.orange, norm.red)]
            if norm.fallback_orange or norm.fallback_red:
                pairs.append((norm.fallback_orange, norm.fallback_red))
            for orange, red in pairs:
                if direction == "up" and orange > red:
                    raise ValidationError(
                        self.env._(
                            "Norm %(norm)s: higher values are worse for this indicator, so "
                            "the orange threshold (%(orange)s) cannot be above the red "
                            "threshold (%(red)s).",
                            norm=label,
                            orange=orange,
                            red=red,
                        )
                    )
                if direction == "down" and orange < red:
                    raise ValidationError(
                        self.env._(
                            "Norm %(norm)s: lower values are worse for this indicator, so "
                            "the orange threshold (%(orange)s) cannot be below the red "
                            "threshold (%(red)s).",
                            norm=label,
                            orange=orange,
                            red=red,
                        )
                    )

    @api.constrains("indicator_code", "category_id", "company_id", "active")
    def _check_unique_segment(self):
        for norm in self.filtered("active"):
            duplicate = self.search_count(
                [
                    ("id", "!=", norm.id),
                    ("company_id", "=", norm.company_id.id),
                    ("indicator_code", "=", norm.indicator_code),
                    ("category_id", "=", norm.category_id.id),
                ]
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "There is already an active norm %(norm)s for this company and segment.",
                        norm=norm.display_name,
                    )
                )

    # ------------------------------------------------------------------
    # Defaults
    # ------------------------------------------------------------------
    @api.model
    def _ensure_default_norms(self, companies=None):
        """Create the shipped default norm of each indicator for ``companies`` (default
        all) where no company default exists yet (archived ones count: an archived
        default means the administrator switched the indicator off)."""
        companies = companies or self.env["res.company"].sudo().search([])
        definitions = self.env["crm.traffic.light.indicator.mixin"]._get_definitions()
        existing = {
            (n.company_id.id, n.indicator_code)
            for n in self.sudo()
            .with_context(active_test=False)
            .search([("category_id", "=", False), ("company_id", "in", companies.ids)])
        }
        values = []
        for company in companies:
            for code, definition in definitions.items():
                if definition.get("orange") is None or (company.id, code) in existing:
                    continue
                values.append(self._default_norm_values(company, definition))
        return self.sudo().create(values)

    @api.model
    def _default_norm_values(self, company, definition):
        return {
            "company_id": company.id,
            "indicator_code": definition["code"],
            "mode": definition.get("mode") or "absolute",
            "orange": definition["orange"],
            "red": definition["red"],
            "fallback_orange": definition.get("fallback_orange") or 0.0,
            "fallback_red": definition.get("fallback_red") or 0.0,
        }

    # ------------------------------------------------------------------
    # Segment matching (extension points)
    # ------------------------------------------------------------------
    def _get_segment_key(self):
        """The segment this norm applies to, as a hashable key, or None (company default)."""
        self.ensure_one()
        if self.category_id:
            return ("category", self.category_id.id)
        return None

    @api.model
    def _partner_segment_keys(self, company, partner_ids):
        """``{partner_id: set of segment keys}`` for the customers of the batch (one SQL
        per segment kind). Extensions add their keys (e.g. ``("abc", "A")``)."""
        self.env.cr.execute(
            SQL(
                """
                SELECT partner_id, array_agg(category_id)
                  FROM res_partner_res_partner_category_rel
                 WHERE partner_id = ANY(%s)
                 GROUP BY partner_id
                """,
                list(partner_ids),
            )
        )
        keys = {pid: set() for pid in partner_ids}
        for pid, category_ids in self.env.cr.fetchall():
            keys[pid].update(("category", cid) for cid in category_ids)
        return keys

    def _as_dict(self):
        self.ensure_one()
        return {
            "norm_id": self.id,
            "mode": self.mode,
            "orange": self.orange,
            "red": self.red,
            "fallback_orange": self.fallback_orange or None,
            "fallback_red": self.fallback_red or None,
            "weight": self.weight,
        }

    @api.model
    def _norms_for_partners(self, company, partner_ids, definitions):
        """``{partner_id: {code: norm dict or None}}``: the norm of each indicator that
        applies to each customer. A norm dict has ``mode``, ``orange``, ``red``,
        ``fallback_orange``, ``fallback_red``, ``weight``, ``norm_id``."""
        norms = (
            self.sudo().with_context(active_test=False).search([("company_id", "=", company.id)])
        )
        defaults = {}
        segment_norms = {}
        configured = set()
        for norm in norms:
            key = norm._get_segment_key()
            if key is None:
                configured.add(norm.indicator_code)
            if not norm.active:
                continue
            if key is None:
                defaults[norm.indicator_code] = norm._as_dict()
            else:
                segment_norms.setdefault(norm.indicator_code, []).append((key, norm._as_dict()))
        for code, definition in definitions.items():
            if code not in configured and definition.get("orange") is not None:
                defaults[code] = {
                    "norm_id": None,
                    "mode": definition.get("mode") or "absolute",
                    "orange": definition["orange"],
                    "red": definition["red"],
                    "fallback_orange": definition.get("fallback_orange"),
                    "fallback_red": definition.get("fallback_red"),
                    "weight": 1.0,
                }
        partner_keys = (
            self._partner_segment_keys(company, partner_ids)
            if segment_norms
            else dict.fromkeys(partner_ids, set())
        )
        result = {}
        for pid in partner_ids:
            keys = partner_keys.get(pid) or set()
            per_code = {}
            for code in definitions:
                chosen = defaults.get(code)
                if keys:
                    for key, norm in segment_norms.get(code, ()):
                        if key in keys:
                            chosen = norm
                            break
                per_code[code] = chosen
            result[pid] = per_code
        return self._apply_proposed_norms(result, definitions)

    @api.model
    def _apply_proposed_norms(self, result, definitions):
        """With ``traffic_light_norm_overrides`` in the context (``{code: {"orange": x,
        "red": y}}``, the norm simulator's proposed norms), every norm of those indicators
        uses the proposed thresholds instead. Nothing is written."""
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
