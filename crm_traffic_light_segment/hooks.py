# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.crm_traffic_light_core.tools import monolith
from odoo.addons.crm_traffic_light_core.tools.keep_on_uninstall import (
    keep_records,
    take_back_kept_records,
)

ADDON = "crm_traffic_light_segment"
# Done "No Answer" activities stay in the customers' history: their type outlives the addon.
KEPT_ACTIVITY_TYPES = ("mail_activity_type_no_answer",)


def pre_init_hook(env):
    """Take over the single addon's segments, duplicates... on its upgrade; take back the
    activity type kept by an earlier uninstall."""
    monolith.take_over_from_monolith(env, ADDON)
    take_back_kept_records(env, ADDON, KEPT_ACTIVITY_TYPES)


def post_init_hook(env):
    """Keep what an administrator changed in the single addon's segment settings."""
    monolith.restore_edited_records(env, ADDON)


def uninstall_hook(env):
    """Keep the activity type that done activities refer to."""
    keep_records(env, ADDON, KEPT_ACTIVITY_TYPES)
