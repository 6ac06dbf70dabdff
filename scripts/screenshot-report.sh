#!/usr/bin/env bash
# Proof that the single-file Allure report shows a scenario's sequence diagram in a real browser: opens
# REPORT_DIR/index.html in headless Chromium at a scenario's page with its "sequence diagram" attachment open, and
# saves a screenshot. The scenario: the first whose name matches NAME_REGEX (default: the first failed scenario, else
# the first one with a diagram).
#   scripts/screenshot-report.sh [REPORT_DIR] [OUT.png] [NAME_REGEX]
# Needs chromium (Debian package) and python3.
set -euo pipefail

home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
report="$(cd "${1:-$home/reports/allure-report}" && pwd)"
out="${2:-$home/reports/allure-report.png}"
name="${3:-}"
index="$report/index.html"
[ -f "$index" ] || { echo "screenshot-report: no $index; run ./callflow run first" >&2; exit 2; }
command -v chromium > /dev/null || { echo "screenshot-report: chromium is not installed" >&2; exit 2; }

# Allure 2 embeds each data file as d('data/test-cases/<uid>.json','<base64>'): find the test case and its diagram.
route="$(python3 - "$index" "$name" <<'PY'
import base64, json, re, sys
html, wanted = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
cases = [json.loads(base64.b64decode(b)) for b in re.findall(r"d\('data/test-cases/[^']+\.json','([^']*)'\)", html)]
def diagram(case):
    atts = list(case.get("testStage", {}).get("attachments", []))
    return next((a for a in atts if a.get("type") == "image/svg+xml"), None)
cases = sorted((c for c in cases if diagram(c)), key=lambda c: c.get("name", ""))
if wanted:
    picked = [c for c in cases if re.search(wanted, c.get("name", ""))]
else:
    picked = [c for c in cases if c.get("status") in ("failed", "broken")] or cases
if not picked:
    sys.exit("screenshot-report: no scenario with a sequence diagram" + (" matches " + wanted if wanted else ""))
case = picked[0]
print(f"testresult/{case['uid']}?attachment={diagram(case)['uid']}")
print(case["name"] + " (" + case["status"] + ")", file=sys.stderr)
PY
)"
mkdir -p "$(dirname "$out")"
# --virtual-time-budget lets the page's scripts run to the end before the shot; no network is needed or used.
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1600,1200 \
  --virtual-time-budget=10000 --screenshot="$out" "file://$index#$route" 2> /dev/null
echo "screenshot-report: $out (file://$index#$route)"
