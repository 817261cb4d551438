#!/usr/bin/env bash
# Build what an office installs and smoke-test it from outside the source tree:
#   packaging/smoke.sh wheel    the wheel, installed (not editable) in a clean venv
#   packaging/smoke.sh bundle   the PyInstaller onedir bundle built from that venv
#   packaging/smoke.sh all      both (what .ci/run does)
# WORK=folder keeps the wheel, the venv and the bundle there (default: a new temporary folder).
set -euo pipefail
what=${1:-all}
case "$what" in wheel|bundle|all) ;; *) echo "usage: $0 wheel|bundle|all" >&2; exit 2 ;; esac
source_tree=$(cd "$(dirname "$0")/.." && pwd)
work=${WORK:-$(mktemp -d /tmp/refund-desk-pack.XXXXXX)}
mkdir -p "$work"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore
python=${PYTHON:-python3}

seconds() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(seconds)" 'BEGIN { printf "%.0f s", b - a }'; }

start=$(seconds)
rm -rf "$work/wheel" "$work/venv"
(cd "$source_tree" && "$python" -m pip wheel -q --no-deps -w "$work/wheel" .)
wheel=$(ls "$work"/wheel/refund_desk-*.whl)
"$python" - "$wheel" <<'PY'
import sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
for kind in (".ttc", ".qm", ".svg"):
    if not any(n.startswith("refund_desk/resources/") and n.endswith(kind) for n in names):
        sys.exit(f"{sys.argv[1]} carries no {kind} under refund_desk/resources/")
PY
"$python" -m venv "$work/venv"
"$work/venv/bin/pip" install -q "$wheel"
echo "wheel $(basename "$wheel") ($(du -k "$wheel" | cut -f1) KB) in a clean venv: $(took "$start")"

cd "$work"  # nothing below may find the source tree by accident
if [[ $what == wheel || $what == all ]]; then
  start=$(seconds)
  "$python" "$source_tree/packaging/smoke.py" \
    --cli "$work/venv/bin/refund-desk" --app "$work/venv/bin/refund-desk-app"
  echo "smoke test of the installed wheel: $(took "$start")"
fi

if [[ $what == bundle || $what == all ]]; then
  start=$(seconds)
  "$work/venv/bin/pip" install -q "pyinstaller>=6.10"
  rm -rf "$work/dist" "$work/build"
  "$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$work/dist" --workpath "$work/build" "$source_tree/packaging/refund_desk.spec"
  bundle="$work/dist/RefundDesk"
  "$work/venv/bin/python" - "$bundle" "$source_tree/packaging" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
import bundle_rules
if left := bundle_rules.unused_binaries_in(sys.argv[1]):
    sys.exit(f"the bundle carries libraries the app does not use: {left}")
PY
  echo "bundle $bundle ($(du -sh "$bundle" | cut -f1)) built: $(took "$start")"
  start=$(seconds)
  "$python" "$source_tree/packaging/smoke.py" \
    --cli "$bundle/refund-desk" --app "$bundle/refund-desk-app"
  echo "smoke test of the bundle: $(took "$start")"
fi
