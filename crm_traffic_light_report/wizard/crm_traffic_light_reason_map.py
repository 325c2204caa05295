# Copyright 2026 crm_traffic_light contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import csv
import math
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.addons.crm_traffic_light_alert.models.alert_const import ALERT_FLAG_SELECTION
from odoo.addons.crm_traffic_light_core.tools.plural import ALERTS
from odoo.exceptions import ValidationError
from odoo.tools import file_open

# Colours of the reasons on the map, in order of their total number of alerts.
PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#ff7f0e",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#7f7f7f",
)
WIDTH, HEIGHT, MARGIN, LEGEND_WIDTH = 800, 460, 56, 220
MIN_RADIUS, MAX_RADIUS = 6.0, 34.0


def country_centroids():
    """{country code: (latitude, longitude)} shipped in data/country_centroids.csv."""
    with file_open("crm_traffic_light_report/data/country_centroids.csv") as handle:
        return {
            row["code"]: (float(row["latitude"]), float(row["longitude"]))
            for row in csv.DictReader(handle)
        }


class CrmTrafficLightReasonMap(models.TransientModel):
    """Where each alert reason occurs most: one circle per country, sized by the number of
    alerts with a reason and coloured by the country's most frequent reason.

    Odoo Community has no map view: the picture is an SVG drawn on the server with an
    equirectangular projection of country centroids (or of the customers' coordinates for
    countries without a shipped centroid), read from the reasons analysis so that the same
    record rules apply.
    """

    _name = "crm.traffic.light.reason.map"
    _description = "Alert Reasons Map"

    date_from = fields.Date(string="Raised From")
    date_to = fields.Date(string="Raised To")
    flag = fields.Selection(ALERT_FLAG_SELECTION, string="Traffic Light")
    map_html = fields.Html(string="Map", compute="_compute_map_html", sanitize=False)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from and wizard.date_to and wizard.date_from > wizard.date_to:
                raise ValidationError(
                    self.env._("The start of the period must not be after its end.")
                )

    def _report_domain(self):
        self.ensure_one()
        domain = [("reason_id", "!=", False)]
        if self.date_from:
            domain.append(("date_raised", ">=", fields.Datetime.to_datetime(self.date_from)))
        if self.date_to:
            end = fields.Datetime.to_datetime(self.date_to).replace(hour=23, minute=59, second=59)
            domain.append(("date_raised", "<=", end))
        if self.flag:
            domain.append(("flag", "=", self.flag))
        return domain

    def _get_map_data(self):
        """[{country, count, reasons: [(reason, count)] most frequent first}] and the reasons
        ordered by their total, for the period and flag of the wizard."""
        groups = self.env["crm.traffic.light.reason.report"]._read_group(
            self._report_domain(), ["country_id", "reason_id"], ["__count"]
        )
        by_country = defaultdict(list)
        totals = defaultdict(int)
        for country, reason, count in groups:
            by_country[country].append((reason, count))
            totals[reason] += count
        reasons = sorted(totals, key=lambda r: (-totals[r], r.name or "", r.id))
        rows = []
        for country, counts in by_country.items():
            counts.sort(key=lambda rc: (-rc[1], reasons.index(rc[0])))
            rows.append(
                {"country": country, "count": sum(c for _r, c in counts), "reasons": counts}
            )
        rows.sort(key=lambda row: (-row["count"], row["country"].name or ""))
        return rows, reasons

    def _country_positions(self, countries):
        """{country: (latitude, longitude)} from the shipped centroids, else the mean of the
        customers' coordinates when base_geolocalize provides them."""
        centroids = country_centroids()
        positions = {}
        missing = self.env["res.country"]
        for country in countries:
            if country.code in centroids:
                positions[country] = centroids[country.code]
            else:
                missing |= country
        Partner = self.env["res.partner"]
        if missing and "partner_latitude" in Partner._fields:
            groups = Partner.sudo()._read_group(
                [
                    ("country_id", "in", missing.ids),
                    ("partner_latitude", "!=", 0.0),
                    ("partner_longitude", "!=", 0.0),
                ],
                ["country_id"],
                ["partner_latitude:avg", "partner_longitude:avg"],
            )
            for country, latitude, longitude in groups:
                positions[country] = (latitude, longitude)
        return positions

    @api.depends("date_from", "date_to", "flag")
    @api.depends_context("lang", "allowed_company_ids", "uid")
    def _compute_map_html(self):
        for wizard in self:
            wizard.map_html = wizard._render_map()

    def _render_map(self):
        self.ensure_one()
        rows, reasons = self._get_map_data()
        if not rows:
            return Markup('<p class="text-muted">%s</p>') % self.env._(
                "No alert with a reason in this period."
            )
        colours = {reason: PALETTE[i % len(PALETTE)] for i, reason in enumerate(reasons)}
        positions = self._country_positions([row["country"] for row in rows if row["country"]])
        return self._render_svg(rows, reasons, colours, positions) + self._render_table(
            rows, colours
        )

    def _render_svg(self, rows, reasons, colours, positions):
        placed = [row for row in rows if row["country"] in positions]
        circles = Markup()
        if placed:
            lats = [positions[row["country"]][0] for row in placed]
            lons = [positions[row["country"]][1] for row in placed]
            mid_lat = (max(lats) + min(lats)) / 2
            scale_x = math.cos(math.radians(mid_lat))
            xs = [lon * scale_x for lon in lons]
            span_x = max(max(xs) - min(xs), 10.0)
            span_y = max(max(lats) - min(lats), 10.0)
            scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
            center_x, center_y = (max(xs) + min(xs)) / 2, (max(lats) + min(lats)) / 2
            biggest = max(row["count"] for row in placed)
            for row in sorted(placed, key=lambda r: -r["count"]):
                country = row["country"]
                lat, lon = positions[country]
                x = WIDTH / 2 + (lon * scale_x - center_x) * scale
                y = HEIGHT / 2 - (lat - center_y) * scale
                radius = MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * math.sqrt(row["count"] / biggest)
                top_reason = row["reasons"][0][0]
                title = self.env._(
                    "%(country)s: %(alerts)s, most frequent reason: %(reason)s",
                    country=country.name,
                    alerts=ALERTS.format(self.env, row["count"]),
                    reason=top_reason.name,
                )
                circles += Markup(
                    '<g class="o_tl_map_country" data-country="%s" data-count="%s" '
                    'data-top-reason="%s"><title>%s</title>'
                    '<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" fill-opacity="0.75" '
                    'stroke="#333" stroke-width="1"/>'
                    '<text x="%.1f" y="%.1f" text-anchor="middle" font-size="11" '
                    'font-family="sans-serif">%s (%s)</text></g>'
                ) % (
                    country.code,
                    row["count"],
                    top_reason.name,
                    title,
                    x,
                    y,
                    radius,
                    colours[top_reason],
                    x,
                    y + radius + 12,
                    country.code,
                    row["count"],
                )
        legend = Markup(
            '<text x="%s" y="24" font-size="13" font-weight="bold" '
            'font-family="sans-serif">%s</text>'
        ) % (WIDTH + 10, self.env._("Most frequent reason"))
        for index, reason in enumerate(reasons):
            y = 44 + index * 20
            legend += Markup(
                '<g class="o_tl_map_legend" data-reason="%s">'
                '<rect x="%s" y="%s" width="14" height="14" fill="%s"/>'
                '<text x="%s" y="%s" font-size="12" font-family="sans-serif">%s</text></g>'
            ) % (reason.name, WIDTH + 10, y - 11, colours[reason], WIDTH + 30, y, reason.name)
        total_width = WIDTH + LEGEND_WIDTH
        total_height = max(HEIGHT, 60 + len(reasons) * 20)
        return Markup(
            '<svg xmlns="http://www.w3.org/2000/svg" class="o_tl_reason_map" '
            'viewBox="0 0 %s %s" width="100%%" style="max-width: %spx">'
            '<rect x="0" y="0" width="%s" height="%s" fill="#eef4f8" stroke="#ccc"/>'
            "%s%s</svg>"
        ) % (total_width, total_height, total_width, WIDTH, HEIGHT, circles, legend)

    def _render_table(self, rows, colours):
        body = Markup()
        for row in rows:
            country = row["country"]
            top_reason, top_count = row["reasons"][0]
            body += Markup(
                '<tr><td>%s</td><td class="text-end">%s</td>'
                '<td><span style="color: %s">&#9679;</span> %s</td><td class="text-end">%s</td>'
                "<td>%s</td></tr>"
            ) % (
                country.name or self.env._("Unknown country"),
                row["count"],
                colours[top_reason],
                top_reason.name,
                top_count,
                ", ".join(f"{reason.name} ({count})" for reason, count in row["reasons"][1:]),
            )
        header = Markup(
            "<tr><th>%s</th><th class='text-end'>%s</th><th>%s</th>"
            "<th class='text-end'>%s</th><th>%s</th></tr>"
        ) % (
            self.env._("Country"),
            self.env._("Alerts"),
            self.env._("Most Frequent Reason"),
            self.env._("Alerts With It"),
            self.env._("Other Reasons"),
        )
        return Markup(
            '<table class="table table-sm o_tl_reason_map_table mt-3">'
            "<thead>%s</thead><tbody>%s</tbody></table>"
        ) % (header, body)
