# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .res_partner import TRAFFIC_LIGHT_SELECTION


class CrmTrafficLightOverride(models.Model):
    _name = "crm.traffic.light.override"
    _description = "Manual Traffic Light Override"
    _inherit = ["crm.traffic.light.customer.mixin", "mail.thread"]
    _order = "date_expiry desc, id desc"
    _check_company_auto = True

    flag = fields.Selection(
        TRAFFIC_LIGHT_SELECTION,
        string="Forced Traffic Light",
        required=True,
        tracking=True,
    )
    reason = fields.Text(required=True, tracking=True)
    date_expiry = fields.Date(
        string="Valid Until",
        required=True,
        tracking=True,
        help="After this date the computed traffic light applies again.",
    )
    user_id = fields.Many2one(
        "res.users", string="Set By", default=lambda self: self.env.user, readonly=True
    )
    active = fields.Boolean(default=True, tracking=True)

    def init(self):
        self.env.cr.execute(
            SQL(
                "CREATE UNIQUE INDEX IF NOT EXISTS crm_traffic_light_override_active_uniq "
                "ON crm_traffic_light_override (partner_id, company_id) WHERE active"
            )
        )

    @api.depends("partner_id", "flag")
    def _compute_display_name(self):
        flags = dict(self._fields["flag"]._description_selection(self.env))
        for override in self:
            override.display_name = self.env._(
                "%(customer)s forced to %(flag)s",
                customer=override.partner_id.display_name or "",
                flag=flags.get(override.flag, ""),
            )

    @api.constrains("date_expiry", "reason")
    def _check_values(self):
        today = fields.Date.context_today(self)
        for override in self:
            if override.active and override.date_expiry < today:
                raise ValidationError(
                    self.env._("An override must be valid until today or a later date.")
                )
            if not (override.reason or "").strip():
                raise ValidationError(self.env._("Explain why the traffic light is overridden."))

    @api.model_create_multi
    def create(self, vals_list):
        # A new override replaces the previous active one of the customer in the company.
        for vals in vals_list:
            company_id = vals.get("company_id") or self.env.company.id
            previous = self.search(
                [("partner_id", "=", vals.get("partner_id")), ("company_id", "=", company_id)]
            )
            if previous:
                previous.write({"active": False})
                previous.flush_recordset(["active"])
        overrides = super().create(vals_list)
        overrides._log_on_customers(self.env._("Traffic light manually set to %(flag)s"))
        return overrides

    def _log_on_customers(self, template):
        flags = dict(self._fields["flag"]._description_selection(self.env))
        bodies = {}
        for override in self:
            bodies[override.partner_id.id] = Markup("<p>%s</p><p>%s</p>") % (
                template % {"flag": flags.get(override.flag, "")},
                self.env._(
                    "By %(user)s until %(date)s. Reason: %(reason)s",
                    user=override.user_id.name,
                    date=fields.Date.to_string(override.date_expiry),
                    reason=override.reason,
                ),
            )
        self.partner_id.sudo()._message_log_batch(bodies=bodies)

    @api.model
    def _apply_overrides(self, company, results, as_of=None):
        """Return ``results`` (engine structure) with the active overrides of ``company``
        applied: the flag is replaced and ``override`` describes it. One query."""
        if not results:
            return results
        as_of = as_of or fields.Date.context_today(self)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT id, partner_id, flag, reason, date_expiry
                  FROM crm_traffic_light_override
                 WHERE active AND company_id = %s AND partner_id = ANY(%s)
                   AND date_expiry >= %s
                """,
                company.id,
                list(results),
                as_of,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return results
        results = dict(results)
        for override_id, partner_id, flag, reason, date_expiry in rows:
            result = dict(results[partner_id] or {})
            result["override"] = {
                "id": override_id,
                "computed_flag": result.get("flag"),
                "reason": reason,
                "date_expiry": fields.Date.to_string(date_expiry),
            }
            result["flag"] = flag
            results[partner_id] = result
        return results

    @api.model
    def _expire_overrides(self, today=None):
        today = today or fields.Date.context_today(self)
        expired = self.sudo().search([("date_expiry", "<", today)])
        if expired:
            expired.write({"active": False})
            expired._message_log_batch(
                bodies=dict.fromkeys(expired.ids, self.env._("The override has expired."))
            )
            expired._log_on_customers(
                self.env._("Manual traffic light %(flag)s expired: the computed one applies again")
            )
        return expired

    def action_archive(self):
        res = super().action_archive()
        self._log_on_customers(self.env._("Manual traffic light %(flag)s removed"))
        return res
