from . import models


def post_init_hook(env):
    """Create the default norm of the P(alive) indicator in every company."""
    env["crm.traffic.light.norm"]._ensure_default_norms()


def uninstall_hook(env):
    """The P(alive) indicator disappears with the addon: so do its norms."""
    env["crm.traffic.light.norm"].with_context(active_test=False).search(
        [("indicator_code", "=", "p_alive")]
    ).unlink()
