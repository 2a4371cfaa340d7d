#!/bin/sh
# Regenerate the legacy and OpenDocument test files from the shared fixtures with LibreOffice:
# a Word 97-2003 .doc and an OpenDocument .odt of one DOCX fixture, an .ods of its workbook.
# The tests only sniff these (and read them through a fake soffice); they never need LibreOffice.
# Run from the repository root: sh tests/data/office/make.sh
set -eu
here=$(dirname "$0")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
stem=004_402c59144089559f
for target in doc odt; do
    soffice -env:UserInstallation="file://$profile" --headless --convert-to "$target" \
        --outdir "$here" "tests/data/fixtures/$stem.docx"
done
soffice -env:UserInstallation="file://$profile" --headless --convert-to ods \
    --outdir "$here" "tests/data/fixtures/$stem.xlsx"
