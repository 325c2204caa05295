# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.addons.crm_traffic_light_core.tools import monolith

ADDON = "crm_traffic_light_alert"


def pre_init_hook(env):
    """Take over the single addon's alerts, reasons, playbooks... on its upgrade."""
    monolith.take_over_from_monolith(env, ADDON)


def post_init_hook(env):
    """Create the default norm of the sales plan indicator in every company."""
    monolith.restore_edited_records(env, ADDON)
    env["crm.traffic.light.norm"]._ensure_default_norms()


def uninstall_hook(env):
    """The sales plan indicator disappears with the addon: so do its norms."""
    env["crm.traffic.light.norm"].with_context(active_test=False).search(
        [("indicator_code", "=", "sales_plan")]
    ).unlink()
