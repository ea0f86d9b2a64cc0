#!/usr/bin/env bash
# Times countersign's start-up (issue 25, goal 4): `countersign --version` and `countersign list` on a repository
# with PROPOSALS open proposals (made through the CLI), each RUNS times with and without the launcher's class-data
# archive, beside `java -version` and `git log -1` in the same run; prints the medians and the load.
# Needs the jar: mvn -B -pl cli -am package -DskipTests. Usage: benchmarks/startup-timing.sh [RUNS] [PROPOSALS]
# BEFORE_JAR=path/to/an/older/countersign.jar also times that jar's --version and list, for a before/after.
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cs="$root/bin/countersign"
jar="$root/cli/target/countersign.jar"
runs=${1:-11}
proposals=${2:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"
cd "$work"
cat > policy.yaml <<'YAML'
apiVersion: countersign.dev/v1
kind: Policy
metadata: {name: acme}
spec:
  roles:
    member:   [read, propose, withdraw]
    approver: [read, propose, withdraw, approve, reject, record, revert]
  bindings:
    - {principal: "human:alice", roles: [approver], environments: ["*"]}
    - {principal: "agent:builder", roles: [member], environments: ["*"]}
  environments:
    staging: {approvals: {required: 1, from: [approver]}}
YAML
cat > staging.yaml <<'YAML'
apiVersion: countersign.dev/v1
kind: Environment
metadata: {name: staging}
spec: {cluster: staging-eu, variables: {replicas: 2}}
YAML
echo "building a repository with $proposals open proposals through the CLI (archive off)..." >&2
COUNTERSIGN_CDS=off "$cs" init --repo host --policy policy.yaml --environment staging.yaml >/dev/null
for n in $(seq "$proposals"); do
  cat > stack.yaml <<YAML
apiVersion: countersign.dev/v1
kind: Stack
metadata: {name: web-$n}
spec:
  components:
    - name: api
      helm: {repository: https://charts.example.com, chart: api, version: 1.0.$n,
             namespace: web-$n, values: {replicas: "\${replicas}"}}
YAML
  COUNTERSIGN_CDS=off "$cs" propose --repo host --as agent:builder --env staging --rationale "change $n" stack.yaml \
    >/dev/null
done
listed=$("$cs" list --repo host | wc -l)
echo "list prints $listed lines; the archive was made by that first list run: $(ls "$XDG_CACHE_HOME/countersign")"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # label, command...
  local label=$1
  shift
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "$label: exit $?" >&2; exit 1; }
    end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median | { read -r ms; printf '%-58s median %5d ms over %d runs\n' "$label" "$ms" "$runs"; }
}
echo "load before: $(uptime)"
measure "java -version" java -version
measure "git log -1" git -C host log -1
measure "countersign --version (java -jar, no archive)" java -jar "$jar" --version
measure "countersign --version (bin/countersign, COUNTERSIGN_CDS=off)" env COUNTERSIGN_CDS=off "$cs" --version
measure "countersign --version (bin/countersign, archive)" "$cs" --version
if [ -n "${BEFORE_JAR:-}" ]; then
  measure "before: countersign --version (java -jar \$BEFORE_JAR)" java -jar "$BEFORE_JAR" --version
  if java -jar "$BEFORE_JAR" list --repo host >/dev/null 2>&1; then
    measure "before: countersign list (java -jar \$BEFORE_JAR)" java -jar "$BEFORE_JAR" list --repo host
  else
    echo "before: countersign list: that jar cannot read this repository"
  fi
fi
measure "countersign list (java -jar, no archive)" java -jar "$jar" list --repo host
measure "countersign list (bin/countersign, COUNTERSIGN_CDS=off)" env COUNTERSIGN_CDS=off "$cs" list --repo host
measure "countersign list (bin/countersign, archive)" "$cs" list --repo host
echo "load after: $(uptime)"
echo "$(java -version 2>&1 | head -1), nproc $(nproc)"
