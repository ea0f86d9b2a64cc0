#!/usr/bin/env bash
# The CLI tour: the quickstart's story (see ../../quickstart.sh) told through the `countersign`
# command instead of the Java API, on embedded defaults (a local Git repository in a directory; no
# server, no cluster). It builds the `countersign` command if needed, then:
#   an agent proposes the monitoring stack for staging; the agent tries to approve it and is refused,
#   also when it types a human's name (approvals must be signed by the human's registered SSH key);
#   a human reviews and approves; the record lands as one commit with trailers; the stack's clone to
#   production is reported; the agent tries to delete the protected Prometheus volume and is refused;
#   a bad change is recorded and rolled back by an approved revert; verify passes; a plain
#   `git commit` slipped onto main is caught by verify.
# Usage: samples/demo/cli-tour.sh [WORK_DIR]   (default: target/demo under the repository root; it
# is recreated on every run)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
work=${1:-target/demo}
jar=cli/target/countersign.jar

if [ -t 1 ]; then
  bold=$'\e[1m'; green=$'\e[32m'; red=$'\e[31m'; dim=$'\e[2m'; off=$'\e[0m'
else
  bold=; green=; red=; dim=; off=
fi
step() { printf '\n%s== %s%s\n' "$bold" "$*" "$off"; }
ok() { printf '%s✓ %s%s\n' "$green" "$*" "$off"; }
refused() { printf '%s✗ %s%s\n' "$red" "$*" "$off"; }
fail() { printf 'cli tour failed: %s\n' "$*" >&2; exit 1; }
cs() { java -jar "$root/$jar" "$@"; }
# Runs a command that must be refused: prints its reason, fails the demo if it was allowed.
must_refuse() {
  local out
  if out=$(cs "$@" 2>&1); then fail "expected a refusal from: countersign $*"; fi
  refused "$(printf '%s' "$out" | head -1 | cut -c1-300)"
}

step "Building the countersign command (first run takes a minute or two)"
build_log=$(mktemp)
if ! mvn -B -q -Dstyle.color=never -pl cli -am package -DskipTests -Dmaven.javadoc.skip=true \
  -Dmaven.source.skip=true -Djacoco.skip=true >"$build_log" 2>&1; then
  cat "$build_log" >&2
  fail "the build failed (output above)"
fi
rm -f "$build_log"
ok "$jar"

rm -rf "$work"
mkdir -p "$work"
repo="$work/gitops"
stacks=samples/stacks
demo=samples/demo

step "SSH keys for the approvers (a demo: real approvers keep theirs, ideally on a security key)"
keys="$work/ssh"
mkdir -p "$keys"
for who in carol alice agent; do
  ssh-keygen -q -t ed25519 -N "" -C "$who" -f "$keys/id_ed25519_$who"
done
policy="$work/policy.yaml"
{ cat "$demo/policy.yaml"; echo "  approverKeys:"
  for who in carol alice; do echo "    \"human:$who\": [\"$(cat "$keys/id_ed25519_$who.pub")\"]"; done
} >"$policy"
ok "keys in $keys; the policy registers carol's and alice's public keys (spec.approverKeys)"

step "A GitOps repository with the policy and the staging and production environments"
cs init --repo "$repo" --policy "$policy" \
  --environment "$stacks/staging.yaml" --environment "$stacks/production.yaml" >/dev/null
ok "created $repo (policy: staging needs 1 approval, production 2, each signed; agents never approve)"

step "The agent proposes the monitoring stack for staging"
id=$(cs propose --repo "$repo" --as agent:builder --env staging "$demo/monitoring.yaml" \
  --rationale "monitoring for staging" | head -1)
ok "proposal $id"

step "The agent tries to approve its own proposal"
must_refuse approve --repo "$repo" --as agent:builder "$id"

step "The agent, given a shell, types a human's name: refused without the human's key, and with its own"
must_refuse approve --repo "$repo" --as human:carol "$id"
must_refuse approve --repo "$repo" --as human:carol "$id" --approver-key "$keys/id_ed25519_agent"

step "A human reviews it: diff, deploy waves, blast radius, variables with provenance, decision"
cs show --repo "$repo" "$id" | sed "s/^/  /"

step "human:carol approves with her SSH key; policy allows, so the record lands at once"
cs approve --repo "$repo" --as human:carol "$id" --approver-key "$keys/id_ed25519_carol"
git --git-dir="$repo" log -1 --format='%h %s%n%n%(trailers)' main | sed "s/^/  /"

step "Cloning the stack to production: what re-resolves and what must be supplied again"
cs clone "$stacks/monitoring.yaml" --from "$stacks/staging.yaml" --to "$stacks/production.yaml" \
  | sed "s/^/  /" || true

step "The agent proposes deleting the protected Prometheus volume"
must_refuse propose --repo "$repo" --as agent:builder --env staging "$demo/monitoring-without-volume.yaml" \
  --rationale "the volume looks unused"

step "A bad change is approved and recorded, then rolled back by an approved revert"
bad=$(cs propose --repo "$repo" --as agent:builder --env staging "$demo/monitoring-bad-url.yaml" \
  --rationale "move alerts to the new host" | head -1)
cs show --repo "$repo" "$bad" --statement --as human:carol >"$work/statement.txt"
ssh-keygen -q -Y sign -n countersign -f "$keys/id_ed25519_carol" "$work/statement.txt"
cs approve --repo "$repo" --as human:carol "$bad" --signature "$work/statement.txt.sig"
bad_commit=$(git --git-dir="$repo" rev-parse main)
revert=$(cs revert --repo "$repo" "$bad_commit" --as agent:builder | head -1)
cs approve --repo "$repo" --as human:alice "$revert" --approver-key "$keys/id_ed25519_alice"
cs log --repo "$repo" | sed "s/^/  /"

step "verify: every commit on main came through the contract"
cs verify --repo "$repo" | sed "s/^/  /"

step "Someone slips a plain git commit onto main"
tree=$(git --git-dir="$repo" rev-parse 'main^{tree}')
parent=$(git --git-dir="$repo" rev-parse main)
sneaky=$(echo "quick fix" | GIT_AUTHOR_NAME=mallory GIT_AUTHOR_EMAIL=mallory@example.com \
  GIT_COMMITTER_NAME=mallory GIT_COMMITTER_EMAIL=mallory@example.com \
  git --git-dir="$repo" commit-tree "$tree" -p "$parent")
git --git-dir="$repo" update-ref refs/heads/main "$sneaky" "$parent"
if out=$(cs verify --repo "$repo" 2>&1); then fail "verify did not catch the slipped commit"; fi
printf '%s\n' "$out" | sed "s/^/  /"
refused "verify caught it (exit 1)"

printf '\n%sDone.%s The repository is in %s; try: git --git-dir=%s log --format=fuller main\n' \
  "$bold" "$off" "$work" "$repo"
