# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
INDICATOR = "crm.traffic.light.indicator.satisfaction"


def post_init_hook(env):
    """Default norm of the satisfaction indicator in every company; its indexes on the
    tickets."""
    env["crm.traffic.light.norm"]._ensure_default_norms()
    env["crm.traffic.light.engine"]._create_core_table_indexes()


def uninstall_hook(env):
    """The satisfaction indicator disappears with the addon: so do its norms and indexes."""
    env["crm.traffic.light.norm"].with_context(active_test=False).search(
        [("indicator_code", "=", "satisfaction")]
    ).unlink()
    env["crm.traffic.light.engine"]._drop_core_table_indexes(
        list(env[INDICATOR]._indicator_indexes())
    )
