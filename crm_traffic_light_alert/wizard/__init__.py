# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from . import base_partner_merge_automatic_wizard, crm_traffic_light_alert_snooze
