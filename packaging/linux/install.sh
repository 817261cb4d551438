#!/usr/bin/env bash
# Install the Linux bundle (dist/RefundDesk from packaging/refund_desk.spec) for every user of
# this PC: the folder in /opt/RefundDesk, both programs on the PATH, the menu entry and its icon.
#   sudo packaging/linux/install.sh dist/RefundDesk
# DESTDIR=/some/root installs under that folder instead (for packaging, and for the tests).
set -euo pipefail
bundle=${1:?usage: install.sh path/to/dist/RefundDesk}
here=$(cd "$(dirname "$0")" && pwd)
root=${DESTDIR:-}
prefix=${PREFIX:-/opt/RefundDesk}
[[ -x $bundle/refund-desk && -x $bundle/refund-desk-app ]] || {
  echo "install.sh: $bundle is not a Refund Desk bundle (no refund-desk, refund-desk-app)" >&2
  exit 1
}
rm -rf "$root$prefix"
mkdir -p "$root$prefix" "$root/usr/local/bin" "$root/usr/share/applications" \
  "$root/usr/share/icons/hicolor/scalable/apps"
cp -a "$bundle/." "$root$prefix/"
ln -sfn "$prefix/refund-desk" "$root/usr/local/bin/refund-desk"
ln -sfn "$prefix/refund-desk-app" "$root/usr/local/bin/refund-desk-app"
install -m 644 "$here/refund-desk.desktop" "$root/usr/share/applications/refund-desk.desktop"
install -m 644 "$bundle/_internal/refund_desk/resources/icons/refund_desk.svg" \
  "$root/usr/share/icons/hicolor/scalable/apps/refund-desk.svg"
echo "installed in $root$prefix; menu entry refund-desk.desktop"
