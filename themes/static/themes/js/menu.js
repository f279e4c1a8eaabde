// On a narrow screen the header's two lists (the menu, the languages) fold behind buttons, so
// the page starts near the top. Without JavaScript they simply stay open. Loaded in <head>, not
// deferred: the "js" class must be on the page before it is first drawn, or the lists flash.
(function () {
    document.documentElement.classList.add("js");

    function setOpen(button, target, open) {
        button.setAttribute("aria-expanded", open ? "true" : "false");
        target.classList.toggle("is-open", open);
    }

    document.addEventListener("DOMContentLoaded", function () {
        var buttons = document.querySelectorAll("[data-header-toggle]");
        Array.prototype.forEach.call(buttons, function (button) {
            var target = document.getElementById(button.getAttribute("aria-controls"));
            if (!target) {
                return;
            }
            button.addEventListener("click", function () {
                var open = button.getAttribute("aria-expanded") !== "true";
                // one list at a time: opening the menu closes the languages and the other way round
                Array.prototype.forEach.call(buttons, function (other) {
                    var list = document.getElementById(other.getAttribute("aria-controls"));
                    if (other !== button && list) {
                        setOpen(other, list, false);
                    }
                });
                setOpen(button, target, open);
            });
            // Escape closes an open list, from inside it or from its button, and puts the
            // keyboard back on the button
            function closeOnEscape(event) {
                if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
                    setOpen(button, target, false);
                    button.focus();
                }
            }
            target.addEventListener("keydown", closeOnEscape);
            button.addEventListener("keydown", closeOnEscape);
        });
    });
})();
