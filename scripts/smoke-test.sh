#!/usr/bin/env bash
# Smoke test on a real Dapr: starts the pipeline with `dapr run -f .`, uploads one photo, waits
# until it is Indexed, finds it with GET /search, deletes it, and stops everything again.
# Needs the .NET 10 SDK, curl and the Dapr CLI after `dapr init` (Docker); nothing may run yet.
#
#   scripts/smoke-test.sh [photo]    without a photo it uploads a tiny JPEG of its own
#
# SMOKE_TIMEOUT_SECONDS (default 180) bounds the start-up and the wait for Indexed, each.
set -euo pipefail
cd "$(dirname "$0")/.."

timeout_seconds="${SMOKE_TIMEOUT_SECONDS:-180}"
upload=http://localhost:5101
indexing=http://localhost:5103
work="$(mktemp -d)"
log="$work/dapr-run.log"
dapr_pid=""

fail() {
  echo "smoke test FAILED: $*" >&2
  [ -z "$dapr_pid" ] || echo "log of dapr run -f .: $log; daprd's own: src/*/.dapr/logs/" >&2
  exit 1
}

stop_dapr() {
  local status=$?
  if [ -n "$dapr_pid" ]; then
    dapr stop -f . >/dev/null 2>&1 || true
    kill "$dapr_pid" 2>/dev/null || true # if it stopped before registering its apps
    wait "$dapr_pid" 2>/dev/null || true
  fi
  [ "$status" -ne 0 ] || rm -rf "$work" # kept after a failure, for its logs
}
trap stop_dapr EXIT

# A string field of the one-line JSON on stdin; each field read here occurs once in its answer.
json_string() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }

echo "== checks"
for tool in dotnet dapr curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (README: Prerequisites)"
done
[[ "$(dapr --version)" != *"Runtime version: n/a"* ]] || fail "Dapr is not initialised: run 'dapr init'"
(exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null \
  || fail "nothing listens on localhost:6379: is the dapr_redis container of 'dapr init' running?"
[ $# -eq 0 ] || [ -f "$1" ] || fail "no such file: $1"
if curl -fs -o /dev/null "$upload/health"; then
  fail "something already answers on port 5101: stop it first (dapr stop -f .)"
fi

echo "== build"
# Built once here, so the three `dotnet run`s below do not build the shared projects at the same time.
dotnet build DaprPhotos.sln -v quiet --nologo >"$work/build.log" || fail "build failed: $work/build.log"

echo "== dapr run -f . (log: $log)"
dapr run -f . >"$log" 2>&1 &
dapr_pid=$!
deadline=$((SECONDS + timeout_seconds))
for port in 5101 5102 5103; do
  until curl -fs -o /dev/null "http://localhost:$port/health"; do
    kill -0 "$dapr_pid" 2>/dev/null || fail "dapr run -f . exited early: see $log"
    ((SECONDS < deadline)) || fail "localhost:$port/health not healthy after ${timeout_seconds} s"
    sleep 2
  done
  echo "port $port healthy"
done

echo "== upload"
word="smoke$(date +%s | tr 0-9 a-j)" # letters only: one search word, new on every run
photo="${1:-$work/smoke.jpg}"
if [ $# -eq 0 ]; then
  # A 32 x 24 gradient. The word after its end marker makes the bytes new on every run, so the
  # upload is not answered as a duplicate of an earlier one.
  base64 -d >"$photo" <<'JPEG'
/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAoHBwgHBgoICAgLCgoLDhgQDg0NDh0VFhEYIx8lJCIf
IiEmKzcvJik0KSEiMEExNDk7Pj4+JS5ESUM8SDc9Pjv/2wBDAQoLCw4NDhwQEBw7KCIoOzs7Ozs7
Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozs7Ozv/wAARCAAYACADASIA
AhEBAxEB/8QAFwABAQEBAAAAAAAAAAAAAAAABAADBf/EABgQAAMBAQAAAAAAAAAAAAAAAAAEYQID
/8QAFgEBAQEAAAAAAAAAAAAAAAAABgUH/8QAGBEAAgMAAAAAAAAAAAAAAAAAAAQBAgP/2gAMAwEA
AhEDEQA/AOXzXgjC8FYXgnC8K7WpLU3C4XgjC8F814IwvAw1qK1NzDmvBOF4RFVq0mfKXkRheCcL
wiDDVpFSl5P/2Q==
JPEG
  printf '%s' "$word" >>"$photo"
fi
code="$(curl -sS -o "$work/upload.json" -w '%{http_code}' \
  -F "file=@$photo" -F "title=Smoke test $word" -F tags=smoke "$upload/photos")"
[ "$code" != 200 ] || fail "this file was uploaded before, as: $(cat "$work/upload.json")"
[ "$code" = 202 ] || fail "POST /photos answered $code: $(cat "$work/upload.json")"
id="$(json_string id <"$work/upload.json")"
echo "photo $id, title 'Smoke test $word'"

echo "== wait for Indexed"
deadline=$((SECONDS + timeout_seconds))
status=""
until [ "$status" = Indexed ]; do
  ((SECONDS < deadline)) || fail "photo $id is still '$status' after ${timeout_seconds} s"
  sleep 1
  last="$status"
  status="$(curl -fs "$upload/photos/$id" | json_string status)" || true
  [ "$status" = "$last" ] || echo "status $status"
  [ "$status" != Failed ] || fail "photo $id failed: $(curl -sS "$upload/photos/$id")"
done

echo "== search"
hits="$(curl -sS "$indexing/search?q=$word")"
[[ "$hits" == *"\"photoId\":\"$id\""* ]] || fail "GET /search?q=$word did not find $id: $hits"
echo "found $id"

echo "== delete"
code="$(curl -sS -o /dev/null -w '%{http_code}' -X DELETE "$upload/photos/$id")"
[ "$code" = 204 ] || fail "DELETE /photos/$id answered $code"

echo "smoke test passed"
