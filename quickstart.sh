#!/usr/bin/env bash
# The main job: builds samples/quickstart, a host application that embeds Countersign in a plain Java
# main, and runs it. In a fresh directory (default target/quickstart, recreated on every run) it tells
# the contract end to end: an agent proposes the monitoring stack for staging and is refused approving
# it, also when, given a shell, it types a human's name (approvals must be signed by the human's
# registered SSH key), and when it commits onto main itself and pushes to a Git server running the
# pre-receive check (in process, on 127.0.0.1): refused, no ref moves; a human reviews and approves
# with an SSH key; the record lands with its trailers; the stack cloned to production is refused there
# (production pins chart digests); the agent is refused deleting a protected volume; a bad change is
# recorded and reverted through an approved revert; the agent proposes one more staging worker with its
# evidence (memory pressure), the review shows the cost, two humans approve and the Cluster API files land;
# verify passes, then catches a plain commit slipped
# onto main. It exits non-zero if any step does not behave as told.
# Needs Java 17+, Maven 3.8.7+ and ssh-keygen (OpenSSH); the first build downloads dependencies.
# Usage: ./quickstart.sh [WORK_DIR]
set -euo pipefail
args=("$@")
if [ $# -ge 1 ] && [[ $1 != /* && $1 != -* ]]; then
  args[0]="$PWD/$1"
fi
cd "$(dirname "$0")"
jar=samples/quickstart/target/quickstart.jar

echo "Building the quickstart with Maven (the first build downloads dependencies and takes a few minutes)..." >&2
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
if ! mvn -B -q -Dstyle.color=never -pl samples/quickstart -am package -Dmaven.test.skip=true -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -Djacoco.skip=true >"$build_log" 2>&1; then
  cat "$build_log" >&2
  echo "quickstart.sh: the build failed (output above)" >&2
  exit 1
fi
java -jar "$jar" "${args[@]}"
