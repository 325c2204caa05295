# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import base64
import io

import xlsxwriter

from odoo import fields, models

FLAG_COLOURS = {"green": "#C6EFCE", "orange": "#FFD966", "red": "#FF9C9C"}


class CrmTrafficLightReportExport(models.TransientModel):
    """Exports the customer health reports to one formatted XLSX workbook: handling time per
    salesperson, customer condition and flag trend, one sheet each, flags in their colours.
    Reads the reports as the current user, so record rules apply."""

    _name = "crm.traffic.light.report.export"
    _description = "Customer Health Reports Export"

    date_from = fields.Date(string="Alerts Raised From")
    date_to = fields.Date(string="Alerts Raised To")
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _alert_domain(self):
        domain = []
        if self.date_from:
            domain.append(("date_raised", ">=", fields.Datetime.to_datetime(self.date_from)))
        if self.date_to:
            domain.append(("date_raised", "<", fields.Datetime.add(self.date_to, days=1)))
        return domain

    def _flag_labels(self):
        field = self.env["crm.traffic.light.condition.report"]._fields["flag"]
        return dict(field._description_selection(self.env))

    def _write_handling(self, book, formats):
        _ = self.env._
        sheet = book.add_worksheet(_("Handling Time"))
        Report = self.env["crm.traffic.light.alert.report"]
        domain = self._alert_domain()
        headers = [
            _("Salesperson"),
            _("Alerts"),
            _("Avg. Time to First Action (h)"),
            _("Avg. Time to Close (h)"),
            _("Median Time to Close (h)"),
            _("Overdue"),
            _("Escalated"),
            _("Save Rate (%)"),
        ]
        sheet.write_row(0, 0, headers, formats["header"])
        groups = Report.read_group(
            domain,
            [
                "alert_count:sum",
                "response_hours:avg",
                "handling_hours:avg",
                "overdue_count:sum",
                "escalated_count:sum",
                "save_rate:avg",
            ],
            ["user_id"],
            lazy=False,
        )
        medians = Report.get_median_hours(domain, "user_id")
        for row, group in enumerate(groups, start=1):
            user = group["user_id"]
            median = medians.get(user and user[0], {}).get("handling")
            sheet.write_row(
                row,
                0,
                [
                    user[1] if user else _("Unassigned"),
                    group["alert_count"],
                    group["response_hours"] or 0.0,
                    group["handling_hours"] or 0.0,
                    median or 0.0,
                    group["overdue_count"],
                    group["escalated_count"],
                    group["save_rate"] or 0.0,
                ],
                formats["number"],
            )
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, len(headers) - 1, 16)

    def _write_condition(self, book, formats):
        _ = self.env._
        sheet = book.add_worksheet(_("Customer Condition"))
        headers = [
            _("Customer"),
            _("Salesperson"),
            _("Sales Team"),
            _("ABC Class"),
            _("Traffic Light"),
            _("Turnover"),
            _("Turnover at Risk"),
        ]
        sheet.write_row(0, 0, headers, formats["header"])
        labels = self._flag_labels()
        rows = self.env["crm.traffic.light.condition.report"].search(
            [], order="turnover_at_risk desc, id"
        )
        for row, line in enumerate(rows, start=1):
            sheet.write(row, 0, line.partner_id.display_name)
            sheet.write(row, 1, line.user_id.name or "")
            sheet.write(row, 2, line.team_id.name or "")
            sheet.write(row, 3, line.abc_class or "")
            sheet.write(row, 4, labels.get(line.flag, ""), formats[line.flag])
            sheet.write_number(row, 5, line.turnover, formats["number"])
            sheet.write_number(row, 6, line.turnover_at_risk, formats["number"])
        sheet.set_column(0, 2, 28)
        sheet.set_column(3, 6, 16)

    def _write_trend(self, book, formats):
        _ = self.env._
        sheet = book.add_worksheet(_("Flag Trend"))
        labels = self._flag_labels()
        flags = ["green", "orange", "red"]
        sheet.write_row(0, 0, [_("Month")], formats["header"])
        for col, flag in enumerate(flags, start=1):
            sheet.write(0, col, labels[flag], formats[flag])
        groups = self.env["crm.traffic.light.history"].read_group(
            [("kind", "=", "snapshot")],
            ["partner_id:count"],
            ["date:month", "new_flag"],
            lazy=False,
            orderby="date:month",
        )
        months = {}
        for group in groups:
            month = months.setdefault(group["date:month"], dict.fromkeys(flags, 0))
            if group["new_flag"] in month:
                month[group["new_flag"]] = group["__count"]
        for row, (month, counts) in enumerate(months.items(), start=1):
            sheet.write(row, 0, month)
            for col, flag in enumerate(flags, start=1):
                sheet.write_number(row, col, counts[flag])
        sheet.set_column(0, 3, 18)

    def _build_xlsx(self):
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        formats = {
            "header": book.add_format({"bold": True, "bg_color": "#D9D9D9", "border": 1}),
            "number": book.add_format({"num_format": "#,##0.00"}),
            False: book.add_format({}),
        }
        for flag, colour in FLAG_COLOURS.items():
            formats[flag] = book.add_format({"bg_color": colour, "bold": True})
        self._write_handling(book, formats)
        self._write_condition(book, formats)
        self._write_trend(book, formats)
        book.close()
        return output.getvalue()

    def action_export(self):
        self.ensure_one()
        self.write(
            {
                "file_data": base64.b64encode(self._build_xlsx()),
                "file_name": self.env._("customer_health_reports.xlsx"),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}&field=file_data"
            "&filename_field=file_name&download=true",
            "target": "self",
        }
