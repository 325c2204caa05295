# isort: skip_file
# The report mixin must be imported before the reports that inherit it.
from . import crm_traffic_light_report_mixin
from . import crm_traffic_light_alert_report
from . import crm_traffic_light_condition_report
from . import crm_traffic_light_contact_report
from . import crm_traffic_light_reason_report
