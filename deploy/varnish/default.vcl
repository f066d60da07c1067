vcl 4.1;
# Varnish in front of Coopérer's gunicorn instances (README, "Beyond one machine").
# Pages are kept as long as the application's s-maxage says (it sends one only when
# FRONTEND_CACHE_PURGE_URL points here) and dropped by the PURGE requests it sends after every change:
# a PURGE bans every address below the purged one, so that purging "/" drops the whole site,
# filtered listings and feeds included.

import directors;

backend app1 {
    .host = "127.0.0.1";
    .port = "8001";
}

backend app2 {
    .host = "127.0.0.1";
    .port = "8002";
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_init {
    new apps = directors.round_robin();
    apps.add_backend(app1);
    apps.add_backend(app2);
}

sub vcl_recv {
    set req.backend_hint = apps.backend();
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(405, "Not allowed"));
        }
        ban("req.http.host == " + req.http.host + " && req.url ~ ^" + req.url);
        return (synth(200, "Purged"));
    }
    # A signed-in editor (session cookie) always reaches the application; other cookies
    # (a CSRF token, analytics) do not change what an anonymous reader sees.
    if (req.http.Cookie ~ "(^|;\s*)sessionid=") {
        return (pass);
    }
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # The application marks what may be shared (public, s-maxage); anything else is not kept.
    if (beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "s-maxage=[1-9]") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
}

sub vcl_deliver {
    if (obj.hits > 0) {
        set resp.http.X-Varnish-Cache = "hit";
    } else {
        set resp.http.X-Varnish-Cache = "miss";
    }
}
