from . import models


def post_init_hook(env):
    """Create the default norm of the satisfaction indicator in every company."""
    env["crm.traffic.light.norm"]._ensure_default_norms()


def uninstall_hook(env):
    """The satisfaction indicator disappears with the addon: so do its norms and indexes."""
    env["crm.traffic.light.norm"].with_context(active_test=False).search(
        [("indicator_code", "=", "satisfaction")]
    ).unlink()
    env.cr.execute("DROP INDEX IF EXISTS crm_traffic_light_helpdesk_ticket_partner_idx")
    env.cr.execute("DROP INDEX IF EXISTS crm_traffic_light_helpdesk_ticket_write_date_idx")
