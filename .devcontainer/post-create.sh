#!/usr/bin/env bash
# Runs once, when the devcontainer is created: waits for the docker-in-docker daemon, lets
# `dapr init` install daprd and start Redis (6379), Zipkin (9411), placement and scheduler in it,
# then restores and builds the solution. After it, `dapr run -f .` is all there is to do.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "Waiting for the Docker daemon..."
for _ in $(seq 60); do
  docker info >/dev/null 2>&1 && break
  sleep 2
done
docker info >/dev/null # still down after two minutes: fail here, with Docker's own message

# `dapr init` refuses to run twice; its containers restart with the Docker daemon on their own.
if [[ "$(dapr --version)" == *"Runtime version: n/a"* ]]; then
  dapr init
fi

dotnet restore DaprPhotos.sln

# Built once here, so the three `dotnet run`s that `dapr run -f .` starts find the shared
# projects up to date instead of building them at the same time.
dotnet build DaprPhotos.sln --no-restore
