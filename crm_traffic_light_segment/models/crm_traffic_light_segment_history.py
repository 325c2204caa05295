# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

from .crm_traffic_light_segment import ABC_SELECTION, RFM_SEGMENT_SELECTION, XYZ_SELECTION


class CrmTrafficLightSegmentHistory(models.Model):
    """One row each time a customer's segments change: the dynamics of its state."""

    _name = "crm.traffic.light.segment.history"
    _description = "Customer Segment History"
    _order = "date desc, id desc"
    _rec_name = "partner_id"

    partner_id = fields.Many2one(
        "res.partner", string="Customer", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        "res.company", string="Company", required=True, index=True, ondelete="cascade"
    )
    user_id = fields.Many2one(
        "res.users", string="Salesperson", related="partner_id.user_id", store=True
    )
    date = fields.Date(required=True, index=True)
    old_abc_class = fields.Selection(ABC_SELECTION, string="Previous ABC Class")
    abc_class = fields.Selection(ABC_SELECTION, string="ABC Class")
    old_xyz_class = fields.Selection(XYZ_SELECTION, string="Previous XYZ Class")
    xyz_class = fields.Selection(XYZ_SELECTION, string="XYZ Class")
    old_rfm_segment = fields.Selection(RFM_SEGMENT_SELECTION, string="Previous RFM Segment")
    rfm_segment = fields.Selection(RFM_SEGMENT_SELECTION, string="RFM Segment")
    old_is_sleeping = fields.Boolean(string="Was Sleeping")
    is_sleeping = fields.Boolean(string="Sleeping")
