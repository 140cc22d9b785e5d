#!/bin/sh
# Installs Unknot into the Flatpak (run by flatpak-builder from the checkout's top folder).
# The package is laid out as the wheel lays it out: coach/ with its data in coach/_data/, where
# coach.paths looks first, so no build back end is needed inside the sandbox.
set -eu
site="$(python3 -c 'import sysconfig; print(sysconfig.get_path("purelib", vars={"base": "/app", "platbase": "/app"}))')"
mkdir -p "$site/coach/_data"
cp -r coach/. "$site/coach/"
cp -r sessions assets "$site/coach/_data/"
find "$site/coach" -name __pycache__ -prune -exec rm -rf {} +
python3 -m compileall -q "$site/coach"

install -Dm755 packaging/flatpak/unknot.sh "$FLATPAK_DEST/bin/unknot"
install -Dm644 "packaging/linux/$FLATPAK_ID.desktop" -t "$FLATPAK_DEST/share/applications/"
install -Dm644 "packaging/linux/$FLATPAK_ID.metainfo.xml" -t "$FLATPAK_DEST/share/metainfo/"
install -Dm644 "packaging/linux/$FLATPAK_ID.svg" -t "$FLATPAK_DEST/share/icons/hicolor/scalable/apps/"
