# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from .tools import monolith
from .tools.keep_on_uninstall import keep_records, take_back_kept_records

ADDON = "crm_traffic_light_core"
# Activity types of done activities that stay in the customers' history: kept as business
# data when the addon is uninstalled (tools/keep_on_uninstall.py).
KEPT_ACTIVITY_TYPES = ("mail_activity_type_debt_collection", "mail_activity_type_payment_problem")
# Indexes of the single addon's first versions (partner flag columns, a copy of base's
# commercial partner index): dropped when a database of the single addon is upgraded.
LEGACY_INDEXES = (
    "crm_traffic_light_res_partner_commercial_idx",
    "res_partner__traffic_light_index",
    "res_partner__traffic_light_date_index",
)


def pre_init_hook(env):
    """Take over the single addon's records on its upgrade; take back the activity types
    kept by an earlier uninstall."""
    monolith.schedule_bridge_updates(env.cr)
    monolith.take_over_from_monolith(env, ADDON)
    take_back_kept_records(env, ADDON, KEPT_ACTIVITY_TYPES)


def post_init_hook(env):
    """Default norms of every company, the indexes on Odoo's tables; on a fresh installation
    calls, meetings and e-mails count as commercial contacts (an upgrade keeps the
    administrator's choice)."""
    upgrade = monolith.is_monolith_upgrade(env.cr)
    monolith.restore_edited_records(env, ADDON)
    if not upgrade:
        env["mail.activity.type"].browse(
            [
                env.ref(xmlid).id
                for xmlid in (
                    "mail.mail_activity_data_call",
                    "mail.mail_activity_data_meeting",
                    "mail.mail_activity_data_email",
                )
            ]
        ).write({"traffic_light_contact": True})
    env["crm.traffic.light.norm"]._ensure_default_norms()
    engine = env["crm.traffic.light.engine"]
    if upgrade:
        engine._drop_core_table_indexes(LEGACY_INDEXES)
    engine._create_core_table_indexes()


def uninstall_hook(env):
    """Leave Odoo's tables as they were: drop the indexes the addons created on them; keep
    the activity types that done activities refer to."""
    env["crm.traffic.light.engine"]._drop_core_table_indexes()
    keep_records(env, ADDON, KEPT_ACTIVITY_TYPES)
