#!/usr/bin/env bash
# Times `countersign hook pre-receive` as git runs it for one push (JVM start included): an honest
# record (main + its proposal record) and a plain commit on main, each RUNS times; prints the median.
# Needs the jar: mvn -B -pl cli -am package -DskipTests. Usage: benchmarks/hook-timing.sh [RUNS]
set -euo pipefail
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cs="$root/bin/countersign"
runs=${1:-9}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
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
cat > stack.yaml <<'YAML'
apiVersion: countersign.dev/v1
kind: Stack
metadata: {name: web}
spec:
  components:
    - name: api
      helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
             namespace: web, values: {replicas: "${replicas}"}}
YAML
"$cs" init --repo host --policy policy.yaml --environment staging.yaml >/dev/null
id=$("$cs" propose --repo host --as agent:builder --env staging --rationale bench stack.yaml | head -1)
"$cs" approve --repo host "$id" --as human:alice >/dev/null
head=$(git -C host rev-parse refs/heads/main)
base=$(git -C host rev-parse refs/heads/main~1)
record=$(git -C host rev-parse "refs/countersign/proposals/$id")
previous=$(git -C host rev-parse "refs/countersign/proposals/$id~1")
git clone -q --mirror host server.git
git -C server.git update-ref refs/heads/main "$base"
git -C server.git update-ref "refs/countersign/proposals/$id" "$previous"
printf '%s %s refs/heads/main\n%s %s refs/countersign/proposals/%s\n' "$base" "$head" "$previous" "$record" "$id" > honest.txt
plain=$(git -C server.git commit-tree -p "$base" -m "plain commit" "$base^{tree}")
printf '%s %s refs/heads/main\n' "$base" "$plain" > plain.txt

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() { # name, expected exit, input
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    set +e; "$cs" hook pre-receive --repo server.git < "$3" 2>/dev/null; code=$?; set -e
    end=$(date +%s%N)
    [ "$code" = "$2" ] || { echo "$1: exit $code, expected $2" >&2; exit 1; }
    echo $(( (end - start) / 1000000 ))
  done | median | { read -r ms; echo "$1: median $ms ms over $runs runs"; }
}
for _ in $(seq "$runs"); do s=$(date +%s%N); "$cs" --version >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); done \
  | median | { read -r ms; echo "countersign --version (JVM start only): median $ms ms over $runs runs"; }
measure "honest record (accepted)" 0 honest.txt
measure "plain commit (refused)" 1 plain.txt
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), nproc $(nproc)"
