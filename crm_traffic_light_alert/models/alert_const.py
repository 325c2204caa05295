# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Constants of the customer alerts, shared by the alert model, its mixins and the reports."""

from odoo.addons.crm_traffic_light_core.models.res_partner import TRAFFIC_LIGHT_SELECTION

# An alert is an episode of a customer being orange or red.
ALERT_FLAG_SELECTION = TRAFFIC_LIGHT_SELECTION[1:]
ALERT_STATE_SELECTION = [
    ("new", "New"),
    ("in_progress", "In Progress"),
    ("escalated", "Escalated"),
    ("resolved", "Resolved"),
    ("auto_resolved", "Auto-Resolved"),
]
OPEN_STATES = ("new", "in_progress", "escalated")
CLOSED_STATES = ("resolved", "auto_resolved")
FLAG_SEVERITY = {"green": 0, "orange": 1, "red": 2}
# Indicator data copied as it is into an alert's snapshot.
SCALAR_TYPES = frozenset((int, float, str, bool, type(None)))
# Playbooks launched inside an engine batch: beyond this many new/upgraded alerts in one batch
# (e.g. the first full run), the rest wait for the playbook cron. System parameter
# ``crm_traffic_light.alert_playbook_batch_limit`` overrides it.
PLAYBOOK_BATCH_LIMIT = 200
# Playbooks launched by one full run over all its batches (the first run after installation
# raises tens of thousands of alerts). System parameter
# ``crm_traffic_light.alert_playbook_run_limit`` overrides it.
PLAYBOOK_RUN_LIMIT = 200
# Pending alerts handled per committed batch of the playbook cron.
PLAYBOOK_CRON_BATCH = 200
# Fields a salesperson may not change on their own alerts (the engine and managers set them).
MANAGER_ONLY_FIELDS = {"partner_id", "company_id", "flag", "user_id", "manager_id", "date_raised"}
# Fields only the alert's own actions (buttons, engine, crons) change.
SYSTEM_FIELDS = {
    "state",
    "date_red",
    "date_first_action",
    "date_escalated",
    "date_closed",
    "indicator_snapshot",
    "main_indicator_code",
    "snoozed_until",
    "snooze_reason",
    "playbook_pending",
}
