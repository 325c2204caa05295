# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tests import TransactionCase, tagged

from ..tools import monolith
from ..tools.keep_on_uninstall import keep_records, take_back_kept_records

CORE = "crm_traffic_light_core"
DEBT = "mail_activity_type_debt_collection"


@tagged("post_install", "-at_install")
class TestHooks(TransactionCase):
    """What the installation, uninstall and upgrade hooks do to Odoo's tables and records."""

    def _core_table_indexes(self):
        self.env.cr.execute(
            r"""
            SELECT indexname FROM pg_indexes
             WHERE schemaname = current_schema() AND indexname LIKE 'crm\_traffic\_light%'
               AND tablename NOT LIKE 'crm\_traffic\_light%'
            """
        )
        return {name for (name,) in self.env.cr.fetchall()}

    def test_indexes_on_odoo_tables_come_and_go_with_the_hooks(self):
        engine = self.env["crm.traffic.light.engine"]
        expected = set(engine._core_table_indexes())
        self.assertIn("crm_traffic_light_mail_message_activity_idx", expected)
        self.assertIn("crm_traffic_light_account_move_customer_idx", expected)
        self.assertLessEqual(expected, self._core_table_indexes(), "created at installation")
        engine._drop_core_table_indexes()
        self.assertFalse(self._core_table_indexes(), "the uninstall hook drops them all")
        engine._create_core_table_indexes()
        self.assertEqual(self._core_table_indexes(), expected)

    def test_fields_on_odoo_tables_accept_null(self):
        """Odoo's own code creates companies, partners... without knowing the addons'
        fields: no NOT NULL constraint on a column the addons add to an Odoo table."""
        checked = []
        for model in self.env.registry.values():
            if model._abstract or model._table_query or model._name.startswith("crm.traffic"):
                continue
            for field in model._fields.values():
                # fields the addons add (not Odoo's fields they extend, e.g. a selection)
                ours = field._modules and all(
                    module.startswith("crm_traffic_light") for module in field._modules
                )
                if field.store and field.column_type and ours:
                    checked.append((model._table, field.name))
        self.assertIn(("res_company", "traffic_light_turnover_source"), checked)
        self.env.cr.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND is_nullable = 'NO'"
            "   AND (table_name, column_name) IN %s",
            [tuple(checked)],
        )
        self.assertEqual(self.env.cr.fetchall(), [])

    def test_company_without_the_settings(self):
        """As a company created by Odoo's code before the addons are loaded: empty settings
        are accepted by the database, and the engine reads the defaults."""
        company = self.env["res.company"].create({"name": "No settings"})
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE res_company SET traffic_light_turnover_source = NULL,"
            " traffic_light_score_mode = NULL WHERE id = %s",
            [company.id],
        )
        company.invalidate_recordset()
        params = self.env["crm.traffic.light.engine"]._get_params(company)
        self.assertEqual(params["turnover_source"], "invoice")
        self.assertEqual(params["score_mode"], "worst")

    def test_activity_types_outlive_the_addon(self):
        debt = self.env.ref(f"{CORE}.{DEBT}")
        keep_records(self.env, CORE, [DEBT])
        self.assertFalse(self.env.ref(f"{CORE}.{DEBT}", raise_if_not_found=False))
        self.assertEqual(self.env.ref(f"__export__.{CORE}_{DEBT}"), debt)
        take_back_kept_records(self.env, CORE, [DEBT])
        self.assertEqual(self.env.ref(f"{CORE}.{DEBT}"), debt, "a reinstallation takes it back")

    def test_no_monolith_here(self):
        self.assertFalse(monolith.is_monolith_upgrade(self.env.cr))

    def test_monolith_map_names_the_family_records(self):
        """Every XML id the map gives to an installed addon exists under that addon with the
        same model: an addon that renames or moves one must update the map."""
        installed = set(
            self.env["ir.module.module"]
            .search([("state", "=", "installed"), ("name", "like", "crm_traffic_light_")])
            .mapped("name")
        )
        missing = []
        for addon in sorted(installed):
            names = monolith.monolith_xmlids(addon)
            self.env.cr.execute(
                "SELECT name FROM ir_model_data WHERE module = %s AND name = ANY(%s)",
                [addon, names],
            )
            found = {name for (name,) in self.env.cr.fetchall()}
            missing += [f"{addon}.{name}" for name in names if name not in found]
        self.assertIn(CORE, installed)
        self.assertEqual(missing, [])

    def test_noupdate_records_are_kept_over_the_data_load(self):
        """The upgrade keeps the rows of the records the new addon's data would rewrite
        (here the activity type, noupdate in the core's data) and writes them back."""
        self.assertIn(DEBT, monolith._noupdate_data_xmlids(CORE))
        debt = self.env.ref(f"{CORE}.{DEBT}")
        debt.write({"name": "Debt collection call", "delay_count": 3})
        self.env.flush_all()
        self.assertEqual(monolith._snapshot(self.env, CORE, [DEBT, "group_traffic_light_user"]), 1)
        debt.write({"name": "Debt Collection", "delay_count": 0})  # the data load
        self.env.flush_all()
        monolith.restore_edited_records(self.env, CORE)
        self.assertEqual((debt.name, debt.delay_count), ("Debt collection call", 3))
