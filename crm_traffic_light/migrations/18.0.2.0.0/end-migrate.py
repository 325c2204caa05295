# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""End of the upgrade of the single addon ``crm_traffic_light`` (18.0.1.0.0) to the
umbrella of the family (18.0.2.0.0).

Each addon of the family took over the single addon's XML ids in its ``pre_init_hook``
(crm_traffic_light_core/tools/monolith.py). Foreign keys and many2many tables have no XML id:
Odoo keeps their owner in ``ir_model_constraint`` / ``ir_model_relation`` (module column),
and the family's addons registered them again under their own name when they were
installed. The single addon's rows of those elements are now duplicates: left in place, they
would make the umbrella their owner, so uninstalling the umbrella alone would try to drop
them. They are removed here; whatever no addon declares any more stays with the umbrella, as
Odoo leaves it for any element removed from a module.
"""

import logging

from odoo.tools import SQL

_logger = logging.getLogger(__name__)

MONOLITH = "crm_traffic_light"


def migrate(cr, version):
    if not version:
        return
    for table in ("ir_model_constraint", "ir_model_relation"):
        cr.execute(
            SQL(
                """
                DELETE FROM %(table)s old
                 USING ir_module_module monolith, %(table)s new, ir_module_module family
                 WHERE old.module = monolith.id AND monolith.name = %(monolith)s
                   AND new.name = old.name AND new.model = old.model
                   AND new.module = family.id AND family.name LIKE %(family)s
                """,
                table=SQL.identifier(table),
                monolith=MONOLITH,
                family=MONOLITH + "\\_%",
            )
        )
        _logger.info("%s: %d rows of %s now owned by the family", table, cr.rowcount, MONOLITH)
    cr.execute(
        "SELECT model, count(*) FROM ir_model_data WHERE module = %s GROUP BY model",
        [MONOLITH],
    )
    left = dict(cr.fetchall())
    if left:
        _logger.info("XML ids of %s that no addon declares any more: %s", MONOLITH, left)
