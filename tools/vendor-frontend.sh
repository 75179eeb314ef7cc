#!/usr/bin/env bash
# Re-fetch the browser files the site serves itself (no CDN) from the npm registry, at pinned versions.
# Usage: tools/vendor-frontend.sh VEGA_LITE_VERSION   (must equal altair.SCHEMA_VERSION without the "v")
# The site's charts reach the browser compiled to Vega at build time (axbook/figures/downloads.py), so its bundle is vega and
# vega-embed; vega-lite is kept only for the page-weight benchmark's stock page, which compiles in the browser.
set -euo pipefail
vega=6.4.0 vega_embed=7.3.0
vega_lite=${1:?give the vega-lite version altair expects, e.g. 6.4.1}
root=$(cd "$(dirname "$0")/.." && pwd)
out=$root/_static/vendor bench=$root/benchmarks/vendor
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent "vega@$vega" "vega-lite@$vega_lite" "vega-embed@$vega_embed" >/dev/null
for tgz in *.tgz; do mkdir "${tgz%.tgz}"; tar xzf "$tgz" -C "${tgz%.tgz}"; done
# One file, in dependency order: JB1 loads every *.js under _static in filesystem order.
{
  for pkg in "vega-$vega" "vega-embed-$vega_embed"; do
    name=${pkg%-*}
    printf '/* %s (npm registry), BSD-3-Clause, see _static/vendor/LICENSES.md */\n' "$pkg"
    cat "$pkg/package/build/$name.min.js"
    printf '\n'
  done
} | sed 's|//# sourceMappingURL=.*||' > "$out/vega-bundle.min.js"
mkdir -p "$bench"
{
  printf '/* vega-lite-%s (npm registry), BSD-3-Clause, see _static/vendor/LICENSES.md */\n' "$vega_lite"
  cat "vega-lite-$vega_lite/package/build/vega-lite.min.js"
  printf '\n'
} | sed 's|//# sourceMappingURL=.*||' > "$bench/vega-lite.min.js"
{
  echo "# Vendored front-end files"
  echo
  echo "Fetched with \`tools/vendor-frontend.sh $vega_lite\` (\`npm pack\` from the npm registry). Do not edit by hand."
  echo
  echo "| package | version | licence | tarball sha256 |"
  echo "|---|---|---|---|"
  for tgz in *.tgz; do
    pkg=$(tar xzf "$tgz" -O package/package.json | python3 -c 'import json,sys; p=json.load(sys.stdin); print(p["name"], p["version"], p.get("license"), sep="|")')
    echo "| ${pkg//|/ | } | $(sha256sum "$tgz" | cut -d' ' -f1) |"
  done
  echo
  echo "Files: \`vega-bundle.min.js\` = vega, vega-embed \`build/*.min.js\` concatenated in that order (the site's"
  echo "charts come compiled to Vega); \`benchmarks/vendor/vega-lite.min.js\` = vega-lite's, for the page-weight"
  echo "benchmark's stock page only (not published)."
  echo "The webfont is not vendored: the build cuts it from Debian's fonts-nanum (axbook/site/fonts.py, _static/nanum-gothic.css)."
} > "$out/VENDOR.md"
for pkg in "vega-$vega" "vega-lite-$vega_lite" "vega-embed-$vega_embed"; do
  printf '\n## %s\n\n```\n' "$pkg"; cat "$pkg/package/LICENSE"; printf '```\n'
done > "$out/LICENSES.md"
echo "vendored into $out"
