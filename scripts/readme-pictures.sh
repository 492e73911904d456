#!/bin/sh
# Regenerates the pictures in docs/ that the README shows: the progress site at desktop and phone
# widths (`site`), and the first page of each official document — the 通报, a unit's report and a
# 催办 notice — as LibreOffice Writer lays out the .docx (`documents`). No argument: both.
# Needs chromium (site), libreoffice-writer and poppler-utils (documents) and imagemagick; uses the
# embedded plan with the test progress: the site as of 2021-09-20, the documents as of 2021-12-06
# (the day after the December checkpoint).
set -e
cd "$(dirname "$0")/.."
what=${1:-all}
npm run build >/dev/null
work=$(mktemp -d)
cp -r plan "$work/plan"
cp -r tests/fixtures/progress/status "$work/plan/"
plan() { node bin/plan.js --plan "$work/plan" --lang zh "$@"; }
mkdir -p docs
if [ "$what" = all ] || [ "$what" = site ]; then
  plan site --as-of 2021-09-20 --out "$work/public" >/dev/null
  node scripts/screenshot.mjs "$work/public/index.html" "$work/desktop.png" 1280 full
  node scripts/screenshot.mjs "$work/public/index.html" "$work/phone.png" 390 full
  # Small files: the top of each, fewer colours.
  convert "$work/desktop.png" -crop 1280x1250+0+0 -resize 75% +dither -colors 128 docs/site-desktop.png
  convert "$work/phone.png" -crop 390x1500+0+0 +dither -colors 128 docs/site-phone.png
fi
if [ "$what" = all ] || [ "$what" = documents ]; then
  plan summary --as-of 2021-12-06 --format docx --out "$work/summary.docx" >/dev/null
  plan report 县财政局 --checkpoint 2021-12-05 --as-of 2021-12-06 --format docx --out "$work/reports" >/dev/null
  plan remind --as-of 2021-12-06 --format docx --out "$work/notices" --unit 古城镇 >/dev/null
  cp "$work/reports/finance-2021-12-05.docx" "$work/report.docx"
  cp "$work/notices/town-gucheng-2021-12-06.docx" "$work/notice.docx"
  # The real client: Writer lays out the pages, with the office fonts mapped to the Linux ones as
  # docs/fonts/plan-ledger-fonts.conf maps them; pdftoppm draws page 1 at 60 dpi.
  cat >"$work/fonts.conf" <<CONF
<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><include>$PWD/docs/fonts/plan-ledger-fonts.conf</include></fontconfig>
CONF
  FONTCONFIG_FILE="$work/fonts.conf" soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/summary.docx" "$work/report.docx" "$work/notice.docx" >/dev/null
  for kind in summary report notice; do
    pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$kind.pdf" "$work/$kind"
    convert "$work/$kind.png" +dither -colors 32 "docs/$kind.png"
  done
fi
ls -l docs/*.png
rm -rf "$work"
