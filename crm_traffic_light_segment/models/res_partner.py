from odoo import fields, models

from .crm_traffic_light_segment import ABC_SELECTION, RFM_SEGMENT_SELECTION, XYZ_SELECTION


class ResPartner(models.Model):
    """Segments as the current company sees them.

    Company-dependent fields (jsonb {company_id: value} in Odoo 18), like ``traffic_light``:
    searchable and groupable natively, so they work in list filters, group-bys, norm
    overrides and mass-mailing recipient domains without any search method. They are written
    set-based in SQL by ``crm.traffic.light.segment._compute_segments``.
    """

    _inherit = "res.partner"  # pylint: disable=consider-merging-classes-inherited

    abc_class = fields.Selection(
        ABC_SELECTION,
        string="ABC Class",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Importance by share of turnover: A = customers making the first 80% of the "
        "turnover, B = the next 15%, C = the rest (thresholds in Settings).",
    )
    xyz_class = fields.Selection(
        XYZ_SELECTION,
        string="XYZ Class",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Stability of the monthly turnover over the last 12 months: X = stable "
        "(variation up to 10%), Y = fluctuating (up to 25%), Z = irregular.",
    )
    rfm_score = fields.Char(
        string="RFM Score",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Recency, frequency and monetary scores from 1 (lowest fifth of the customers) "
        "to 5 (highest fifth), e.g. 545.",
    )
    rfm_segment = fields.Selection(
        RFM_SEGMENT_SELECTION,
        string="RFM Segment",
        company_dependent=True,
        copy=False,
        readonly=True,
    )
    is_sleeping = fields.Boolean(
        string="Sleeping Customer",
        company_dependent=True,
        copy=False,
        readonly=True,
        help="Bought before, but not within the sleeping period (Settings).",
    )
    traffic_light_segment_history_ids = fields.One2many(
        "crm.traffic.light.segment.history", "partner_id", string="Segment History"
    )

    def _tl_action_schedule(self):
        """Odoo's activity schedule wizard (single activity or activity plan) on self."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Schedule Activity"),
            "res_model": "mail.activity.schedule",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "active_model": "res.partner",
                "active_ids": self.ids,
                "active_id": self.ids[0] if self.ids else False,
            },
        }

    def _tl_action_mail(self):
        """Odoo's mail composer in mass mode on self."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send Email"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_composition_mode": "mass_mail",
                "default_model": "res.partner",
                "default_res_ids": self.ids,
                "active_model": "res.partner",
                "active_ids": self.ids,
            },
        }

    def action_traffic_light_segment_history(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Segment History"),
            "res_model": "crm.traffic.light.segment.history",
            "view_mode": "list",
            "domain": [
                ("partner_id", "=", self.commercial_partner_id.id),
                ("company_id", "=", self.env.company.id),
            ],
        }
