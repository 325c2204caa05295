import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("crm_traffic_light_sleeping_customers_tour", {
    url: "/odoo/sleeping-customers",
    steps: () => [
        {
            content: "Open the salesperson's group",
            trigger: ".o_list_view .o_group_header:contains(Tour Sleeping Sales)",
            run: "click",
        },
        {
            content: "Select the sleeping customer",
            trigger: ".o_data_row:contains(Tour Sleeping Customer) .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Schedule an activity for the selection",
            trigger: ".o_control_panel button:contains(Schedule Activity)",
            run: "click",
        },
        {
            content: "Odoo's activity wizard opens; schedule",
            trigger: ".modal-footer button[name=action_schedule_activities]",
            run: "click",
        },
        {
            content: "The wizard is closed",
            trigger: "body:not(:has(.modal .o_form_view))",
        },
    ],
});
