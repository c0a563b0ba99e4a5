# Varnish in front of Newsroom (issue #20): pages kept for hours, purged by surrogate key the
# moment they change. Needs Debian's varnish (7.x) and varnish-modules (the xkey vmod), and the
# site run with EDGE_CACHE=varnish and EDGE_VARNISH_URLS=http://<this varnish>:<port>.
#
# Each reader page names what it shows in an `xkey` header (article:12 photo:7 section:3
# latest chrome ...). The site purges with `PURGE /` and the keys in `xkey-purge` (or `BAN /`
# when EDGE_VARNISH_METHOD=BAN); both are allowed from the `purgers` addresses only.
vcl 4.1;

import std;
import xkey;

# The site under gunicorn (`make serve`). Behind this, nginx is not needed for buffering:
# Varnish reads the whole page from the app at once, as nginx does.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    # /healthz answers 503 when the database does not: then pages already kept are served
    # stale (for up to a day, as stale-if-error asks) instead of errors.
    # Sick only after five failed checks in a row (25 s): a busy site answering slowly is not
    # down, and a sick backend gets no requests at all.
    .probe = {
        .url = "/healthz";
        .interval = 5s;
        .timeout = 5s;
        .window = 5;
        .threshold = 1;
        .initial = 1;
    }
}

# Who may purge: the machines the site runs on.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.x-purged));
        }
        return (purge);  # one address, the way PURGE usually works
    }
    if (req.method == "BAN") {
        if (client.ip !~ purgers || !req.http.xkey-purge) {
            return (synth(403, "Forbidden"));
        }
        # Every object whose keys include one of these (keys hold letters, digits, - and :).
        ban("obj.http.xkey ~ (^|\s)(" + regsuball(req.http.xkey-purge, "\s+", "|") + ")(\s|$)");
        return (synth(200, "Banned"));
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The desk and previews are never kept; signed-in staff (a session cookie) get fresh pages.
    if (req.url ~ "^(/[a-z]{2})?/(admin|preview)/" || req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    # Readers' cookies change nothing on a page, and tracking parameters neither (the site
    # itself ignores every query parameter a view does not read).
    unset req.http.Cookie;
    set req.url = regsuball(req.url, "([?&])(utm_[a-z]+|fbclid|gclid)=[^&]*", "\1");
    set req.url = regsuball(req.url, "[?&]+$", "");
    set req.url = std.querysort(req.url);
    # While the site is healthy a stale page is served for at most a minute while it is
    # fetched again in the background (stale-while-revalidate); while it is down, for as long
    # as the object is kept (stale-if-error).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 60s;
    }
    return (hash);
}

sub vcl_backend_response {
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);  # keep serving the page we have
    }
    if (beresp.status >= 400 || beresp.http.Cache-Control ~ "(private|no-store|no-cache)") {
        # Never kept: a story taken down is "not found" at once, and back as soon as it is.
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # TTL comes from s-maxage (hours, capped at the next scheduled change); kept a day
    # longer for when the site is down.
    set beresp.grace = 24h;
    return (deliver);
}

sub vcl_deliver {
    # The keys are for this cache only.
    unset resp.http.xkey;
}
