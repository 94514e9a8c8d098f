#!/usr/bin/env bash
# Which of newsevents' direct dependencies break the tests in their newest release?
#
# CI installs the exact versions of constraints.txt, so a new release of a dependency cannot
# break it; this script is the scheduled look ahead (run it by hand, say monthly, before raising
# an upper bound in pyproject.toml and regenerating constraints.txt). Not run by CI.
#
# In a throwaway venv it installs constraints.txt and runs the tests (the baseline), then, one
# direct dependency at a time, upgrades it to its newest release, ignoring pyproject.toml's
# upper bound, runs the tests again and puts the pinned set back; at last it tries every newest
# release together. It prints one line per dependency and exits 1 when any of them breaks.
#
# Usage: scripts/check-newest.sh [PYTEST-ARGS...]
#   default: the suite without the browser tests, stopping at the fifth failure;
#   PostgreSQL tests run when NEWSEVENTS_TEST_PG_URL is set (see scripts/test.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -gt 0 ]; then
    pytest_args=("$@")
else
    pytest_args=(-m "not browser" --maxfail=5)
fi

work="$(mktemp -d -t newsevents-newest.XXXXXX)"
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
# pip install, quiet unless it fails (an upgrade beyond a bound makes pip warn of the conflict).
pip_quiet() {
    if "$py" -m pip install -q --disable-pip-version-check "$@" >"$work/pip.log" 2>&1; then
        return 0
    fi
    grep -v "is ignored: it is neither a file nor a directory" "$work/pip.log" | tail -5 >&2
    return 1
}
pinned() { pip_quiet -c constraints.txt -e ".[test]"; }

pip_quiet --upgrade pip
pinned

# Direct dependencies, runtime and test, as "name" or "name[extra]".
mapfile -t packages < <("$py" - <<'EOF'
import re
import tomllib

with open("pyproject.toml", "rb") as handle:
    project = tomllib.load(handle)["project"]
requirements = project["dependencies"] + [
    req for extra in project["optional-dependencies"].values() for req in extra]
for requirement in requirements:
    print(re.match(r"[A-Za-z0-9_.-]+(\[[^\]]*\])?", requirement).group(0))
EOF
)

version() { "$py" -c 'import importlib.metadata as m, sys; print(m.version(sys.argv[1]))' "${1%%\[*}"; }

# Runs the tests; on failure, keeps the names of the failed tests in $work/failed.
run_tests() {
    if "$py" -m pytest -q -p no:cacheprovider -rf "${pytest_args[@]}" >"$work/out" 2>&1; then
        return 0
    fi
    grep -E "^(FAILED|ERROR) " "$work/out" | head -5 >"$work/failed" || true
    [ -s "$work/failed" ] || tail -5 "$work/out" >"$work/failed"
    return 1
}

echo "baseline (constraints.txt): running the tests..."
if ! run_tests; then
    echo "the pinned versions themselves fail; fix that first:"
    cat "$work/failed"
    exit 1
fi

broken=0
report=()
for package in "${packages[@]}"; do
    before="$(version "$package")"
    if ! pip_quiet --upgrade "$package"; then
        broken=1
        report+=("$(printf '%-26s %-12s the newest release does not install' "$package" "$before")")
        pinned
        continue
    fi
    after="$(version "$package")"
    if [ "$before" = "$after" ]; then
        report+=("$(printf '%-26s %-12s newest, nothing to try' "$package" "$before")")
        continue
    fi
    echo "$package $after: running the tests..."
    if run_tests; then
        report+=("$(printf '%-26s %-12s -> %-12s passes' "$package" "$before" "$after")")
    else
        broken=1
        report+=("$(printf '%-26s %-12s -> %-12s BREAKS:' "$package" "$before" "$after")")
        while read -r line; do report+=("    $line"); done <"$work/failed"
    fi
    pinned
done

echo "all newest releases together: running the tests..."
if ! pip_quiet --upgrade "${packages[@]}"; then
    broken=1
    report+=("all newest releases together: they do not install together")
elif run_tests; then
    report+=("all newest releases together: pass")
else
    broken=1
    report+=("all newest releases together: BREAK:")
    while read -r line; do report+=("    $line"); done <"$work/failed"
fi

printf '%s\n' "${report[@]}"
exit "$broken"
