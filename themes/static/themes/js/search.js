// Search boxes: suggestions while typing, filled into the box's <datalist>; facet checkboxes
// that apply themselves. Without this script the forms work with their submit buttons, and
// the search page lists the same suggestions under the box.
(function () {
    "use strict";
    document.querySelectorAll("input[data-suggest]").forEach(function (input) {
        var list = document.getElementById(input.getAttribute("list"));
        var timer = null;
        var last = "";
        input.addEventListener("input", function () {
            clearTimeout(timer);
            timer = setTimeout(function () {
                var text = input.value.trim();
                if (text.length < 2 || text === last) { return; }
                last = text;
                fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {
                    headers: { "Accept": "application/json" }, credentials: "same-origin"
                }).then(function (response) {
                    return response.ok ? response.json() : { suggestions: [] };
                }).then(function (data) {
                    list.replaceChildren.apply(list, data.suggestions.map(function (title) {
                        var option = document.createElement("option");
                        option.value = title;
                        return option;
                    }));
                }).catch(function () { /* suggestions are a help, not a need */ });
            }, 150);
        });
    });
    // The page says so before anyone ticks a box (a change of context must be announced), and
    // after the reload the keyboard focus returns to the box that was ticked.
    document.querySelectorAll("form[data-autosubmit]").forEach(function (form) {
        form.querySelectorAll("[data-autosubmit-hint]").forEach(function (hint) {
            hint.hidden = false;
        });
        var returning = sessionStorage.getItem("pontes-focus");
        sessionStorage.removeItem("pontes-focus");
        var box = returning && document.getElementById(returning);
        if (box && form.contains(box)) { box.focus(); }
        form.addEventListener("change", function (event) {
            if (event.target.type === "checkbox") {
                sessionStorage.setItem("pontes-focus", event.target.id);
                form.submit();
            }
        });
    });
})();
