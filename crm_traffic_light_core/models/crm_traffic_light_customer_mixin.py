# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmTrafficLightCustomerMixin(models.AbstractModel):
    """A manager's record about one customer (commercial partner) in one company: a manual
    override of the traffic light, a sales plan. The inheriting model tracks changes in its
    chatter (``mail.thread``) and checks companies (``_check_company_auto``)."""

    _name = "crm.traffic.light.customer.mixin"
    _description = "Traffic Light Customer Record"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        domain="[('parent_id', '=', False)]",
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, default=lambda self: self.env.company
    )
