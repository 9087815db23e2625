#!/bin/sh
# make run: a local rrcd with the demo content on a free loopback port, a demo account
# logged in, the interface synced with it; the server stops when the interface exits.
set -eu
bin=.build/release
run=.run
rm -rf "$run"
mkdir -p "$run"
"$bin/rrcd" demo --db "$run/server.db" > "$run/demo-accounts.txt"
password=$(awk '$1 == "elena" { print $2 }' "$run/demo-accounts.txt")
"$bin/rrcd" serve --db "$run/server.db" --listen 127.0.0.1:0 2> "$run/rrcd.log" &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT INT TERM
port=""
for _ in $(seq 1 100); do
    port=$(sed -n 's/.*listening on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$run/rrcd.log" | head -n 1)
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || { echo "rrcd did not start:"; cat "$run/rrcd.log"; exit 1; }
export RRC_HOME="$PWD/$run/home"
printf '%s\n' "$password" | "$bin/rrc" login --server "http://127.0.0.1:$port" --user elena --password-stdin
"$bin/rrc" sync
echo "Demo accounts for this run (the server's log is $run/rrcd.log):"
sed -n '3,$p' "$run/demo-accounts.txt"
if [ -t 0 ] && [ -t 1 ]; then
    "$bin/rrc"
else
    "$bin/rrc"
    echo
    "$bin/rrc" list resources --lang en --limit 0
fi
