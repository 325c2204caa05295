# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.crm_traffic_light_core.tools import monolith

ADDON = "crm_traffic_light_churn_report"


def pre_init_hook(env):
    """Take over the single addon's reports on its upgrade."""
    monolith.take_over_from_monolith(env, ADDON)


def post_init_hook(env):
    """Keep what an administrator changed in the single addon's records."""
    monolith.restore_edited_records(env, ADDON)
