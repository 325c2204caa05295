# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Records that outlive their addon.

On uninstall Odoo deletes every record that has an XML id of the module. Some records of the
addons are business data once used: the activity types of done activities (*Debt
Collection*, *Payment Problem*, *No Answer*) stay in the customers' history, and deleting the
type empties the type of every such activity. ``keep_records`` (uninstall hook) moves their
XML id to ``__export__``, Odoo's namespace for records that belong to no module, so they stay
as ordinary records; ``take_back_kept_records`` (pre_init hook) gives them back to the addon
when it is installed again, instead of creating a second type of the same name.
"""

KEPT_MODULE = "__export__"


def _kept_name(addon, name):
    return f"{addon}_{name}"


def keep_records(env, addon, names):
    """Detach the records ``addon.<name>`` from ``addon`` so its uninstall keeps them."""
    for name in names:
        env.cr.execute(
            "UPDATE ir_model_data SET module = %s, name = %s, noupdate = TRUE"
            " WHERE module = %s AND name = %s",
            [KEPT_MODULE, _kept_name(addon, name), addon, name],
        )
    env.registry.clear_cache()  # XML id lookups are cached


def take_back_kept_records(env, addon, names):
    """Give the records kept by an earlier uninstall of ``addon`` back to it."""
    for name in names:
        env.cr.execute(
            "UPDATE ir_model_data SET module = %s, name = %s WHERE module = %s AND name = %s"
            " AND NOT EXISTS (SELECT 1 FROM ir_model_data WHERE module = %s AND name = %s)",
            [addon, name, KEPT_MODULE, _kept_name(addon, name), addon, name],
        )
    env.registry.clear_cache()
