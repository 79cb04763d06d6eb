#!/usr/bin/env bash
# Shows what follows the script in the URL (PATH_INFO) and the query string.
escape() {
    local text=$1
    # Quoted replacements: bash 5.2 would otherwise read "&" as "the matched text".
    text=${text//&/"&amp;"}
    text=${text//</"&lt;"}
    text=${text//>/"&gt;"}
    text=${text//\"/"&quot;"}
    printf '%s' "$text"
}

printf 'Content-Type: text/html; charset=utf-8\n\n'
cat <<HTML
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>PATH_INFO</title></head>
<body style="font-family:sans-serif;margin:2em">
<h1>PATH_INFO</h1>
<p>PATH_INFO: <code>$(escape "${PATH_INFO-}")</code></p>
<p>PATH_TRANSLATED: <code>$(escape "${PATH_TRANSLATED-}")</code></p>
<p>QUERY_STRING: <code>$(escape "${QUERY_STRING-}")</code></p>
<p>Try <a href="$(escape "${SCRIPT_NAME-}")/users/7?sort=name">$(escape "${SCRIPT_NAME-}")/users/7?sort=name</a>.</p>
</body></html>
HTML
