from . import models, report, tools, wizard


def post_init_hook(env):
    """Create the shipped default norms of every company."""
    env["crm.traffic.light.norm"]._ensure_default_norms()
