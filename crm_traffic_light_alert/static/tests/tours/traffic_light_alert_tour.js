import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_traffic_light_alert_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open my activities from the systray",
            trigger: ".o_menu_systray i[aria-label='Activities']",
            run: "click",
        },
        {
            content: "Open the customer alerts with activities for me",
            trigger: ".o-mail-ActivityGroup:contains(Customer Traffic Light Alert)",
            run: "click",
        },
        {
            content: "Open the orange alert of my customer",
            trigger: ".o_data_row .o_data_cell:contains(Tour Orange Customer)",
            run: "click",
        },
        {
            content: "The alert explains why the customer is orange",
            trigger: ".o_form_view .o_traffic_light_explanation td:contains(Days since the last order)",
        },
        {
            content: "Pick a reason from the list",
            trigger: ".o_field_widget[name=reason_id] input",
            run: "edit Price",
        },
        {
            content: "Choose 'Price or competitor offer'",
            trigger: ".o-autocomplete--dropdown-item:contains(Price or competitor offer)",
            run: "click",
        },
        {
            content: "Write a note",
            trigger: ".o_field_widget[name=note] textarea",
            run: "edit The competitor offered a lower price; we agreed a new discount.",
        },
        {
            content: "Close the alert",
            trigger: ".o_form_view button[name=action_resolve]",
            run: "click",
        },
        {
            content: "The alert is resolved",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(Resolved)",
        },
        {
            content: "The chatter tells who closed the alert",
            trigger: ".o-mail-Message:contains(Alert closed by)",
        },
        {
            content: "Open the customer",
            trigger: ".o_field_widget[name=partner_id] a",
            run: "click",
        },
        {
            content: "The customer's history shows the episode with its reason",
            trigger:
                ".o_form_view .o-mail-Message:contains(closed by):contains(Price or competitor offer)",
        },
        {
            content: "The customer's alerts are one click away",
            trigger: ".o_form_view button[name=action_view_traffic_light_alerts]",
            run: "click",
        },
        {
            content: "The alert list shows the closed episode",
            trigger: ".o_list_view .o_data_row:contains(Tour Orange Customer):contains(Resolved)",
        },
    ],
});
