// Tells the server the reader's time zone, so event times are shown in it (a cookie, no tracking).
(function () {
    try {
        var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        if (zone && document.cookie.indexOf("pontes_tz=" + encodeURIComponent(zone)) === -1) {
            document.cookie = "pontes_tz=" + encodeURIComponent(zone) + "; path=/; max-age=31536000; SameSite=Lax";
        }
    } catch (error) { /* an old browser: times stay in each event's own zone */ }
})();
