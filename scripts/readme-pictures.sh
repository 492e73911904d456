#!/bin/sh
# Regenerates the pictures in docs/ that the README shows: the progress site at desktop and phone
# widths, the checkpoint summary and a 催办 notice (.docx laid out by LibreOffice Writer, page 1).
# Needs chromium, libreoffice-writer, poppler-utils and imagemagick; uses the embedded plan with
# the test progress, as of 2021-09-20.
set -e
cd "$(dirname "$0")/.."
npm run build >/dev/null
work=$(mktemp -d)
cp -r plan "$work/plan"
cp -r tests/fixtures/progress/status "$work/plan/"
plan() { node bin/plan.js --plan "$work/plan" --as-of 2021-09-20 --lang zh "$@"; }
plan site --out "$work/public" >/dev/null
plan summary --format docx --out "$work/summary.docx" >/dev/null
plan remind --format docx --out "$work/notices" --unit 古城镇 >/dev/null
mkdir -p docs
node scripts/screenshot.mjs "$work/public/index.html" "$work/desktop.png" 1280 full
node scripts/screenshot.mjs "$work/public/index.html" "$work/phone.png" 390 full
# The real client: Writer lays out the pages (GB/T 9704 grid, page numbers), pdftoppm draws page 1.
cp "$work/notices/town-gucheng-2021-09-20.docx" "$work/notice.docx"
soffice --headless --norestore "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" "$work/summary.docx" "$work/notice.docx" >/dev/null
pdftoppm -png -r 96 -f 1 -l 1 -singlefile "$work/summary.pdf" "$work/summary"
pdftoppm -png -r 96 -f 1 -l 1 -singlefile "$work/notice.pdf" "$work/notice"
# Small files: the top of each, fewer colours.
convert "$work/desktop.png" -crop 1280x1250+0+0 -resize 75% +dither -colors 128 docs/site-desktop.png
convert "$work/phone.png" -crop 390x1500+0+0 +dither -colors 128 docs/site-phone.png
# One A4 page's height of each document (794 px wide at 96 dpi → 1123 px).
convert "$work/summary.png" -crop 794x1123+0+0 -resize 70% +dither -colors 64 docs/summary.png
convert "$work/notice.png" -crop 794x1123+0+0 -resize 70% +dither -colors 64 docs/notice.png
ls -l docs/*.png
rm -rf "$work"
