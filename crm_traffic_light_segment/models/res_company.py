# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ResCompany(models.Model):
    _inherit = "res.company"

    traffic_light_segment_window_days = fields.Integer(
        string="Segmentation Window (days)",
        default=365,
        help="Turnover and order count of the ABC and RFM analyses are taken over this window.",
    )
    traffic_light_abc_a_share = fields.Float(
        string="ABC: Class A Share (%)",
        default=80.0,
        help="Customers making the first part of the cumulative turnover are class A.",
    )
    traffic_light_abc_b_share = fields.Float(
        string="ABC: Class B Share (%)",
        default=15.0,
        help="The next part of the cumulative turnover is class B; the rest is class C.",
    )
    traffic_light_xyz_x_cv = fields.Float(
        string="XYZ: Class X up to (%)",
        default=10.0,
        help="Coefficient of variation of the monthly turnover up to which a customer is X.",
    )
    traffic_light_xyz_y_cv = fields.Float(
        string="XYZ: Class Y up to (%)",
        default=25.0,
        help="Up to this coefficient of variation a customer is Y; above it Z.",
    )
    traffic_light_sleeping_days = fields.Integer(
        string="Sleeping After (days)",
        default=180,
        help="A customer who bought before but not in this many days is sleeping.",
    )

    @api.constrains(
        "traffic_light_segment_window_days",
        "traffic_light_abc_a_share",
        "traffic_light_abc_b_share",
        "traffic_light_xyz_x_cv",
        "traffic_light_xyz_y_cv",
        "traffic_light_sleeping_days",
    )
    def _check_traffic_light_segment_settings(self):
        for company in self:
            if company.traffic_light_segment_window_days <= 0:
                raise ValidationError(
                    self.env._("The segmentation window must be a positive number of days.")
                )
            if company.traffic_light_sleeping_days <= 0:
                raise ValidationError(
                    self.env._("The sleeping period must be a positive number of days.")
                )
            a, b = company.traffic_light_abc_a_share, company.traffic_light_abc_b_share
            if a <= 0 or b < 0 or a + b > 100:
                raise ValidationError(
                    self.env._(
                        "ABC shares must be positive and together at most 100%% "
                        "(A: %(a)s%%, B: %(b)s%%).",
                        a=a,
                        b=b,
                    )
                )
            x, y = company.traffic_light_xyz_x_cv, company.traffic_light_xyz_y_cv
            if x <= 0 or y < x:
                raise ValidationError(
                    self.env._(
                        "The XYZ limit of class X (%(x)s%%) must be positive and not above "
                        "the limit of class Y (%(y)s%%).",
                        x=x,
                        y=y,
                    )
                )
