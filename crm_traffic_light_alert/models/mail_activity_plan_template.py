# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.translate import html_translate

ALERT_RESPONSIBLE_TYPES = {"traffic_light_salesperson", "traffic_light_manager"}


class MailActivityPlanTemplate(models.Model):
    _inherit = "mail.activity.plan.template"

    responsible_type = fields.Selection(
        selection_add=[
            ("traffic_light_salesperson", "Customer's Salesperson"),
            ("traffic_light_manager", "Salesperson's Manager"),
        ],
        ondelete={"traffic_light_salesperson": "cascade", "traffic_light_manager": "cascade"},
    )
    # A playbook step reaches each salesperson in their own language: its summary and note
    # are translatable (Odoo 18 stores them untranslated), and the alert's playbook creates
    # each activity in the language of the person it is assigned to.
    summary = fields.Char(translate=True)
    note = fields.Html(translate=html_translate)

    @api.constrains("plan_id", "responsible_type")
    def _check_responsible_traffic_light(self):
        for template in self:
            if (
                template.responsible_type in ALERT_RESPONSIBLE_TYPES
                and template.plan_id.res_model != "crm.traffic.light.alert"
            ):
                raise ValidationError(
                    self.env._(
                        "The salesperson and manager assignments are limited to customer "
                        "alert playbooks."
                    )
                )

    def _determine_responsible(self, on_demand_responsible, applied_on_record):
        if (
            self.responsible_type not in ALERT_RESPONSIBLE_TYPES
            or applied_on_record._name != "crm.traffic.light.alert"
        ):
            return super()._determine_responsible(on_demand_responsible, applied_on_record)
        if self.responsible_type == "traffic_light_salesperson":
            responsible = applied_on_record.user_id
            error = not responsible and self.env._(
                "The customer %(customer)s has no salesperson.",
                customer=applied_on_record.partner_id.display_name,
            )
        else:
            responsible = applied_on_record.manager_id
            error = not responsible and self.env._(
                "No manager found for the customer %(customer)s: set a sales team leader or "
                "a manager on the customer.",
                customer=applied_on_record.partner_id.display_name,
            )
        return {"responsible": responsible, "error": error or False}
