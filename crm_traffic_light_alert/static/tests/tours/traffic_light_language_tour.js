import { registry } from "@web/core/registry";

/**
 * The customer's "Traffic Light" page and the alert screen, read in the user's language.
 * ``words`` holds the translated strings the salesperson must see.
 */
function languageSteps(words) {
    return [
        {
            content: "Open the customer's Traffic Light page",
            trigger: `.o_form_view .o_notebook .nav-link:contains(${words.page})`,
            run: "click",
        },
        {
            content: "The explanation's columns are translated",
            trigger:
                `.o_traffic_light_explanation thead:contains(${words.indicator})` +
                `:contains(${words.value})`,
        },
        {
            content: "The indicator and its level are translated",
            trigger:
                `.o_traffic_light_explanation tr:contains(${words.lastOrder})` +
                `:contains(${words.red})`,
        },
        {
            content: "The day count reads with the language's plural form",
            trigger:
                `.o_traffic_light_explanation tr:contains(${words.lastOrder})` +
                `:contains(${words.days})`,
        },
        {
            content: "Open the customer's alerts",
            trigger: ".o_form_view button[name=action_view_traffic_light_alerts]",
            run: "click",
        },
        {
            content: "Open the alert",
            trigger: ".o_list_view .o_data_row .o_data_cell:contains(Tour Language Customer)",
            run: "click",
        },
        {
            content: "The alert's field labels are translated",
            trigger: `.o_form_view .o_form_label:contains(${words.reason})`,
        },
        {
            content: "The alert's close button is translated",
            trigger: `.o_form_view button[name=action_resolve]:contains(${words.close})`,
        },
        {
            content: "The alert's explanation is translated",
            trigger:
                `.o_form_view .o_traffic_light_explanation th:contains(${words.indicator})`,
        },
        {
            content: "The explanation page's tab is translated",
            trigger: `.o_form_view .o_notebook .nav-link:contains(${words.explanation})`,
        },
    ];
}

registry.category("web_tour.tours").add("crm_traffic_light_language_pl_tour", {
    steps: () =>
        languageSteps({
            page: "Sygnalizator",
            indicator: "Wskaźnik",
            value: "Wartość",
            lastOrder: "Dni od ostatniego zamówienia",
            red: "Flaga czerwona",
            days: "400 dni",
            reason: "Powód",
            close: "Zamknij alert",
            explanation: "Wyjaśnienie",
        }),
});

registry.category("web_tour.tours").add("crm_traffic_light_language_ru_tour", {
    steps: () =>
        languageSteps({
            page: "Светофор",
            indicator: "Показатель",
            value: "Значение",
            lastOrder: "Дни с последнего заказа",
            red: "Красный флаг",
            days: "400 дней",
            reason: "Причина",
            close: "Закрыть предупреждение",
            explanation: "Пояснение",
        }),
});
